/** The longest reason the server keeps with a decision (`decisionReason` in `src/api/schemas.ts`). */
export const REASON_MAX_LENGTH = 1000;

/**
 * The optional reason an analyst gives for a decision (merge, split, a candidate's fate), kept
 * in the audit log: a labelled one-line input, or a textarea of `rows` rows.
 */
export function ReasonField({
  id,
  value,
  onChange,
  label = 'Reason (kept in the audit log)',
  placeholder = 'optional',
  rows,
  autoFocus,
}: {
  /** The control's id, which the label points to. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  label?: string;
  placeholder?: string;
  /** A textarea of this many rows; a one-line input without. */
  rows?: number;
  autoFocus?: boolean;
}) {
  const control = {
    id,
    maxLength: REASON_MAX_LENGTH,
    placeholder,
    value,
    autoFocus,
  };
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...control} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...control} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Count, DateValue, Review, ReviewAction, ReviewOutcome } from '../api/types';
import { countValue, formatTimestamp } from '../lib/format';
import { ATTACK_TYPES, STATEMENT_TYPES, WEAPON_TYPES } from '../lib/vocab';
import { errorText } from '../lib/use-action';
import './review.css';

/** How a corrected value is typed in for a field. */
type Editor =
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'count' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'multi'; options: readonly string[] }
  | { kind: 'text' };

/** Fields that can be corrected, by subject kind; the others can only be confirmed or rejected. */
export function editorFor(subject: 'incident' | 'statement', field: string): Editor | undefined {
  if (field === 'type')
    return { kind: 'select', options: subject === 'incident' ? ATTACK_TYPES : STATEMENT_TYPES };
  if (['killed', 'wounded', 'perpetratorsKilled', 'perpetratorsWounded'].includes(field))
    return { kind: 'count' };
  if (field === 'date') return { kind: 'date' };
  if (field === 'suicide') return { kind: 'boolean' };
  if (field === 'weapons') return { kind: 'multi', options: WEAPON_TYPES };
  if (field === 'quote' || field === 'medium') return { kind: 'text' };
  return undefined;
}

function initialText(editor: Editor, current: unknown): string {
  if (editor.kind === 'count') return String(countValue(current as Count | null) ?? '');
  if (editor.kind === 'date') {
    const v = (current as DateValue | null)?.value ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '';
  }
  if (editor.kind === 'boolean') return current === true ? 'yes' : current === false ? 'no' : '';
  if (typeof current === 'string') return current;
  return '';
}

/**
 * Confirm, correct or reject one field of an incident or statement (POST /api/reviews); the
 * page reloads the subject afterwards so that the decision is seen as the server stored it.
 */
export function ReviewControls({
  subject,
  subjectId,
  field,
  label,
  current,
  reviews,
  onReviewed,
}: {
  subject: 'incident' | 'statement';
  subjectId: string;
  field: string;
  label: string;
  current: unknown;
  reviews?: Review[] | undefined;
  onReviewed: (action: ReviewAction, outcome: ReviewOutcome | undefined) => void;
}) {
  const editor = editorFor(subject, field);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [multi, setMulti] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const id = useId();
  const last = reviews?.filter((r) => r.field === field).at(-1);

  async function send(action: ReviewAction, value?: unknown) {
    setBusy(true);
    setMessage(undefined);
    try {
      const outcome = await api.review(subjectId, field, action, value);
      setMessage({
        ok: true,
        text: action === 'confirm' ? 'Confirmed.' : action === 'reject' ? 'Rejected.' : 'Corrected.',
      });
      setEditing(false);
      onReviewed(action, outcome);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  function startEditing() {
    if (!editor) return;
    setText(initialText(editor, current));
    setMulti(Array.isArray(current) ? (current as string[]) : []);
    setEditing(true);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!editor) return;
    let value: unknown;
    switch (editor.kind) {
      case 'count': {
        const n = Number(text);
        if (text.trim() === '' || !Number.isInteger(n) || n < 0) {
          setMessage({ ok: false, text: 'Enter a whole number of people (0 or more).' });
          return;
        }
        value = { value: n };
        break;
      }
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
          setMessage({ ok: false, text: 'Enter a date.' });
          return;
        }
        value = { value: text, precision: 'day' };
        break;
      case 'boolean':
        value = text === 'yes' ? true : text === 'no' ? false : null;
        break;
      case 'multi':
        value = multi;
        break;
      default:
        if (!text.trim()) {
          setMessage({ ok: false, text: 'Enter a value.' });
          return;
        }
        value = text.trim();
    }
    void send('correct', value);
  }

  return (
    <div className="review">
      <div className="review-buttons" role="group" aria-label={`Review ${label}`}>
        <button type="button" disabled={busy} onClick={() => void send('confirm')} title={`Confirm ${label}`}>
          ✓ Confirm
        </button>
        {editor ? (
          <button
            type="button"
            disabled={busy}
            aria-expanded={editing}
            aria-controls={`${id}-form`}
            onClick={() => (editing ? setEditing(false) : startEditing())}
            title={`Correct ${label}`}
          >
            ✎ Correct
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={() => void send('reject')} title={`Reject ${label}`}>
          ✕ Reject
        </button>
      </div>
      {editing && editor ? (
        <form id={`${id}-form`} className="review-form" onSubmit={submit}>
          {editor.kind === 'select' ? (
            <select
              aria-label={`Corrected ${label}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
            >
              <option value="">Choose…</option>
              {editor.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : editor.kind === 'count' ? (
            <input
              type="number"
              min={0}
              step={1}
              aria-label={`Corrected ${label}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
            />
          ) : editor.kind === 'date' ? (
            <input
              type="date"
              aria-label={`Corrected ${label}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
            />
          ) : editor.kind === 'boolean' ? (
            <select
              aria-label={`Corrected ${label}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
            >
              <option value="">unknown</option>
              <option value="yes">yes</option>
              <option value="no">no</option>
            </select>
          ) : editor.kind === 'multi' ? (
            <fieldset className="checks">
              <legend className="visually-hidden">{`Corrected ${label}`}</legend>
              {editor.options.map((o) => (
                <label key={o}>
                  <input
                    type="checkbox"
                    checked={multi.includes(o)}
                    onChange={(e) =>
                      setMulti((m) => (e.target.checked ? [...m, o] : m.filter((x) => x !== o)))
                    }
                  />
                  {o.startsWith('Vehicle') ? 'Vehicle' : o}
                </label>
              ))}
            </fieldset>
          ) : (
            <input
              type="text"
              aria-label={`Corrected ${label}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
            />
          )}
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      <p className="review-status small" aria-live="polite">
        {message ? <span className={message.ok ? 'ok' : 'bad'}>{message.text}</span> : null}
        {!message && last ? (
          <span
            className="badge reviewed"
            title={last.createdAt ? formatTimestamp(last.createdAt) : undefined}
          >
            {last.action === 'confirm' ? 'confirmed' : last.action === 'reject' ? 'rejected' : 'corrected'}
            {last.author ? ` by ${last.author}` : ''}
          </span>
        ) : null}
      </p>
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { DecisionResult, Incident } from '../../api/types';
import { formatDate, formatPlace } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { ActionError } from '../../components/ActionError';
import { ReasonField } from '../../components/ReasonField';

/** A short name for an incident in lists of choices: type, place, date. */
export function incidentLabel(i: Pick<Incident, 'type' | 'location' | 'date'>): string {
  return `${i.type}, ${formatPlace(i.location)}, ${formatDate(i.date)}`;
}

/**
 * The incidents an analyst ticked in the table, and the merge of them into one (POST
 * /api/incidents/merge, with an optional reason for the audit log). The merged incident shows
 * "merged by an analyst" among its merge reasons.
 */
export function MergePanel({
  selected,
  onRemove,
  onClear,
  onMerged,
}: {
  selected: Incident[];
  onRemove: (id: string) => void;
  onClear: () => void;
  onMerged: (outcome: DecisionResult, count: number) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  if (selected.length === 0) return null;

  async function merge(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const outcome = await api.merge(
        selected.map((i) => i.id),
        reason.trim() || undefined,
      );
      setReason('');
      onMerged(outcome, selected.length);
    });
  }

  return (
    <form className="merge-panel" onSubmit={(e) => void merge(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Merge incidents that are one</h3>
      <ul className="plain merge-selected">
        {selected.map((i) => (
          <li key={i.id}>
            <span>{incidentLabel(i)}</span>
            <button
              type="button"
              className="link-button small"
              onClick={() => onRemove(i.id)}
              aria-label={`Leave out ${incidentLabel(i)}`}
            >
              leave out
            </button>
          </li>
        ))}
      </ul>
      {selected.length < 2 ? (
        <p className="muted small">Tick at least one more incident in the table.</p>
      ) : null}
      <div className="merge-row">
        <ReasonField
          id={`${id}-reason`}
          value={reason}
          onChange={setReason}
          placeholder="e.g. the same attack: one report gives the district, the other the city"
        />
        <button type="submit" className="primary" disabled={busy || selected.length < 2}>
          {busy ? 'Merging…' : `Merge ${selected.length} incidents`}
        </button>
        <button type="button" onClick={onClear} disabled={busy}>
          Clear selection
        </button>
      </div>
      <ActionError error={error} />
      <p className="muted small merge-note">
        Kept when Vigil resolves again; undo by splitting a report out.
      </p>
    </form>
  );
}

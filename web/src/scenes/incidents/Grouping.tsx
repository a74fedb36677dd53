import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { MentionSource } from '../../api/types';
import { formatIsoDate, plural } from '../../lib/format';
import { documentPath, incidentIdFrom } from '../../lib/links';
import { ShowAll, useFirst } from '../../components/ShowMore';
import { useAction } from '../../lib/use-action';
import { ActionError } from '../../components/ActionError';
import { ReasonField } from '../../components/ReasonField';

/** What the incident page says after a merge or split brought the analyst to it. */
export interface DecisionNotice {
  text: string;
  link?: { to: string; label: string };
}

/**
 * An analyst's corrections of how reports were grouped into this incident: take one document's
 * report out (split), or merge another incident into this one. Both are kept across re-resolution
 * and audited with the optional reason; the page moves to where the reports are afterwards.
 */
export function Grouping({
  incidentId,
  sources,
  onDecided,
}: {
  incidentId: string;
  sources: MentionSource[];
  /** After a decision: the incident to show now (where the reports are), and what to say. */
  onDecided: (target: string | undefined, notice: DecisionNotice) => void;
}) {
  const id = useId();
  const [splitting, setSplitting] = useState<string>();
  const [reason, setReason] = useState('');
  const [other, setOther] = useState('');
  const [mergeReason, setMergeReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const docs = [...new Map(sources.map((s) => [s.docId, s])).values()];
  const list = useFirst(docs, 8);

  async function split(e: FormEvent, doc: MentionSource) {
    e.preventDefault();
    await run(async () => {
      const outcome = await api.split(incidentId, doc.docId, reason.trim() || undefined);
      setSplitting(undefined);
      setReason('');
      const title = doc.title ? `“${doc.title}”` : 'The report';
      onDecided(outcome.other, {
        text: `${title} was split out of this incident. Resolution ran again: ${plural(outcome.incidents, 'incident')} in all.`,
        ...(outcome.incident
          ? {
              link: {
                to: `/incidents/${encodeURIComponent(outcome.incident)}`,
                label: 'Open the incident it now reports',
              },
            }
          : {}),
      });
    });
  }

  async function merge(e: FormEvent) {
    e.preventDefault();
    const otherId = incidentIdFrom(other);
    if (!otherId) return setError('Paste the id of another incident (inc-…) or its address.');
    if (otherId === incidentId) return setError('That is this incident.');
    await run(async () => {
      const outcome = await api.merge([incidentId, otherId], mergeReason.trim() || undefined);
      setOther('');
      setMergeReason('');
      onDecided(outcome.incident, {
        text: `Merged the two incidents into this one. Resolution ran again: ${plural(outcome.incidents, 'incident')} in all.`,
      });
    });
  }

  return (
    <section className="card grouping" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Merge or split</h2>
      <p className="muted small">
        If a report is about another attack, split it out; if another incident is this one, merge it here.
        Your decision is kept when Vigil resolves again, and audited with your reason.
      </p>
      <ActionError error={error} />
      <div className="grouping-grid">
        <div>
          <h3>Reports ({docs.length})</h3>
          <ul className="plain divided grouping-reports">
            {list.shown.map((d) => (
              <li key={d.docId}>
                <div className="report-line">
                  <Link to={documentPath(d.docId)}>{d.title ?? d.docId}</Link>
                  {d.publishedAt ? (
                    <span className="meta">{formatIsoDate(d.publishedAt.slice(0, 10))}</span>
                  ) : null}
                  {splitting !== d.docId ? (
                    <button
                      type="button"
                      className="small"
                      disabled={busy || docs.length < 2}
                      title={docs.length < 2 ? 'The only report cannot be split out' : undefined}
                      onClick={() => {
                        setSplitting(d.docId);
                        setReason('');
                        setError(undefined);
                      }}
                      aria-label={`Split out ${d.title ?? d.docId}`}
                    >
                      Split out…
                    </button>
                  ) : null}
                </div>
                {splitting === d.docId ? (
                  <form className="inline-decision" onSubmit={(e) => void split(e, d)}>
                    <ReasonField
                      id={`${id}-split-reason`}
                      value={reason}
                      onChange={setReason}
                      label="Why is this report about another incident?"
                      placeholder="optional, e.g. it reports an earlier bombing in the same city"
                      rows={2}
                      autoFocus
                    />
                    <div className="form-actions">
                      <button type="submit" className="primary" disabled={busy}>
                        {busy ? 'Splitting…' : 'Split it out'}
                      </button>
                      <button type="button" onClick={() => setSplitting(undefined)} disabled={busy}>
                        Cancel
                      </button>
                    </div>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
          <ShowAll hidden={list.hidden} total={docs.length} noun="reports" onClick={list.showAll} />
          {docs.length < 2 ? <p className="muted small">One report: there is nothing to split.</p> : null}
        </div>
        <form className="merge-here" onSubmit={(e) => void merge(e)} aria-labelledby={`${id}-merge-h`}>
          <h3 id={`${id}-merge-h`}>Merge another incident into this one</h3>
          <div className="form-row">
            <label htmlFor={`${id}-other`}>Other incident (its id or address)</label>
            <input
              id={`${id}-other`}
              type="text"
              spellCheck={false}
              placeholder="inc-… or https://…/incidents/inc-…"
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
          </div>
          <ReasonField id={`${id}-merge-reason`} value={mergeReason} onChange={setMergeReason} rows={2} />
          <div className="form-actions">
            <button type="submit" disabled={busy || !other.trim()}>
              {busy && !splitting ? 'Merging…' : 'Merge into this incident'}
            </button>
            <span className="muted small">
              Or tick incidents in the <Link to="/incidents">incidents table</Link>.
            </span>
          </div>
        </form>
      </div>
    </section>
  );
}

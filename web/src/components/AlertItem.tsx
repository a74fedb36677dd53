import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Alert } from '../api/types';
import { formatIsoDate, formatTimestamp, humanize } from '../lib/format';
import { documentPath, subjectPath } from '../lib/links';
import { SeverityBadge } from './Badges';
import { errorText } from '../lib/use-action';

/** One alert: severity, rule, explanation, what it is about, its evidence, and acknowledge. */
export function AlertItem({
  alert,
  canAcknowledge,
  onAcknowledged,
  compact = false,
}: {
  alert: Alert;
  canAcknowledge: boolean;
  onAcknowledged?: (alert: Alert) => void;
  compact?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [acked, setAcked] = useState(alert.acknowledged);

  async function acknowledge() {
    setBusy(true);
    setError(undefined);
    try {
      await api.acknowledge(alert.id);
      setAcked(true);
      window.dispatchEvent(new Event('vigil:alerts-changed'));
      onAcknowledged?.(alert);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className={`alert-item${acked ? ' acked' : ''}`} aria-labelledby={`alert-${alert.id}`}>
      <div className="alert-head">
        <SeverityBadge severity={alert.severity} />
        <span id={`alert-${alert.id}`} className="item-title">
          {humanize(alert.rule)}
        </span>
        <span className="meta">
          {alert.eventDate ? <span>event {formatIsoDate(alert.eventDate)}</span> : null}
          <span>raised {formatTimestamp(alert.createdAt)}</span>
        </span>
      </div>
      <p className="alert-explanation">{alert.explanation}</p>
      <div className="alert-foot">
        <span className="small">
          About:{' '}
          {alert.subjects.map((id, i) => {
            const path = subjectPath(id);
            const kind = id.startsWith('inc-') ? 'incident' : id.startsWith('stm-') ? 'statement' : 'subject';
            const same = alert.subjects.filter((o) => o.slice(0, 4) === id.slice(0, 4));
            const label = same.length > 1 ? `${kind} ${same.indexOf(id) + 1}` : `the ${kind}`;
            return (
              <span key={id}>
                {i > 0 ? ', ' : null}
                {path ? <Link to={path}>{label}</Link> : id}
              </span>
            );
          })}
          {!compact && alert.evidence && alert.evidence.length > 0 ? (
            <>
              {' · '}
              {alert.evidence.slice(0, 3).map((e, i) =>
                e.docId ? (
                  <span key={`${e.docId}-${e.start}`}>
                    {i > 0 ? ', ' : null}
                    <Link to={documentPath(e.docId, e)}>
                      {alert.evidence!.length > 1 ? `evidence ${i + 1}` : 'evidence'}
                    </Link>
                  </span>
                ) : null,
              )}
            </>
          ) : null}
        </span>
        {acked ? (
          <span className="badge reviewed">
            acknowledged{alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''}
          </span>
        ) : canAcknowledge ? (
          <button type="button" onClick={() => void acknowledge()} disabled={busy}>
            {busy ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="status-error small" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}

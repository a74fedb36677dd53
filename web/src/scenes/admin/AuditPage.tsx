import { useId, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { useSession } from '../../auth/session';
import { Pager } from '../../components/Pager';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatTimestamp, plural } from '../../lib/format';
import { subjectPath } from '../../lib/links';
import { useApi, useTitle } from '../../lib/use-api';
import { AdminFrame } from './AdminFrame';

const PAGE = 50;

/** The actions the server writes to the audit log (services/*, api/security.ts), with a label each. */
const ACTIONS: [string, string][] = [
  ['login', 'sign-in'],
  ['logout', 'sign-out'],
  ['password.change', 'password change'],
  ['permission', 'permission refused'],
  ['review', 'review of a field'],
  ['merge', 'merge of incidents'],
  ['split', 'split of an incident'],
  ['alert.ack', 'alert acknowledged'],
  ['ingest', 'ingest'],
  ['export', 'export'],
  ['user.create', 'account created'],
  ['user.update', 'account changed'],
  ['token.create', 'token created'],
  ['token.revoke', 'token revoked'],
];

/** `2026-12-06T03:47:12.345Z` → `6 Dec 2026 03:47:12`: an audit log needs the seconds. */
function formatMoment(iso: string): string {
  const seconds = /T\d{2}:\d{2}(:\d{2})/.exec(iso)?.[1] ?? '';
  return `${formatTimestamp(iso)}${seconds}`;
}

/** A detail value as short text. */
function detailText(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

/** An audit target: a link when it is an incident, statement or document; text otherwise. */
function Target({ target }: { target: string | undefined }) {
  if (!target) return <span className="muted">—</span>;
  const path = subjectPath(target);
  return path ? (
    <Link to={path} className="mono small">
      {target}
    </Link>
  ) : (
    <span className="mono small">{target}</span>
  );
}

/** The append-only audit log, newest first, by action and actor, a page at a time. */
export default function AuditPage() {
  useTitle('Audit log');
  const { isAdmin } = useSession();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const actor = params.get('actor') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const log = useApi(
    (signal) =>
      isAdmin
        ? api.audit({ action: action || undefined, actor: actor || undefined, limit: PAGE, offset }, signal)
        : Promise.resolve(undefined),
    [isAdmin, action, actor, offset],
  );
  const users = useApi(
    (signal) => (isAdmin ? api.users({ limit: 500 }, signal) : Promise.resolve(undefined)),
    [isAdmin],
  );
  const id = useId();
  const filtered = Boolean(action || actor);

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const k of ['action', 'actor']) {
      const v = String(form.get(k) ?? '').trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  }

  return (
    <AdminFrame ready={log.data ? 'audit' : undefined}>
      <form
        className="filters card"
        onSubmit={apply}
        key={`${action}|${actor}`}
        aria-label="Filter the audit log"
      >
        <div className="form-row">
          <label htmlFor={`${id}-action`}>Action</label>
          <select id={`${id}-action`} name="action" defaultValue={action}>
            <option value="">any</option>
            {ACTIONS.map(([a, label]) => (
              <option key={a} value={a}>
                {a} — {label}
              </option>
            ))}
            {action && !ACTIONS.some(([a]) => a === action) ? <option value={action}>{action}</option> : null}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-actor`}>Who</label>
          <input
            id={`${id}-actor`}
            name="actor"
            type="text"
            list={`${id}-users`}
            autoComplete="off"
            spellCheck={false}
            placeholder="any user"
            defaultValue={actor}
          />
          <datalist id={`${id}-users`}>
            {(users.data?.items ?? []).map((u) => (
              <option key={u.username} value={u.username} />
            ))}
          </datalist>
        </div>
        <div className="filter-buttons">
          <button type="submit" className="primary">
            Apply
          </button>
          {filtered ? (
            <button type="button" onClick={() => setParams(new URLSearchParams())}>
              Clear
            </button>
          ) : null}
        </div>
      </form>

      {log.loading && !log.data ? <Loading what="Loading the audit log" /> : null}
      {log.error ? <ErrorMessage error={log.error} retry={log.reload} /> : null}
      {log.data ? (
        log.data.items.length === 0 ? (
          <Empty>
            {filtered ? 'Nothing in the audit log matches these filters.' : 'The audit log is empty.'}
          </Empty>
        ) : (
          <section className="card" aria-labelledby="audit-h">
            <div className="card-head">
              <h2 id="audit-h">Audit log</h2>
              <p className="muted small">
                {plural(log.data.total, 'entry', 'entries')}
                {filtered ? ' match' : ''}, newest first. Entries cannot be changed or deleted.
              </p>
            </div>
            <div className="table-wrap">
              <table className="data audit-table">
                <thead>
                  <tr>
                    <th scope="col">When (UTC)</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Target</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.items.map((e) => (
                    <AuditRow key={e.id} entry={e} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              offset={offset}
              limit={PAGE}
              total={log.data.total}
              onChange={(o) => {
                const next = new URLSearchParams(params);
                if (o) next.set('offset', String(o));
                else next.delete('offset');
                setParams(next);
              }}
            />
          </section>
        )
      ) : null}
    </AdminFrame>
  );
}

function AuditRow({ entry: e }: { entry: AuditEntry }) {
  const detail = Object.entries(e.detail ?? {});
  return (
    <tr className={`audit-${e.outcome}`}>
      <td className="nowrap">
        <time dateTime={e.at}>{formatMoment(e.at)}</time>
      </td>
      <td>
        {e.actor ? (
          <Link to={`/admin/audit?actor=${encodeURIComponent(e.actor)}`}>{e.actor}</Link>
        ) : (
          <span className="muted">—</span>
        )}
        {e.ip ? <div className="muted small mono">{e.ip}</div> : null}
      </td>
      <td className="nowrap">
        <Link to={`/admin/audit?action=${encodeURIComponent(e.action)}`} className="mono small">
          {e.action}
        </Link>
      </td>
      <td>
        <span className={`badge outcome-${e.outcome}`}>{e.outcome}</span>
      </td>
      <td>
        <Target target={e.target} />
      </td>
      <td>
        {detail.length > 0 ? (
          <dl className="audit-detail">
            {detail.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{detailText(v)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

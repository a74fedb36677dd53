import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';
import { TOKEN_SCOPES, type ApiToken, type TokenScope } from '../../api/types';
import { useSession } from '../../auth/session';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatTimestamp } from '../../lib/format';
import { useApi, useTitle } from '../../lib/use-api';
import { AdminFrame } from './AdminFrame';
import { useAction } from '../../lib/use-action';
import { ActionError } from '../../components/ActionError';
import './admin.css';

const SCOPE_HINTS: Record<TokenScope, string> = {
  read: 'read everything the owner may see',
  write: 'also ingest, review, acknowledge, merge, export',
  admin: 'also manage accounts, tokens and read the audit log',
};

/** Which scopes a role may give its tokens. */
const ALLOWED: Record<string, TokenScope[]> = {
  viewer: ['read'],
  analyst: ['read', 'write'],
  admin: ['read', 'write', 'admin'],
};

/**
 * API tokens for scripts: create one (its secret is shown once, with a copy button), list and
 * revoke. At /tokens for everyone's own tokens; at /admin/tokens admins also see and revoke
 * other users' tokens.
 */
export default function TokensPage() {
  useTitle('API tokens');
  const { pathname } = useLocation();
  const inAdmin = pathname.startsWith('/admin');
  const body = <Tokens inAdmin={inAdmin} />;
  if (inAdmin) return <AdminFrame ready="tokens">{body}</AdminFrame>;
  return (
    <div data-ready="tokens">
      <div className="page-head">
        <h1>API tokens</h1>
        <p className="sub">For scripts and other tools: send one as “Authorization: Bearer …”.</p>
      </div>
      {body}
    </div>
  );
}

function Tokens({ inAdmin }: { inAdmin: boolean }) {
  const { user, isAdmin } = useSession();
  const me = user?.username ?? '';
  const [owner, setOwner] = useState(me);
  const users = useApi(
    (signal) => (inAdmin && isAdmin ? api.users({ limit: 500 }, signal) : Promise.resolve(undefined)),
    [inAdmin, isAdmin],
  );
  const tokens = useApi(
    (signal) => api.tokens({ limit: 500, username: owner !== me ? owner : undefined }, signal),
    [owner, me],
  );
  const [created, setCreated] = useState<ApiToken & { token: string }>();
  const [notice, setNotice] = useState<string>();
  const ownerId = useId();

  return (
    <div className="admin-grid">
      <div className="stack">
        {created ? <NewToken token={created} onDismiss={() => setCreated(undefined)} /> : null}
        <CreateToken
          role={user?.role ?? 'viewer'}
          onCreated={(t) => {
            setCreated(t);
            setNotice(undefined);
            if (owner === me) tokens.reload();
            else setOwner(me);
          }}
        />
      </div>
      <section className="card" aria-labelledby="tokens-h">
        <div className="card-head">
          <h2 id="tokens-h">{owner === me ? 'Your tokens' : `Tokens of ${owner}`}</h2>
          {users.data ? (
            <div className="owner-pick">
              <label htmlFor={ownerId}>Whose</label>
              <select id={ownerId} value={owner} onChange={(e) => setOwner(e.target.value)}>
                {users.data.items.map((u) => (
                  <option key={u.username} value={u.username}>
                    {u.username === me ? `${u.username} (you)` : u.username}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        {notice ? (
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        ) : null}
        {tokens.loading && !tokens.data ? <Loading what="Loading tokens" /> : null}
        {tokens.error ? <ErrorMessage error={tokens.error} retry={tokens.reload} /> : null}
        {tokens.data && tokens.data.items.length === 0 ? (
          <Empty>{owner === me ? 'You have no API tokens.' : `${owner} has no API tokens.`}</Empty>
        ) : null}
        {tokens.data && tokens.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="data tokens-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((t) => (
                  <tr key={t.id} className={t.revokedAt ? 'revoked' : undefined}>
                    <th scope="row">
                      {t.name}
                      <div className="muted small mono">{t.id}</div>
                    </th>
                    <td>{t.scopes.join(', ')}</td>
                    <td className="nowrap">{formatTimestamp(t.createdAt)}</td>
                    <td className="nowrap">
                      {t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : <span className="muted">never</span>}
                    </td>
                    <td>
                      {t.revokedAt ? (
                        <span className="badge badge-off" title={formatTimestamp(t.revokedAt)}>
                          revoked {formatTimestamp(t.revokedAt)}
                        </span>
                      ) : (
                        <Revoke
                          token={t}
                          onRevoked={() => {
                            setNotice(`Revoked “${t.name}”: scripts using it are refused from now on.`);
                            tokens.reload();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}

/** Revoke, after a second click (no dialog box: the question stays in the row). */
function Revoke({ token, onRevoked }: { token: ApiToken; onRevoked: () => void }) {
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  async function revoke() {
    await run(async () => {
      await api.revokeToken(token.id);
      onRevoked();
    });
  }
  if (!asking)
    return (
      <span className="revoke">
        <span className="badge reviewed">active</span>
        <button
          type="button"
          className="small"
          onClick={() => setAsking(true)}
          aria-label={`Revoke ${token.name}`}
        >
          Revoke…
        </button>
      </span>
    );
  return (
    <span className="revoke" role="group" aria-label={`Revoke ${token.name}?`}>
      <span className="small">Revoke it?</span>
      <button type="button" className="danger small" disabled={busy} onClick={() => void revoke()} autoFocus>
        {busy ? 'Revoking…' : 'Yes, revoke'}
      </button>
      <button type="button" className="small" disabled={busy} onClick={() => setAsking(false)}>
        Cancel
      </button>
      {error ? (
        <span className="action-error small" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** Create a token for oneself, with scopes no wider than one's role. */
function CreateToken({
  role,
  onCreated,
}: {
  role: string;
  onCreated: (t: ApiToken & { token: string }) => void;
}) {
  const id = useId();
  const allowed = ALLOWED[role] ?? ['read'];
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const { busy, error, setError, run } = useAction();

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError('Name the token after what will use it.');
    if (scopes.length === 0) return setError('Choose at least one scope.');
    await run(async () => {
      onCreated(await api.createToken(name.trim(), scopes));
      setName('');
      setScopes(['read']);
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>New token</h2>
      <form onSubmit={(e) => void create(e)} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={100}
            placeholder="e.g. nightly export to MISP"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset className="scopes">
          <legend>Scopes</legend>
          {TOKEN_SCOPES.map((s) => {
            const ok = allowed.includes(s);
            return (
              <label key={s} className={ok ? undefined : 'muted'}>
                <input
                  type="checkbox"
                  disabled={!ok}
                  checked={scopes.includes(s)}
                  onChange={(e) =>
                    setScopes((xs) => (e.target.checked ? [...xs, s] : xs.filter((x) => x !== s)))
                  }
                />
                <span>
                  <strong>{s}</strong> — {SCOPE_HINTS[s]}
                  {ok ? '' : ` (${s === 'admin' ? 'admins' : 'analysts and admins'} only)`}
                </span>
              </label>
            );
          })}
        </fieldset>
        <p className="muted small">A token sees what you see: your clearance applies to it.</p>
        <ActionError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
    </section>
  );
}

/** A new token's secret, shown once, with a copy button. */
function NewToken({ token, onDismiss }: { token: ApiToken & { token: string }; onDismiss: () => void }) {
  const [copied, setCopied] = useState<boolean>();
  const secret = useRef<HTMLElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, or refused): select the text for Ctrl+C instead.
      const range = document.createRange();
      if (secret.current) range.selectNodeContents(secret.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied(false);
    }
  }

  return (
    <section className="card new-token" aria-labelledby="new-token-h" role="region">
      <h2 id="new-token-h">Token “{token.name}” created</h2>
      <p>
        <strong>Copy it now:</strong> it is not shown again (Vigil keeps only its hash).
      </p>
      <div className="secret-line">
        <code ref={secret} className="secret" aria-label="The new token">
          {token.token}
        </code>
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="small" aria-live="polite">
        {copied === true
          ? 'Copied to the clipboard.'
          : copied === false
            ? 'Selected: press Ctrl+C to copy.'
            : ''}
      </p>
      <p className="small muted">
        Scripts send it as <code>Authorization: Bearer {token.token.slice(0, 10)}…</code> with scopes{' '}
        {token.scopes.join(', ')}.
      </p>
      <button type="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}

import { Fragment, useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ROLES, TLP_MARKINGS, type Account, type Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { TlpBadge } from '../../components/Badges';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatTimestamp } from '../../lib/format';
import { useApi, useTitle } from '../../lib/use-api';
import { AdminFrame } from './AdminFrame';
import { useAction } from '../../lib/use-action';
import { ActionError } from '../../components/ActionError';

/** Shortest password the server accepts (services/passwords.ts). */
const PASSWORD_MIN = 12;

const ROLE_HINTS: Record<Role, string> = {
  viewer: 'Reads what their clearance allows.',
  analyst: 'Also reviews, ingests, merges, acknowledges alerts and exports.',
  admin: 'Everything, and manages accounts, tokens and the audit log.',
};

/** A random password of 24 URL-safe characters (144 bits), as the server makes on first run. */
export function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

/** Accounts: list, create (with role and clearance), change role, clearance, state or password. */
export default function UsersPage() {
  useTitle('Users');
  const { isAdmin, user: me } = useSession();
  const users = useApi(
    (signal) => (isAdmin ? api.users({ limit: 500 }, signal) : Promise.resolve(undefined)),
    [isAdmin],
  );
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<string>();

  return (
    <AdminFrame ready={users.data ? 'users' : undefined}>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <div className="admin-grid">
        <section className="card" aria-labelledby="users-h">
          <h2 id="users-h">Accounts</h2>
          {users.loading && !users.data ? <Loading what="Loading accounts" /> : null}
          {users.error ? <ErrorMessage error={users.error} retry={users.reload} /> : null}
          {users.data && users.data.items.length === 0 ? <Empty>No accounts.</Empty> : null}
          {users.data && users.data.items.length > 0 ? (
            <div className="table-wrap">
              <table className="data users-table">
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Role</th>
                    <th scope="col">Clearance</th>
                    <th scope="col">State</th>
                    <th scope="col">Last sign-in</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((u) => (
                    <Fragment key={u.username}>
                      <tr className={u.disabled ? 'disabled-user' : undefined}>
                        <th scope="row">
                          {u.username}
                          {u.username === me?.username ? <span className="muted"> (you)</span> : null}
                        </th>
                        <td>{u.role}</td>
                        <td>
                          <TlpBadge marking={u.clearance} />
                        </td>
                        <td>
                          {u.disabled ? (
                            <span className="badge badge-off">disabled</span>
                          ) : u.mustChangePassword ? (
                            <span className="badge badge-neutral">must set a password</span>
                          ) : (
                            <span className="badge reviewed">active</span>
                          )}
                        </td>
                        <td className="nowrap">
                          {u.lastLoginAt ? (
                            formatTimestamp(u.lastLoginAt)
                          ) : (
                            <span className="muted">never</span>
                          )}
                        </td>
                        <td className="nowrap">
                          <button
                            type="button"
                            className="small"
                            aria-expanded={editing === u.username}
                            aria-label={`Change ${u.username}`}
                            onClick={() => setEditing((e) => (e === u.username ? undefined : u.username))}
                          >
                            Change…
                          </button>
                        </td>
                      </tr>
                      {editing === u.username ? (
                        <tr className="edit-row">
                          <td colSpan={6}>
                            <EditUser
                              user={u}
                              onDone={(changed) => {
                                setEditing(undefined);
                                if (changed) {
                                  setNotice(`Saved the changes to ${u.username}.`);
                                  users.reload();
                                }
                              }}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
        <CreateUser
          onCreated={(u) => {
            setNotice(
              `Created ${u.username} (${u.role}, ${TLP_MARKINGS[u.clearance] ?? u.clearance}). Give them the password: they choose their own at first sign-in.`,
            );
            users.reload();
          }}
        />
      </div>
    </AdminFrame>
  );
}

/** The clearance choices, TLP:CLEAR (0) to TLP:RED (4). */
function ClearanceSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {TLP_MARKINGS.map((m, k) => (
        <option key={m} value={k}>
          {m}
        </option>
      ))}
    </select>
  );
}

/** The role choices, with what the chosen one may do beneath. */
function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (r: Role) => void }) {
  return (
    <>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="muted small hint">
        {ROLE_HINTS[value]}
      </p>
    </>
  );
}

/** Change one account: role, clearance, disabled, or a new password (to be changed at next sign-in). */
function EditUser({ user, onDone }: { user: Account; onDone: (changed: boolean) => void }) {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [clearance, setClearance] = useState(user.clearance);
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();

  async function save(e: FormEvent) {
    e.preventDefault();
    const changes: { role?: Role; clearance?: number; disabled?: boolean; password?: string } = {};
    if (role !== user.role) changes.role = role;
    if (clearance !== user.clearance) changes.clearance = clearance;
    if (disabled !== user.disabled) changes.disabled = disabled;
    if (password) {
      if (password.length < PASSWORD_MIN)
        return setError(`Passwords have at least ${PASSWORD_MIN} characters.`);
      changes.password = password;
    }
    if (Object.keys(changes).length === 0) return onDone(false);
    await run(async () => {
      await api.updateUser(user.username, changes);
      onDone(true);
    });
  }

  return (
    <form className="edit-user" onSubmit={(e) => void save(e)} aria-label={`Change ${user.username}`}>
      <div className="form-row">
        <label htmlFor={`${id}-role`}>Role</label>
        <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-clearance`}>Clearance</label>
        <ClearanceSelect id={`${id}-clearance`} value={clearance} onChange={setClearance} />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-password`}>New password (optional)</label>
        <div className="password-line">
          <input
            id={`${id}-password`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="button" onClick={() => setPassword(randomPassword())}>
            Generate
          </button>
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> Disabled
        (cannot sign in; their sessions end)
      </label>
      <ActionError error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={busy}>
          Cancel
        </button>
        {password ? (
          <span className="muted small">They must choose their own password at the next sign-in.</span>
        ) : null}
      </div>
    </form>
  );
}

/** A new account with a role, a clearance and a first password they must change. */
function CreateUser({ onCreated }: { onCreated: (u: Account) => void }) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [clearance, setClearance] = useState(1);
  const { busy, error, setError, run } = useAction();

  async function create(e: FormEvent) {
    e.preventDefault();
    const name = username.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(name))
      return setError(
        'Usernames are 2 to 64 letters, digits, “.”, “_” or “-”, starting with a letter or digit.',
      );
    if (password.length < PASSWORD_MIN)
      return setError(`Passwords have at least ${PASSWORD_MIN} characters.`);
    await run(async () => {
      const created = await api.createUser({ username: name, password, role, clearance });
      setUsername('');
      setPassword('');
      onCreated(created);
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>New account</h2>
      <form onSubmit={(e) => void create(e)} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-username`}>Username</label>
          <input
            id={`${id}-username`}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-password`}>First password</label>
          <div className="password-line">
            <input
              id={`${id}-password`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-password-hint`}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button type="button" onClick={() => setPassword(randomPassword())}>
              Generate
            </button>
          </div>
          <p id={`${id}-password-hint`} className="muted small hint">
            At least {PASSWORD_MIN} characters. Pass it on safely: they must choose their own at first
            sign-in.
          </p>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-role`}>Role</label>
          <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-clearance`}>Clearance</label>
          <ClearanceSelect id={`${id}-clearance`} value={clearance} onChange={setClearance} />
          <p className="muted small hint">The highest marking they may read and give to what they ingest.</p>
        </div>
        <ActionError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </section>
  );
}

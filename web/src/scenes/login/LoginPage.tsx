import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { Loading } from '../../components/Status';
import { useTitle } from '../../lib/use-api';
import './login.css';

/** Where to go after signing in: a path inside the app, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function message(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 401) return 'Wrong username or password.';
    if (e.status === 429) return 'Too many attempts. Wait a minute and try again.';
    return e.message;
  }
  return String(e);
}

/** Sign in; when the server says the password must change (first login, reset), change it here. */
export function LoginPage() {
  const { user, login, logout, expired, changePassword } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useTitle(user?.mustChangePassword ? 'Change your password' : 'Sign in');

  if (user === undefined) return <Loading what="Checking your session" />;
  if (user && !user.mustChangePassword) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <main className="login-card card" id="main">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" />
          <span>Vigil</span>
        </div>
        {user?.mustChangePassword ? (
          <ChangePassword
            knownCurrent={password}
            onChange={changePassword}
            onLogout={logout}
            username={user.username}
          />
        ) : (
          <form onSubmit={submit} noValidate>
            <h1>Sign in</h1>
            {expired ? (
              <p className="notice" role="status">
                Your session has ended. Sign in again to go on.
              </p>
            ) : null}
            <div className="form-row">
              <label htmlFor="username">Username</label>
              <input
                id="username"
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="off"
                spellCheck={false}
                required
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="form-row">
              <label htmlFor="password">Password</label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {error ? (
              <p className="status-error form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" className="primary wide" disabled={busy || !username || !password}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}

/** The forced password change after a one-time password. */
function ChangePassword({
  knownCurrent,
  username,
  onChange,
  onLogout,
}: {
  knownCurrent: string;
  username: string;
  onChange: (current: string, next: string) => Promise<void>;
  onLogout: () => Promise<void>;
}) {
  const [current, setCurrent] = useState(knownCurrent);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== again) return setError('The two new passwords differ.');
    if (next === current) return setError('Choose a password different from the current one.');
    if (next.length < 12) return setError('The new password needs at least 12 characters.');
    setBusy(true);
    setError(undefined);
    try {
      await onChange(current, next);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401 ? 'The current password is wrong.' : message(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <h1>Choose a new password</h1>
      <p className="muted">
        {username}, your password was set by an administrator or is a one-time password. Choose your own to go
        on.
      </p>
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {knownCurrent ? null : (
        <div className="form-row">
          <label htmlFor="current">Current password</label>
          <input
            id="current"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
      )}
      <div className="form-row">
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          aria-describedby="password-hint"
          minLength={12}
          autoFocus
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <p id="password-hint" className="muted small hint">
          At least 12 characters; a few unrelated words make a strong one.
        </p>
      </div>
      <div className="form-row">
        <label htmlFor="new-password-again">New password again</label>
        <input
          id="new-password-again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
      </div>
      {error ? (
        <p className="status-error form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary wide" disabled={busy || !next || !again || !current}>
        {busy ? 'Saving…' : 'Set password and continue'}
      </button>
      <p className="login-alt">
        <button type="button" className="link-button" onClick={() => void onLogout()}>
          Sign in as someone else
        </button>
      </p>
    </form>
  );
}

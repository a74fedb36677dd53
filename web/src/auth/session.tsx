import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Session, User } from '../api/types';

/** What the app knows of the signed-in analyst. */
export interface SessionState {
  /** undefined while the first `GET /api/auth/me` is in flight; null when nobody is signed in. */
  user: User | null | undefined;
  /** Why the session ended (shown on the login page), if it ended on its own. */
  expired: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  changePassword: (current: string, next: string) => Promise<void>;
  /** Whether the user may review, acknowledge and ingest (analyst or admin). */
  canWrite: boolean;
  /** Whether the user manages accounts and reads the audit log (admin). */
  isAdmin: boolean;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Holds the session: asks the server who is signed in, keeps the CSRF token, and notices a 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setExpired(false);
    return session.user;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api
      .me(controller.signal)
      .then(accept)
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        if (!(e instanceof ApiError) || e.status !== 401) console.error('session check failed', e);
        setUser(null);
      });
    setUnauthorizedHandler((error) => {
      if (error.code === 'password_change_required') {
        setUser((u) => (u ? { ...u, mustChangePassword: true } : u));
        return;
      }
      setCsrfToken(undefined);
      setUser(null);
      setExpired(true);
    });
    return () => {
      controller.abort();
      setUnauthorizedHandler(undefined);
    };
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => accept(await api.login(username, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(undefined);
      setUser(null);
      setExpired(false);
    }
  }, []);

  const changePassword = useCallback(
    async (current: string, next: string) => {
      // Every session of the user ends and a new one starts: take its CSRF token.
      const answer = await api.changePassword(current, next);
      if (answer?.user && answer.csrfToken) accept({ user: answer.user, csrfToken: answer.csrfToken });
      else accept(await api.me());
    },
    [accept],
  );

  const value = useMemo<SessionState>(
    () => ({
      user,
      expired,
      login,
      logout,
      changePassword,
      canWrite: user?.role === 'analyst' || user?.role === 'admin',
      isAdmin: user?.role === 'admin',
    }),
    [user, expired, login, logout, changePassword],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the signed-in analyst. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

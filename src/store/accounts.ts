/** Roles of Vigil's users, from least to most trusted (DESIGN.md "Security model"). */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
/** A user's role: `viewer` reads, `analyst` also reviews, ingests and exports, `admin` also manages users. */
export type Role = (typeof ROLES)[number];

/** Scopes of API tokens, cumulative: `write` includes `read`, `admin` includes both. */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
/** One API token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A user account as the API shows it (never with its password hash). */
export interface User {
  /** Lower-case login name, the account's key. */
  username: string;
  role: Role;
  /** Highest TLP level the user may read: 0 = TLP:CLEAR … 4 = TLP:RED. */
  clearance: number;
  disabled: boolean;
  /** The password was set by someone else (first run, an admin): it must be changed before anything else. */
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt?: string;
  lastLoginAt?: string;
}

/** A user account as stored, with what logging in needs. */
export interface UserRecord extends User {
  /** Argon2id hash in PHC string format. */
  passwordHash: string;
  /** Failed logins since the last successful one. */
  failedLogins: number;
  /** Logins are refused until then, after too many failures. */
  lockedUntil?: string;
}

/** A new account. */
export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  clearance: number;
  mustChangePassword: boolean;
  createdAt: string;
}

/** Changes to an account; fields left out stay as they are. */
export interface UserChanges {
  role?: Role;
  clearance?: number;
  disabled?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
  updatedAt: string;
}

/** A login session. The session id itself is only in the user's cookie; the store keeps its hash. */
export interface Session {
  /** SHA-256 of the session id, hex. */
  idHash: string;
  username: string;
  /** Sent back in the `x-csrf-token` header of state-changing requests made with the cookie. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** An API token as listed (the secret is shown once, at creation, and stored only hashed). */
export interface ApiToken {
  id: string;
  username: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/** A new API token with the hash of its secret. */
export interface NewApiToken extends Omit<ApiToken, 'lastUsedAt' | 'revokedAt'> {
  /** SHA-256 of the whole token string, hex. */
  tokenHash: string;
}

/** How an audited action ended. */
export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** One line of the append-only audit log. */
export interface AuditEntry {
  /** Position in the log, increasing. */
  id: number;
  at: string;
  /** Who acted (a username, or the name tried at a failed login); absent for anonymous requests. */
  actor?: string;
  /** What was done: `login`, `permission`, `review`, `merge`, `split`, `ingest`, `export`, `user.create`, … */
  action: string;
  /** What it was done to (a username, incident id, token id, route). */
  target?: string;
  outcome: AuditOutcome;
  /** Client address. */
  ip?: string;
  /** Small facts about the action (never passwords or tokens). */
  detail?: Record<string, unknown>;
}

/** A page of the audit log, newest first, optionally for one actor or action. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  limit: number;
  offset: number;
}

/**
 * Accounts, sessions, API tokens and the audit log (DESIGN.md "Security model"), apart from the
 * document store's interface (in the same database: see `openApiStores`). The audit log is append-only in
 * the database itself: triggers reject UPDATE and DELETE. The contract every implementation
 * passes is `runAccountsContract` in test/store/accounts-contract.ts.
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** Create an account; false when the username is taken. */
  createUser(user: NewUser): Promise<boolean>;
  getUser(username: string): Promise<UserRecord | undefined>;
  /** Every account, by username. */
  listUsers(): Promise<User[]>;
  /** Change an account; false when there is no such account. */
  updateUser(username: string, changes: UserChanges): Promise<boolean>;
  /** Count a failed login (atomically) and return the failures since the last success. */
  addLoginFailure(username: string): Promise<number>;
  /** Refuse logins until `until` (ISO time), or lift the lock with `undefined`. */
  setLockout(username: string, until: string | undefined): Promise<void>;
  /** A successful login: failures reset, lock lifted, `lastLoginAt` set. */
  recordLogin(username: string, at: string): Promise<void>;

  createSession(session: Session): Promise<void>;
  /** The session with this id hash, if it exists and has not expired at `now`. */
  getSession(idHash: string, now: string): Promise<Session | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** End every session of a user (password changed, account disabled). */
  deleteSessionsOf(username: string): Promise<void>;
  /** Remove sessions expired at `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;

  createToken(token: NewApiToken): Promise<void>;
  /** The token with this hash, unless revoked. */
  getTokenByHash(tokenHash: string): Promise<ApiToken | undefined>;
  getToken(id: string): Promise<ApiToken | undefined>;
  /** Tokens of one user, or of everyone; newest first. */
  listTokens(username?: string): Promise<ApiToken[]>;
  /** Revoke a token; false when there is no such token or it was already revoked. */
  revokeToken(id: string, at: string): Promise<boolean>;
  /** Note that a token was used. */
  touchToken(id: string, at: string): Promise<void>;

  /** Append one line to the audit log; returns its id. */
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<number>;
  /** Audit log lines, newest first, with how many match. */
  listAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }>;
}

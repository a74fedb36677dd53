import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import {
  ROLES,
  TOKEN_SCOPES,
  type Role,
  type TokenScope,
  type User,
  type UserRecord,
} from '../store/accounts.js';
import { audit } from './audit.js';
import type { Principal, ServiceContext } from './context.js';
import { checkPasswordPolicy, hashPassword, randomPassword, verifyPassword } from './passwords.js';

/** What a route needs: `read` (viewers and up), `write` (analysts and up), `admin`. */
export type Permission = TokenScope;

/** Options of {@link AuthService}. */
export interface AuthOptions {
  /** How long a session lasts (default 12 hours); it is not extended by use. */
  sessionTtlMs?: number;
  /** Failed logins in a row that lock an account (default 5). */
  lockAfter?: number;
  /** How long a locked account refuses logins (default 15 minutes). */
  lockMs?: number;
}

/** A new session: the id goes into the cookie, the CSRF token to the client. */
export interface LoginResult {
  user: User;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

/** The secrets a request may carry. */
export interface Credentials {
  /** The session cookie's value. */
  sessionId?: string;
  /** The `Authorization` header. */
  authorization?: string;
  ip?: string;
}

/** A token's last use is written at most this often (a write per request would slow reads down). */
const TOKEN_TOUCH_MS = 60_000;
/** Unknown usernames whose failures are remembered (in memory, oldest forgotten first). */
const MAX_UNKNOWN_NAMES = 10_000;

/** SHA-256 of a secret, hex: how session ids and API tokens are stored. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A login name as stored: trimmed, lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The role a request acts with: the user's, capped by the highest scope of the token it uses. */
export function effectiveRole(role: Role, scopes?: TokenScope[]): Role {
  if (!scopes) return role;
  const scopeRank = Math.max(-1, ...scopes.map((s) => TOKEN_SCOPES.indexOf(s)));
  if (scopeRank < 0) return 'viewer';
  return ROLES[Math.min(ROLES.indexOf(role), scopeRank)]!;
}

/** Whether a role (already capped by a token's scopes) may do what needs `need`. */
export function can(role: Role, need: Permission): boolean {
  return ROLES.indexOf(role) >= TOKEN_SCOPES.indexOf(need);
}

/** Whether the CSRF token a request sent matches its session's (compared in constant time). */
export function csrfMatches(expected: string, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Logins, sessions and API-token authentication (DESIGN.md "Security model"). Passwords are
 * Argon2id hashes; session ids and tokens are random 32-byte secrets stored as SHA-256 hashes.
 * After `lockAfter` failed logins in a row an account refuses logins for `lockMs` — unknown
 * usernames too (counted in memory), so that a lock does not tell which accounts exist.
 */
export class AuthService {
  private readonly sessionTtlMs: number;
  private readonly lockAfter: number;
  private readonly lockMs: number;
  private readonly unknownFailures = new Map<string, { count: number; until?: number }>();
  private readonly tokenTouches = new Map<string, number>();
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly ctx: Pick<ServiceContext, 'accounts' | 'now'>,
    options: AuthOptions = {},
  ) {
    this.sessionTtlMs = options.sessionTtlMs ?? 12 * 3600_000;
    this.lockAfter = options.lockAfter ?? 5;
    this.lockMs = options.lockMs ?? 15 * 60_000;
  }

  /**
   * Check a username and password and start a session. Wrong credentials, a disabled account and
   * an unknown username are one answer (`invalid_credentials`, 401); a locked name is
   * `login_locked` (429). Every attempt is audited.
   */
  async login(username: string, password: string, ip?: string): Promise<LoginResult> {
    const name = normalizeUsername(username);
    const now = this.ctx.now();
    const user = await this.ctx.accounts.getUser(name);
    const fail = async (reason: string, error: AppError): Promise<never> => {
      await audit(this.ctx, {
        action: 'login',
        outcome: 'failed',
        actor: name.slice(0, 64),
        ...(ip ? { ip } : {}),
        detail: { reason },
      });
      throw error;
    };
    const invalid = new AppError('invalid_credentials', 401, 'wrong username or password');
    const locked = new AppError('login_locked', 429, 'too many failed logins: try again later');
    if (!user) {
      const known = this.unknownFailures.get(name);
      if (known?.until !== undefined && known.until > now.getTime()) return fail('locked', locked);
      await verifyPassword(await this.dummy(), password); // as long as a real check
      this.countUnknownFailure(name, now.getTime());
      return fail('unknown user', invalid);
    }
    if (user.lockedUntil && user.lockedUntil > now.toISOString()) return fail('locked', locked);
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok || user.disabled) {
      if (!ok) {
        const failures = await this.ctx.accounts.addLoginFailure(name);
        if (failures >= this.lockAfter)
          await this.ctx.accounts.setLockout(name, new Date(now.getTime() + this.lockMs).toISOString());
      }
      return fail(ok ? 'disabled' : 'wrong password', invalid);
    }
    await this.ctx.accounts.recordLogin(name, now.toISOString());
    await this.ctx.accounts.deleteExpiredSessions(now.toISOString());
    const session = await this.startSession(user);
    await audit(this.ctx, { action: 'login', outcome: 'ok', actor: name, ...(ip ? { ip } : {}) });
    return session;
  }

  /** End the session a request was made with (nothing to end for a token). */
  async logout(principal: Principal): Promise<void> {
    if (principal.sessionHash) await this.ctx.accounts.deleteSession(principal.sessionHash);
    await audit(this.ctx, {
      action: 'logout',
      outcome: 'ok',
      actor: principal.username,
      ...(principal.ip ? { ip: principal.ip } : {}),
    });
  }

  /**
   * Who a request is from: a Bearer token wins over the session cookie. A malformed, unknown or
   * revoked token, or one whose user is disabled, is `invalid_token` (401); a missing or expired
   * session is no principal at all.
   */
  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    const now = this.ctx.now();
    const ip = credentials.ip ? { ip: credentials.ip } : {};
    if (credentials.authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(credentials.authorization.trim());
      const invalid = new AppError('invalid_token', 401, 'the API token is not valid');
      if (!match) throw invalid;
      const token = await this.ctx.accounts.getTokenByHash(sha256Hex(match[1]!));
      const user = token ? await this.ctx.accounts.getUser(token.username) : undefined;
      if (!token || !user || user.disabled) throw invalid;
      await this.touch(token.id, now);
      return {
        username: user.username,
        role: effectiveRole(user.role, token.scopes),
        clearance: user.clearance,
        via: 'token',
        mustChangePassword: user.mustChangePassword,
        tokenId: token.id,
        scopes: token.scopes,
        ...ip,
      };
    }
    if (!credentials.sessionId) return undefined;
    const sessionHash = sha256Hex(credentials.sessionId);
    const session = await this.ctx.accounts.getSession(sessionHash, now.toISOString());
    if (!session) return undefined;
    const user = await this.ctx.accounts.getUser(session.username);
    if (!user || user.disabled) return undefined;
    return {
      username: user.username,
      role: user.role,
      clearance: user.clearance,
      via: 'session',
      mustChangePassword: user.mustChangePassword,
      sessionHash,
      csrfToken: session.csrfToken,
      ...ip,
    };
  }

  /**
   * Change one's own password: the current one must be given. Every session of the user ends and
   * a new one starts (returned), so that a stolen session dies with the old password.
   */
  async changePassword(principal: Principal, current: string, next: string): Promise<LoginResult> {
    const user = await this.ctx.accounts.getUser(principal.username);
    if (!user) throw new AppError('user_not_found', 404, `no user ${principal.username}`);
    if (!(await verifyPassword(user.passwordHash, current))) {
      await audit(this.ctx, {
        action: 'password.change',
        outcome: 'failed',
        actor: user.username,
        ...(principal.ip ? { ip: principal.ip } : {}),
      });
      throw new AppError('invalid_credentials', 403, 'the current password is wrong');
    }
    checkPasswordPolicy(next);
    if (next === current)
      throw new AppError('weak_password', 400, 'the new password must differ from the current one');
    const at = this.ctx.now().toISOString();
    await this.ctx.accounts.updateUser(user.username, {
      passwordHash: await hashPassword(next),
      mustChangePassword: false,
      updatedAt: at,
    });
    await this.ctx.accounts.deleteSessionsOf(user.username);
    await audit(this.ctx, {
      action: 'password.change',
      outcome: 'ok',
      actor: user.username,
      ...(principal.ip ? { ip: principal.ip } : {}),
    });
    return this.startSession({ ...user, mustChangePassword: false, updatedAt: at });
  }

  private async startSession(user: UserRecord): Promise<LoginResult> {
    const now = this.ctx.now();
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.sessionTtlMs).toISOString();
    await this.ctx.accounts.createSession({
      idHash: sha256Hex(sessionId),
      username: user.username,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { user: publicUser(user), sessionId, csrfToken, expiresAt };
  }

  private countUnknownFailure(name: string, nowMs: number): void {
    const entry = this.unknownFailures.get(name) ?? { count: 0 };
    this.unknownFailures.delete(name);
    entry.count++;
    if (entry.count >= this.lockAfter) entry.until = nowMs + this.lockMs;
    this.unknownFailures.set(name, entry);
    if (this.unknownFailures.size > MAX_UNKNOWN_NAMES)
      this.unknownFailures.delete(this.unknownFailures.keys().next().value!);
  }

  private async touch(tokenId: string, now: Date): Promise<void> {
    const last = this.tokenTouches.get(tokenId);
    if (last !== undefined && now.getTime() - last < TOKEN_TOUCH_MS) return;
    this.tokenTouches.set(tokenId, now.getTime());
    await this.ctx.accounts.touchToken(tokenId, now.toISOString());
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomPassword());
    return this.dummyHash;
  }
}

/** An account without what only logging in needs (hash, failures, lock). */
export function publicUser(u: UserRecord): User {
  const user: User = {
    username: u.username,
    role: u.role,
    clearance: u.clearance,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
  };
  if (u.updatedAt) user.updatedAt = u.updatedAt;
  if (u.lastLoginAt) user.lastLoginAt = u.lastLoginAt;
  return user;
}

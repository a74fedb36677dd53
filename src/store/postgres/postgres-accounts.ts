import type pg from 'pg';
import type {
  AccountStore,
  ApiToken,
  AuditEntry,
  AuditQuery,
  NewApiToken,
  NewUser,
  Role,
  Session,
  TokenScope,
  User,
  UserChanges,
  UserRecord,
} from '../accounts.js';
import { pgJson, pgText, pgTextOrNull } from './pg-values.js';

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  clearance: number;
  disabled: boolean;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string | null;
  last_login_at: string | null;
}

interface TokenRow {
  id: string;
  username: string;
  name: string;
  scopes: TokenScope[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface AuditRow {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: AuditEntry['outcome'];
  ip: string | null;
  detail: Record<string, unknown> | null;
}

const TOKEN_COLUMNS = 'id, username, name, scopes, created_at, last_used_at, revoked_at';

/**
 * Accounts in the PostgreSQL database of the document store (migration 004 made the tables; open
 * the document store first so that it has migrated), on a pool the caller owns.
 */
export class PostgresAccountStore implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  async countUsers(): Promise<number> {
    const r = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM users');
    return Number(r.rows[0]!.n);
  }

  async createUser(u: NewUser): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO users (username, password_hash, role, clearance, must_change_password, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`,
      [pgText(u.username), u.passwordHash, u.role, u.clearance, u.mustChangePassword, u.createdAt],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async getUser(username: string): Promise<UserRecord | undefined> {
    const r = await this.pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [pgText(username)]);
    return r.rows[0] ? toUserRecord(r.rows[0]) : undefined;
  }

  async listUsers(): Promise<User[]> {
    const r = await this.pool.query<UserRow>('SELECT * FROM users ORDER BY username');
    return r.rows.map((row) => toUser(row));
  }

  async updateUser(username: string, c: UserChanges): Promise<boolean> {
    const params: unknown[] = [pgText(username), c.updatedAt];
    const sets = ['updated_at = $2'];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (c.role !== undefined) set('role', c.role);
    if (c.clearance !== undefined) set('clearance', c.clearance);
    if (c.disabled !== undefined) set('disabled', c.disabled);
    if (c.passwordHash !== undefined) set('password_hash', c.passwordHash);
    if (c.mustChangePassword !== undefined) set('must_change_password', c.mustChangePassword);
    const r = await this.pool.query(`UPDATE users SET ${sets.join(', ')} WHERE username = $1`, params);
    return (r.rowCount ?? 0) > 0;
  }

  async addLoginFailure(username: string): Promise<number> {
    const r = await this.pool.query<{ failed_logins: number }>(
      'UPDATE users SET failed_logins = failed_logins + 1 WHERE username = $1 RETURNING failed_logins',
      [pgText(username)],
    );
    return r.rows[0]?.failed_logins ?? 0;
  }

  async setLockout(username: string, until: string | undefined): Promise<void> {
    await this.pool.query('UPDATE users SET locked_until = $1 WHERE username = $2', [
      until ?? null,
      pgText(username),
    ]);
  }

  async recordLogin(username: string, at: string): Promise<void> {
    await this.pool.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $1 WHERE username = $2',
      [at, pgText(username)],
    );
  }

  async createSession(s: Session): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (id_hash, username, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [s.idHash, pgText(s.username), s.csrfToken, s.createdAt, s.expiresAt],
    );
  }

  async getSession(idHash: string, now: string): Promise<Session | undefined> {
    const r = await this.pool.query<{
      id_hash: string;
      username: string;
      csrf_token: string;
      created_at: string;
      expires_at: string;
    }>(
      'SELECT id_hash, username, csrf_token, created_at, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2',
      [idHash, now],
    );
    const row = r.rows[0];
    return row
      ? {
          idHash: row.id_hash,
          username: row.username,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteSessionsOf(username: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE username = $1', [pgText(username)]);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const r = await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    return r.rowCount ?? 0;
  }

  async createToken(t: NewApiToken): Promise<void> {
    await this.pool.query(
      'INSERT INTO api_tokens (id, token_hash, username, name, scopes, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [t.id, t.tokenHash, pgText(t.username), pgText(t.name), pgJson(t.scopes), t.createdAt],
    );
  }

  async getTokenByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const r = await this.pool.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    return r.rows[0] ? toToken(r.rows[0]) : undefined;
  }

  async getToken(id: string): Promise<ApiToken | undefined> {
    const r = await this.pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [
      pgText(id),
    ]);
    return r.rows[0] ? toToken(r.rows[0]) : undefined;
  }

  async listTokens(username?: string): Promise<ApiToken[]> {
    const r =
      username === undefined
        ? await this.pool.query<TokenRow>(
            `SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`,
          )
        : await this.pool.query<TokenRow>(
            `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE username = $1 ORDER BY created_at DESC, id`,
            [pgText(username)],
          );
    return r.rows.map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [at, pgText(id)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
  }

  async appendAudit(e: Omit<AuditEntry, 'id'>): Promise<number> {
    const r = await this.pool.query<{ id: string }>(
      'INSERT INTO audit_log (at, actor, action, target, outcome, ip, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [
        e.at,
        pgTextOrNull(e.actor),
        e.action,
        pgTextOrNull(e.target),
        e.outcome,
        e.ip ?? null,
        e.detail ? pgJson(e.detail) : null,
      ],
    );
    return Number(r.rows[0]!.id);
  }

  async listAudit(q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.actor !== undefined) {
      params.push(pgText(q.actor));
      where.push(`actor = $${params.length}`);
    }
    if (q.action !== undefined) {
      params.push(q.action);
      where.push(`action = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.pool.query<AuditRow>(
      `SELECT * FROM audit_log ${filter} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const count = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log ${filter}`,
      params,
    );
    return { items: rows.rows.map(toAudit), total: Number(count.rows[0]!.n) };
  }
}

function toUser(r: UserRow): User {
  const u: User = {
    username: r.username,
    role: r.role,
    clearance: r.clearance,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at,
  };
  if (r.updated_at !== null) u.updatedAt = r.updated_at;
  if (r.last_login_at !== null) u.lastLoginAt = r.last_login_at;
  return u;
}

function toUserRecord(r: UserRow): UserRecord {
  const u: UserRecord = { ...toUser(r), passwordHash: r.password_hash, failedLogins: r.failed_logins };
  if (r.locked_until !== null) u.lockedUntil = r.locked_until;
  return u;
}

function toToken(r: TokenRow): ApiToken {
  const t: ApiToken = {
    id: r.id,
    username: r.username,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.created_at,
  };
  if (r.last_used_at !== null) t.lastUsedAt = r.last_used_at;
  if (r.revoked_at !== null) t.revokedAt = r.revoked_at;
  return t;
}

function toAudit(r: AuditRow): AuditEntry {
  const e: AuditEntry = { id: Number(r.id), at: r.at, action: r.action, outcome: r.outcome };
  if (r.actor !== null) e.actor = r.actor;
  if (r.target !== null) e.target = r.target;
  if (r.ip !== null) e.ip = r.ip;
  if (r.detail !== null) e.detail = r.detail;
  return e;
}

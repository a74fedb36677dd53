import type Database from 'better-sqlite3';
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

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  clearance: number;
  disabled: number;
  must_change_password: number;
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
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: AuditEntry['outcome'];
  ip: string | null;
  detail: string | null;
}

const TOKEN_COLUMNS = 'id, username, name, scopes, created_at, last_used_at, revoked_at';

/**
 * Accounts in the SQLite file of the document store, on its connection (migration 004 made the
 * tables); closing the connection is the document store's job.
 */
export class SqliteAccountStore implements AccountStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** A prepared statement, compiled once per connection (most of a small query's cost is its compilation). */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  async countUsers(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async createUser(u: NewUser): Promise<boolean> {
    return (
      this.sql(
        `INSERT OR IGNORE INTO users (username, password_hash, role, clearance, must_change_password, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(u.username, u.passwordHash, u.role, u.clearance, u.mustChangePassword ? 1 : 0, u.createdAt)
        .changes > 0
    );
  }

  async getUser(username: string): Promise<UserRecord | undefined> {
    const row = this.sql('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? toUserRecord(row) : undefined;
  }

  async listUsers(): Promise<User[]> {
    const rows = this.sql('SELECT * FROM users ORDER BY username').all() as UserRow[];
    return rows.map((r) => toUser(r));
  }

  async updateUser(username: string, c: UserChanges): Promise<boolean> {
    const sets = ['updated_at = @updatedAt'];
    const params: Record<string, unknown> = { username, updatedAt: c.updatedAt };
    if (c.role !== undefined) {
      sets.push('role = @role');
      params.role = c.role;
    }
    if (c.clearance !== undefined) {
      sets.push('clearance = @clearance');
      params.clearance = c.clearance;
    }
    if (c.disabled !== undefined) {
      sets.push('disabled = @disabled');
      params.disabled = c.disabled ? 1 : 0;
    }
    if (c.passwordHash !== undefined) {
      sets.push('password_hash = @passwordHash');
      params.passwordHash = c.passwordHash;
    }
    if (c.mustChangePassword !== undefined) {
      sets.push('must_change_password = @mustChangePassword');
      params.mustChangePassword = c.mustChangePassword ? 1 : 0;
    }
    return this.sql(`UPDATE users SET ${sets.join(', ')} WHERE username = @username`).run(params).changes > 0;
  }

  async addLoginFailure(username: string): Promise<number> {
    const row = this.sql(
      'UPDATE users SET failed_logins = failed_logins + 1 WHERE username = ? RETURNING failed_logins',
    ).get(username) as { failed_logins: number } | undefined;
    return row?.failed_logins ?? 0;
  }

  async setLockout(username: string, until: string | undefined): Promise<void> {
    this.sql('UPDATE users SET locked_until = ? WHERE username = ?').run(until ?? null, username);
  }

  async recordLogin(username: string, at: string): Promise<void> {
    this.sql(
      'UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE username = ?',
    ).run(at, username);
  }

  async createSession(s: Session): Promise<void> {
    this.sql(
      'INSERT INTO sessions (id_hash, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(s.idHash, s.username, s.csrfToken, s.createdAt, s.expiresAt);
  }

  async getSession(idHash: string, now: string): Promise<Session | undefined> {
    const row = this.sql(
      'SELECT id_hash, username, csrf_token, created_at, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?',
    ).get(idHash, now) as
      | { id_hash: string; username: string; csrf_token: string; created_at: string; expires_at: string }
      | undefined;
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
    this.sql('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteSessionsOf(username: string): Promise<void> {
    this.sql('DELETE FROM sessions WHERE username = ?').run(username);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  async createToken(t: NewApiToken): Promise<void> {
    this.sql(
      'INSERT INTO api_tokens (id, token_hash, username, name, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(t.id, t.tokenHash, t.username, t.name, JSON.stringify(t.scopes), t.createdAt);
  }

  async getTokenByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = this.sql(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL`,
    ).get(tokenHash) as TokenRow | undefined;
    return row ? toToken(row) : undefined;
  }

  async getToken(id: string): Promise<ApiToken | undefined> {
    const row = this.sql(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`).get(id) as
      TokenRow | undefined;
    return row ? toToken(row) : undefined;
  }

  async listTokens(username?: string): Promise<ApiToken[]> {
    const rows = (
      username === undefined
        ? this.sql(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`).all()
        : this.sql(
            `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE username = ? ORDER BY created_at DESC, id`,
          ).all(username)
    ) as TokenRow[];
    return rows.map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return (
      this.sql('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id)
        .changes > 0
    );
  }

  async touchToken(id: string, at: string): Promise<void> {
    this.sql('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  async appendAudit(e: Omit<AuditEntry, 'id'>): Promise<number> {
    const result = this.sql(
      'INSERT INTO audit_log (at, actor, action, target, outcome, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      e.at,
      e.actor ?? null,
      e.action,
      e.target ?? null,
      e.outcome,
      e.ip ?? null,
      e.detail ? JSON.stringify(e.detail) : null,
    );
    return Number(result.lastInsertRowid);
  }

  async listAudit(q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.actor !== undefined) {
      where.push('actor = @actor');
      params.actor = q.actor;
    }
    if (q.action !== undefined) {
      where.push('action = @action');
      params.action = q.action;
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.sql(
      `SELECT * FROM audit_log ${filter} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: q.limit, offset: q.offset }) as AuditRow[];
    const { n } = this.sql(`SELECT count(*) AS n FROM audit_log ${filter}`).get(params) as { n: number };
    return { items: rows.map(toAudit), total: n };
  }
}

function toUser(r: UserRow): User {
  const u: User = {
    username: r.username,
    role: r.role,
    clearance: r.clearance,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
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
    scopes: JSON.parse(r.scopes) as TokenScope[],
    createdAt: r.created_at,
  };
  if (r.last_used_at !== null) t.lastUsedAt = r.last_used_at;
  if (r.revoked_at !== null) t.revokedAt = r.revoked_at;
  return t;
}

function toAudit(r: AuditRow): AuditEntry {
  const e: AuditEntry = { id: r.id, at: r.at, action: r.action, outcome: r.outcome };
  if (r.actor !== null) e.actor = r.actor;
  if (r.target !== null) e.target = r.target;
  if (r.ip !== null) e.ip = r.ip;
  if (r.detail !== null) e.detail = JSON.parse(r.detail) as Record<string, unknown>;
  return e;
}

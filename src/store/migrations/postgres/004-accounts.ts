/**
 * Migration 004 (PostgreSQL): the tables of SQLite's migration 004 — user accounts, login
 * sessions and API tokens (their secrets only as SHA-256 hashes) — and the audit log, which
 * triggers keep append-only (UPDATE, DELETE and TRUNCATE raise an error). Never edit once landed.
 */
export const sql = `
CREATE TABLE users (
  username text COLLATE "C" PRIMARY KEY,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  clearance integer NOT NULL CHECK (clearance BETWEEN 0 AND 4),
  disabled boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until text,
  created_at text NOT NULL,
  updated_at text,
  last_login_at text
);

CREATE TABLE sessions (
  id_hash text COLLATE "C" PRIMARY KEY,
  username text COLLATE "C" NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at text NOT NULL,
  expires_at text COLLATE "C" NOT NULL
);
CREATE INDEX sessions_username ON sessions (username);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id text COLLATE "C" PRIMARY KEY,
  token_hash text COLLATE "C" NOT NULL UNIQUE,
  username text COLLATE "C" NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  name text NOT NULL,
  scopes jsonb NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  last_used_at text,
  revoked_at text
);
CREATE INDEX api_tokens_username ON api_tokens (username);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  actor text,
  action text NOT NULL,
  target text,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  ip text,
  detail jsonb
);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;

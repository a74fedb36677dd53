import { userInfo } from 'node:os';

/** Whether a `--db` setting names a PostgreSQL database (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/**
 * The connection string node-postgres and pg-boss are given: the URL as written, with the user
 * libpq would pick when the URL names none (`PGUSER`, else the operating-system user) — node-postgres
 * would otherwise send an empty user name.
 */
export function pgConnectionString(db: string): string {
  const url = new URL(db);
  if (url.username === '') url.username = encodeURIComponent(process.env.PGUSER ?? userInfo().username);
  return url.toString();
}

/** Where a PostgreSQL URL points, for messages: `host:port/database`, never the password. */
export function pgTarget(db: string): string {
  try {
    const url = new URL(db);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return '(unparsable PostgreSQL URL)';
  }
}

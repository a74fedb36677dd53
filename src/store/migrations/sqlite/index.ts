import { sql as m001 } from './001-initial.js';

/** SQLite migrations in order; the database's `user_version` is the number applied. */
export const SQLITE_MIGRATIONS: string[] = [m001];

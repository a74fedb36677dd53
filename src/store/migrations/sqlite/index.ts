import { sql as m001 } from './001-initial.js';
import { sql as m002 } from './002-feeds.js';
import { sql as m003 } from './003-resolution.js';
import { sql as m004 } from './004-accounts.js';
import { sql as m005 } from './005-listing-indexes.js';
import { sql as m006 } from './006-candidate-decisions.js';

/** SQLite migrations in order; the database's `user_version` is the number applied. */
export const SQLITE_MIGRATIONS: string[] = [m001, m002, m003, m004, m005, m006];

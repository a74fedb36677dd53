import { sql as m001 } from './001-initial.js';
import { sql as m002 } from './002-feeds.js';
import { sql as m003 } from './003-resolution.js';
import { sql as m004 } from './004-accounts.js';
import { sql as m005 } from './005-listing-indexes.js';
import { sql as m006 } from './006-candidate-decisions.js';

/**
 * PostgreSQL migrations in order, numbered like the SQLite ones (the same number brings both
 * backends to the same schema); version N is applied when `schema_migrations` has a row for N.
 */
export const POSTGRES_MIGRATIONS: string[] = [m001, m002, m003, m004, m005, m006];

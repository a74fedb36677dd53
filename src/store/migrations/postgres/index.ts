import type pg from 'pg';
import { sql as m001 } from './001-initial.js';
import { sql as m002 } from './002-feeds.js';
import { sql as m003 } from './003-resolution.js';
import { sql as m004 } from './004-accounts.js';
import { sql as m005 } from './005-listing-indexes.js';
import { sql as m006 } from './006-candidate-decisions.js';
import { backfill as b007, sql as m007 } from './007-document-actor-names.js';

/**
 * PostgreSQL migrations in order, numbered like the SQLite ones (the same number brings both
 * backends to the same schema); version N is applied when `schema_migrations` has a row for N.
 */
export const POSTGRES_MIGRATIONS: string[] = [m001, m002, m003, m004, m005, m006, m007];

/**
 * Data a migration fills in that SQL alone cannot compute, by migration number: run right after
 * that migration's SQL, in its transaction.
 */
export const POSTGRES_BACKFILLS: Partial<Record<number, (c: pg.PoolClient) => Promise<void>>> = {
  7: b007,
};

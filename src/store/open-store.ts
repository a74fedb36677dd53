import { AppError } from '../errors.js';
import { isPostgresUrl } from './postgres/postgres-url.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The database used when neither `--db` nor `VIGIL_DB` names one. */
export const DEFAULT_DB = './vigil.db';

/**
 * Open the store a setting names: a PostgreSQL URL (`postgres://` or `postgresql://`) or a SQLite
 * file path (the default). An unreachable server or a database that cannot be opened is an
 * AppError with a one-line message.
 */
export async function openStore(db: string = process.env.VIGIL_DB ?? DEFAULT_DB): Promise<Store> {
  if (isPostgresUrl(db)) {
    try {
      // Loaded only for PostgreSQL, so that commands on a SQLite file do not load pg.
      const { PostgresStore } = await import('./postgres/postgres-store.js');
      return await PostgresStore.open(db);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(
        'store_open_failed',
        2,
        `cannot open PostgreSQL database: ${(err as Error).message}`,
      );
    }
  }
  try {
    return SqliteStore.open(db);
  } catch (err) {
    throw new AppError('store_open_failed', 2, `cannot open database ${db}: ${(err as Error).message}`);
  }
}

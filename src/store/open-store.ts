import { AppError } from '../errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The database used when neither `--db` nor `VIGIL_DB` names one. */
export const DEFAULT_DB = './vigil.db';

/** Open the store a setting names: a SQLite file path (the default) or, later, a PostgreSQL URL. */
export function openStore(db: string = process.env.VIGIL_DB ?? DEFAULT_DB): Store {
  if (/^postgres(?:ql)?:\/\//i.test(db)) {
    throw new AppError(
      'store_unsupported',
      2,
      'the PostgreSQL store is not available yet in this version; use a SQLite file path',
    );
  }
  try {
    return SqliteStore.open(db);
  } catch (err) {
    throw new AppError('store_open_failed', 2, `cannot open database ${db}: ${(err as Error).message}`);
  }
}

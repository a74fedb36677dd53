import type { AccountStore } from './accounts.js';
import type { ListingStore } from './listing.js';
import { DEFAULT_DB, openStore } from './open-store.js';
import { isPostgresUrl } from './postgres/postgres-url.js';
import { SqliteAccountStore } from './sqlite/sqlite-accounts.js';
import { SqliteListing } from './sqlite/sqlite-listing.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** What the web server reads and writes: documents and their resolution, accounts, paged lists. */
export interface ApiStores {
  store: Store;
  accounts: AccountStore;
  listing: ListingStore;
  /** Close all three. */
  close(): Promise<void>;
}

/**
 * Open the store a setting names (as {@link openStore}: a SQLite file or a PostgreSQL URL) with
 * the account store and the paged reads on the same database: on the SQLite store's own
 * connection, or on a small second pool of PostgreSQL connections.
 */
export async function openApiStores(db: string = process.env.VIGIL_DB ?? DEFAULT_DB): Promise<ApiStores> {
  const store = await openStore(db);
  if (store instanceof SqliteStore) {
    return {
      store,
      accounts: new SqliteAccountStore(store.connection),
      listing: new SqliteListing(store.connection),
      close: () => store.close(),
    };
  }
  if (!isPostgresUrl(db)) throw new Error(`no account store for the store opened from ${db}`);
  try {
    const [{ connectPool }, { PostgresAccountStore }, { PostgresListing }] = await Promise.all([
      import('./postgres/connection.js'),
      import('./postgres/postgres-accounts.js'),
      import('./postgres/postgres-listing.js'),
    ]);
    const pool = await connectPool(db, 4);
    return {
      store,
      accounts: new PostgresAccountStore(pool),
      listing: new PostgresListing(pool),
      close: async () => {
        await pool.end();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

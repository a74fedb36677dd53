import pg from 'pg';
import { describe } from 'vitest';
import { runAccountsContract, type ApiContractDatabase } from '../../../test/store/accounts-contract.js';
import { runListingContract } from '../../../test/store/listing-contract.js';
import { freshSchema, pgReachable, TEST_PG_URL } from '../../../test/helpers/postgres.js';
import { openApiStores } from '../open-api-stores.js';
import { pgConnectionString } from './postgres-url.js';

describe.skipIf(!pgReachable)(`PostgreSQL account store and listing at ${TEST_PG_URL}`, () => {
  const fresh = async (): Promise<ApiContractDatabase> => {
    const { url, drop } = await freshSchema();
    return {
      open: () => openApiStores(url),
      exec: async (sql) => {
        const client = new pg.Client({ connectionString: pgConnectionString(url) });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      drop,
    };
  };
  runAccountsContract('PostgreSQL', fresh);
  runListingContract('PostgreSQL', fresh);
});

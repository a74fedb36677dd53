import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runAccountsContract, type ApiContractDatabase } from '../../../test/store/accounts-contract.js';
import { runListingContract } from '../../../test/store/listing-contract.js';
import { openApiStores } from '../open-api-stores.js';

const fresh = async (): Promise<ApiContractDatabase> => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-accounts-'));
  const path = join(dir, 'vigil.db');
  return {
    open: () => openApiStores(path),
    exec: async (sql) => {
      const db = new Database(path);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

runAccountsContract('SQLite', fresh);
runListingContract('SQLite', fresh);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runResolutionContract } from '../../../test/store/resolution-contract.js';
import { SqliteStore } from './sqlite-store.js';

runResolutionContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-resolution-'));
  return {
    open: async () => SqliteStore.open(join(dir, 'vigil.db')),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

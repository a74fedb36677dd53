import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStoreContract, sampleWrite } from '../../../test/store/store-contract.js';
import { ftsQuery, SqliteStore } from './sqlite-store.js';

runStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-contract-'));
  return {
    open: async () => SqliteStore.open(join(dir, 'vigil.db')),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteStore', () => {
  it('keeps what was written across reopening the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'vigil.db');
    const store = SqliteStore.open(path);
    await store.putDocuments([sampleWrite('Durable text.')]);
    await store.close();
    const again = SqliteStore.open(path);
    expect((await again.stats()).documents).toBe(1);
    await again.close();
  });

  it('quotes every search word so that FTS5 operators in user input are plain words', () => {
    expect(ftsQuery('bomb OR "kabul" NEAR(x')).toBe('"bomb" "OR" "kabul" "NEAR" "x"');
    expect(ftsQuery('*** ')).toBe('');
  });
});

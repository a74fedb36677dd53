import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidateDecision,
  runStoreContract,
  sampleWrite,
  unknownActorsWrite,
} from '../../../test/store/store-contract.js';
import { SqliteListing } from './sqlite-listing.js';
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

  it('fills in the actor names of documents stored before migration 007, so that decisions about them find them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'vigil.db');
    const store = SqliteStore.open(path);
    await store.putDocuments([
      unknownActorsWrite('Silver Lotus Front bomb.', { perpetrators: ['Silver Lotus Front'] }),
      unknownActorsWrite('A bomb, the Silver Lotus Front says.', { speaker: 'Silver Lótus Front' }),
      sampleWrite('Taliban bomb.'),
    ]);
    // The file as migration 006 left it: no table of names.
    store.connection.exec('DROP TABLE document_actor_names');
    store.connection.pragma('user_version = 6');
    await store.close();
    const again = SqliteStore.open(path);
    expect(again.connection.pragma('user_version', { simple: true })).toBe(7);
    expect(
      again.connection
        .prepare('SELECT name_key, count(*) AS n FROM document_actor_names GROUP BY name_key')
        .all(),
    ).toEqual([{ name_key: 'silver lotus front', n: 2 }]);
    await again.saveCandidateDecision(
      candidateDecision('Silver Lotus Front', { decision: 'alias', entityId: 'taliban' }),
    );
    expect(await again.search({ text: 'bomb', group: 'taliban' })).toHaveLength(3);
    await again.close();
  });

  it('counts in stats only what a clearance may see, with or without looking up each document', async () => {
    const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'vigil.db'));
    const red = sampleWrite('Red report of the bombing.', { marking: 'TLP:RED' });
    red.extraction.entities = [{ id: 'isis', kind: 'group', name: 'Islamic State', spans: [[0, 3]] }];
    await store.putDocuments([sampleWrite('Clear report of the bombing.'), red]);
    const everything = await store.stats();
    const cleared = await store.stats(4);
    const clear = await store.stats(0);
    expect(cleared).toEqual(everything);
    expect([cleared.documents, cleared.incidents, cleared.statements, cleared.entities]).toEqual([
      2, 2, 2, 2,
    ]);
    expect([clear.documents, clear.incidents, clear.statements, clear.entities]).toEqual([1, 1, 1, 1]);
    await store.close();
  });

  it('lists documents dated first, newest first, then the undated newest stored first, at every clearance', async () => {
    const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'vigil.db'));
    const writes = [
      sampleWrite('Old clear report.', { publishedAt: '2019-01-01' }),
      sampleWrite('Undated clear report.', { publishedAt: undefined }),
      sampleWrite('New red report.', { publishedAt: '2020-06-01', marking: 'TLP:RED' }),
      sampleWrite('Newer clear report.', { publishedAt: '2020-07-01' }),
      sampleWrite('Undated red report.', { publishedAt: undefined, marking: 'TLP:RED' }),
    ];
    await store.putDocuments(writes);
    const listing = new SqliteListing(store.connection);
    const ids = (w: typeof writes) => w.map((x) => x.document.id);
    const all = await listing.listDocumentSummaries({ limit: 10, offset: 0 });
    expect(all.items.map((d) => d.id)).toEqual(
      ids([writes[3]!, writes[2]!, writes[0]!, writes[4]!, writes[1]!]),
    );
    expect(all.total).toBe(5);
    const clear = await listing.listDocumentSummaries({ clearance: 0, limit: 2, offset: 1 });
    expect(clear.items.map((d) => d.id)).toEqual(ids([writes[0]!, writes[1]!]));
    expect(clear.total).toBe(3);
    await store.close();
  });

  it('quotes every search word so that FTS5 operators in user input are plain words', () => {
    expect(ftsQuery('bomb OR "kabul" NEAR(x')).toBe('"bomb" "OR" "kabul" "NEAR" "x"');
    expect(ftsQuery('*** ')).toBe('');
  });
});

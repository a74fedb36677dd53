import { describe, expect, it } from 'vitest';
import { runResolutionContract } from '../../../test/store/resolution-contract.js';
import {
  candidateDecision,
  runStoreContract,
  sampleWrite,
  unknownActorsWrite,
  type ContractDatabase,
} from '../../../test/store/store-contract.js';
import { freshSchema, pgAdmin, pgReachable, TEST_PG_URL } from '../../../test/helpers/postgres.js';
import { AppError } from '../../errors.js';
import { openStore } from '../open-store.js';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres/index.js';
import { PostgresStore } from './postgres-store.js';

describe.skipIf(!pgReachable)(`PostgreSQL store at ${TEST_PG_URL}`, () => {
  const fresh = async (): Promise<ContractDatabase> => {
    const { url, drop } = await freshSchema();
    return { open: () => PostgresStore.open(url), drop };
  };
  runStoreContract('PostgreSQL', fresh);
  runResolutionContract('PostgreSQL', fresh);

  it('migrates once when several processes open a new database together', async () => {
    const { url, schema, drop } = await freshSchema();
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(url)));
      expect(stores.map((s) => s.schema)).toEqual([schema, schema, schema, schema]);
      await stores[0]!.putDocuments([sampleWrite('Migrated once.')]);
      expect((await stores[3]!.stats()).documents).toBe(1);
      for (const s of stores) await s.close();
      const versions = await pgAdmin<{ version: number }>(
        `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
      );
      expect(versions.map((v) => v.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await drop();
    }
  });

  it('fills in the actor names of documents stored before migration 007, so that decisions about them find them', async () => {
    const { url, schema, drop } = await freshSchema();
    try {
      const store = await PostgresStore.open(url);
      await store.putDocuments([
        unknownActorsWrite('Silver Lotus Front bomb.', { perpetrators: ['Silver Lotus Front'] }),
        unknownActorsWrite('A bomb, the Silver Lotus Front says.', { speaker: 'Silver Lótus Front' }),
        sampleWrite('Taliban bomb.'),
      ]);
      await store.close();
      // The database as migration 006 left it: no table of names.
      await pgAdmin(`DROP TABLE ${schema}.document_actor_names`);
      await pgAdmin(`DELETE FROM ${schema}.schema_migrations WHERE version = 7`);
      const again = await PostgresStore.open(url);
      try {
        const names = await pgAdmin<{ name_key: string; n: string }>(
          `SELECT name_key, count(*) AS n FROM ${schema}.document_actor_names GROUP BY name_key`,
        );
        expect(names).toEqual([{ name_key: 'silver lotus front', n: '2' }]);
        await again.saveCandidateDecision(
          candidateDecision('Silver Lotus Front', { decision: 'alias', entityId: 'taliban' }),
        );
        expect(await again.search({ text: 'bomb', group: 'taliban' })).toHaveLength(3);
      } finally {
        await again.close();
      }
    } finally {
      await drop();
    }
  });

  it('runs one resolution at a time across processes: the resolve lock is held in the database', async () => {
    const { url, schema, drop } = await freshSchema();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      const events: string[] = [];
      let release!: () => void;
      let started!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const aStarted = new Promise<void>((r) => (started = r));
      const first = a.withResolveLock(async () => {
        events.push('a starts');
        started();
        await held;
        events.push('a ends');
      });
      await aStarted;
      const second = b.withResolveLock(async () => {
        events.push('b starts');
      });
      // b's lock request is waiting in the database while a holds the lock.
      const waiting = async () =>
        (
          await pgAdmin<{ n: string }>(
            `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
               AND (classid::bigint << 32 | objid::bigint) = hashtextextended($1, 0)`,
            [`vigil:resolve:${schema}`],
          )
        )[0]!.n !== '0';
      while (!(await waiting())) await new Promise((r) => setTimeout(r, 20));
      expect(events).toEqual(['a starts']);
      release();
      await Promise.all([first, second]);
      expect(events).toEqual(['a starts', 'a ends', 'b starts']);
    } finally {
      await a.close();
      await b.close();
      await drop();
    }
  });

  it('ranks, filters and marks matches with PostgreSQL text search, accents folded', async () => {
    const { url, drop } = await freshSchema();
    const store = await PostgresStore.open(url);
    try {
      await store.putDocuments([
        sampleWrite(
          'On Monday a car bomb exploded outside the Zürich café where officials met, police said; the blast was heard across the city and bomb experts were called.',
          { title: 'Café bomb' },
        ),
        sampleWrite('A bomb threat closed a school.', { title: 'Threat' }),
      ]);
      const hits = await store.search({ text: 'zurich cafe' });
      expect(hits).toHaveLength(1);
      expect(hits[0]?.snippet).toMatch(/\[Zürich\] \[café\]/);
      expect(hits[0]?.snippet.endsWith('…')).toBe(true);
      const both = await store.search({ text: 'bomb' });
      expect(both.map((h) => h.title)).toEqual(['Café bomb', 'Threat']);
      expect(both[0]!.score).toBeGreaterThan(both[1]!.score);
      expect(await store.search({ text: 'bomb', limit: 1, offset: 1 })).toHaveLength(1);
    } finally {
      await store.close();
      await drop();
    }
  });
});

describe('openStore with a PostgreSQL URL', () => {
  it('reports an unreachable server in one line', async () => {
    const err = await openStore('postgres://127.0.0.1:1/none').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('store_unreachable');
    expect((err as AppError).message).toMatch(
      /^cannot reach PostgreSQL at 127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    );
    expect((err as AppError).message).not.toContain('\n');
  });
});

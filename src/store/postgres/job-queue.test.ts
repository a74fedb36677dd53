import { describe, expect, it } from 'vitest';
import { freshSchema, pgReachable, TEST_PG_URL } from '../../../test/helpers/postgres.js';
import { PgJobQueue } from './job-queue.js';
import { PostgresStore } from './postgres-store.js';

const KINDS = [
  { name: 'ingest', coalesce: false },
  { name: 'resolve', coalesce: true },
];

describe.skipIf(!pgReachable)(`job queue on PostgreSQL at ${TEST_PG_URL}`, () => {
  it('keeps one job waiting and one active of a coalescing kind, holds delayed jobs back, and counts by state', async () => {
    const { url, drop } = await freshSchema();
    const store = await PostgresStore.open(url);
    const queue = await PgJobQueue.open(store, KINDS, { maintain: false, onError: () => {} });
    try {
      const job = { data: {}, expireInSeconds: 60 };
      // Many sends while one waits make one job.
      for (let i = 0; i < 3; i++) await queue.send('resolve', [job]);
      await queue.send('ingest', [job, job]);
      expect(await queue.counts(['ingest', 'resolve'])).toEqual([
        { kind: 'ingest', queued: 2, active: 0, failed: 0, done: 0 },
        { kind: 'resolve', queued: 1, active: 0, failed: 0, done: 0 },
      ]);
      const running = await queue.fetch(['resolve']);
      expect(running).toMatchObject({ kind: 'resolve' });
      // While it runs, one more may wait, but it is not given out until the first is done.
      await queue.send('resolve', [job]);
      await queue.send('resolve', [job]);
      expect(await queue.fetch(['resolve'])).toBeUndefined();
      expect((await queue.counts(['resolve']))[0]).toMatchObject({ queued: 1, active: 1 });
      await queue.complete(running!, { documents: 0 });
      const next = await queue.fetch(['resolve']);
      expect(next).toMatchObject({ kind: 'resolve' });
      expect(next!.id).not.toBe(running!.id);
      await queue.complete(next!, {});
      // Ordinary kinds give out every job, to several takers at once.
      const [a, b] = [await queue.fetch(['ingest']), await queue.fetch(['ingest'])];
      expect(a && b && a.id !== b.id).toBe(true);
      // A delayed job waits for its time.
      await queue.send('resolve', [{ ...job, startAfterSeconds: 60 }]);
      expect(await queue.fetch(['resolve'])).toBeUndefined();
      expect((await queue.counts(['resolve']))[0]).toMatchObject({ queued: 1, active: 0, done: 2 });
    } finally {
      await queue.close();
      await store.close();
      await drop();
    }
  });
});

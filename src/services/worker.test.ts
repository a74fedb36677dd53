import { describe, expect, it } from 'vitest';
import { jobContext, MemoryQueue } from '../../test/helpers/jobs.js';
import { sampleWrite } from '../../test/store/store-contract.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { runWorker, type JobReport } from './worker.js';

const report = (r: JobReport) => `${r.job.kind}:${'error' in r ? 'failed' : 'done'}`;

describe('runWorker', () => {
  it('reports failed jobs for retry, goes on, and stops after the job in hand when aborted', async () => {
    const store = SqliteStore.open(':memory:');
    const queue = new MemoryQueue();
    await queue.send('extract', [{ data: { ids: [], chars: 0 }, expireInSeconds: 20 }]);
    await queue.send('ingest', [{ data: { documents: 'not a list' }, expireInSeconds: 20 }]);
    await queue.send('ingest', [
      { data: { documents: [sampleWrite('Queued.').document] }, expireInSeconds: 20 },
    ]);
    const stopping = new AbortController();
    const reports: string[] = [];
    await runWorker(queue, jobContext(store, { queue }), {
      signal: stopping.signal,
      pollMs: 10,
      onJob: (r) => {
        reports.push(report(r));
        if (reports.length === 2) stopping.abort();
      },
    });
    // Ingest jobs come first; the abort lets the job in hand finish, then no other is taken.
    expect(reports).toEqual(['ingest:failed', 'ingest:done']);
    expect(queue.failed.map((f) => f.job.kind)).toEqual(['ingest']);
    expect(queue.completed.map((c) => c.output)).toEqual([{ documents: 1, stored: 1, duplicates: 0 }]);
    expect(queue.waitingKinds()).toEqual(['extract', 'resolve']);
    await store.close();
  });
});

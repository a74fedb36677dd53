import { describe, expect, it } from 'vitest';
import { sampleWrite } from '../../test/store/store-contract.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Extractor } from './ingest.js';
import {
  extractJob,
  ingestJob,
  runWorker,
  type JobCounts,
  type JobQueue,
  type NewJob,
  type QueuedJob,
} from './jobs.js';

/** Extraction that only records what it was asked for: an empty extraction per document. */
function recordingExtractor(): Extractor & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    extractMany: async (docs) => {
      seen.push(...docs.map((d) => d.id));
      return docs.map((d) => ({
        id: d.id,
        incidents: [],
        statements: [],
        links: [],
        entities: [],
        messages: [],
      }));
    },
  };
}

/** A queue in memory: jobs in order, and what became of each. */
class MemoryQueue implements JobQueue {
  readonly waiting: QueuedJob[] = [];
  readonly completed: { job: QueuedJob; output: Record<string, number> }[] = [];
  readonly failed: { job: QueuedJob; error: Error }[] = [];
  async send(kind: string, jobs: NewJob[]): Promise<void> {
    for (const j of jobs) this.waiting.push({ id: String(this.waiting.length + 1), kind, data: j.data });
  }
  async fetch(kinds: readonly string[]): Promise<QueuedJob | undefined> {
    for (const kind of kinds) {
      const i = this.waiting.findIndex((j) => j.kind === kind);
      if (i >= 0) return this.waiting.splice(i, 1)[0];
    }
    return undefined;
  }
  async complete(job: QueuedJob, output: Record<string, number>): Promise<void> {
    this.completed.push({ job, output });
  }
  async fail(job: QueuedJob, error: Error): Promise<void> {
    this.failed.push({ job, error });
  }
  async counts(): Promise<JobCounts[]> {
    return [];
  }
  async close(): Promise<void> {}
}

describe('jobs', () => {
  it('an ingest job stores its documents once and does not extract content already stored', async () => {
    const store = SqliteStore.open(':memory:');
    const extractor = recordingExtractor();
    const [a, b] = [sampleWrite('First queued report.'), sampleWrite('Second queued report.')];
    await store.putDocuments([a!]);
    const data = { documents: [a!.document, b!.document] };
    expect(ingestJob.expireInSeconds(data)).toBe(21);
    expect(await ingestJob.run(data, { store, extractor })).toEqual({
      documents: 2,
      stored: 1,
      duplicates: 1,
    });
    expect(extractor.seen).toEqual([b!.document.id]);
    expect(await ingestJob.run(data, { store, extractor })).toEqual({
      documents: 2,
      stored: 0,
      duplicates: 2,
    });
    expect((await store.stats()).documents).toBe(2);
    await store.close();
  });

  it('an extract job replaces the extraction of stored documents and skips ids no longer stored', async () => {
    const store = SqliteStore.open(':memory:');
    const w = sampleWrite('A report to extract again.');
    await store.putDocuments([w]);
    const output = await extractJob.run(
      { ids: [w.document.id, 'doc_gone'], chars: 30 },
      { store, extractor: recordingExtractor() },
    );
    expect(output).toEqual({ documents: 2, reprocessed: 1 });
    expect((await store.getExtraction(w.document.id))?.incidents).toEqual([]);
    await store.close();
  });

  it('a worker reports failed jobs for retry, goes on, and stops after the job in hand when aborted', async () => {
    const store = SqliteStore.open(':memory:');
    const queue = new MemoryQueue();
    await queue.send('extract', [{ data: { ids: [], chars: 0 }, expireInSeconds: 20 }]);
    await queue.send('ingest', [{ data: { documents: 'not a list' }, expireInSeconds: 20 }]);
    await queue.send('ingest', [
      { data: { documents: [sampleWrite('Queued.').document] }, expireInSeconds: 20 },
    ]);
    const stopping = new AbortController();
    const reports: string[] = [];
    await runWorker(
      queue,
      { store, extractor: recordingExtractor() },
      {
        signal: stopping.signal,
        pollMs: 10,
        onJob: (r) => {
          reports.push(`${r.job.kind}:${'error' in r ? 'failed' : 'done'}`);
          if (reports.length === 2) stopping.abort();
        },
      },
    );
    // Ingest jobs come first; the abort lets the job in hand finish, then no other is taken.
    expect(reports).toEqual(['ingest:failed', 'ingest:done']);
    expect(queue.failed.map((f) => f.job.kind)).toEqual(['ingest']);
    expect(queue.completed.map((c) => c.output)).toEqual([{ documents: 1, stored: 1, duplicates: 0 }]);
    expect(queue.waiting.map((j) => j.kind)).toEqual(['extract']);
    await store.close();
  });
});

import type { Resources } from '../../src/kb/resources.js';
import type { Extractor } from '../../src/services/ingest.js';
import type { JobContext, JobCounts, JobQueue, NewJob, QueuedJob } from '../../src/services/jobs.js';
import { JOB_KINDS } from '../../src/services/worker.js';
import type { Store } from '../../src/store/store.js';

/**
 * A job queue in memory for tests, with the PostgreSQL queue's coalescing (one job waiting and
 * one active per coalescing kind) and without delays: every job is ready at once.
 */
export class MemoryQueue implements JobQueue {
  readonly waiting: (QueuedJob & { startAfterSeconds?: number })[] = [];
  readonly active: QueuedJob[] = [];
  readonly completed: { job: QueuedJob; output: Record<string, number> }[] = [];
  readonly failed: { job: QueuedJob; error: Error }[] = [];
  private sent = 0;
  private readonly coalescing = new Set(JOB_KINDS.filter((k) => k.coalesce).map((k) => k.name));

  async send(kind: string, jobs: NewJob[]): Promise<void> {
    for (const j of jobs) {
      if (this.coalescing.has(kind) && this.waiting.some((w) => w.kind === kind)) continue;
      this.waiting.push({
        id: String(++this.sent),
        kind,
        data: j.data,
        ...(j.startAfterSeconds === undefined ? {} : { startAfterSeconds: j.startAfterSeconds }),
      });
    }
  }

  async fetch(kinds: readonly string[]): Promise<QueuedJob | undefined> {
    for (const kind of kinds) {
      if (this.coalescing.has(kind) && this.active.some((j) => j.kind === kind)) continue;
      const i = this.waiting.findIndex((j) => j.kind === kind);
      if (i < 0) continue;
      const taken = this.waiting.splice(i, 1)[0]!;
      const job: QueuedJob = { id: taken.id, kind: taken.kind, data: taken.data };
      this.active.push(job);
      return job;
    }
    return undefined;
  }

  async complete(job: QueuedJob, output: Record<string, number>): Promise<void> {
    this.settle(job);
    this.completed.push({ job, output });
  }

  async fail(job: QueuedJob, error: Error): Promise<void> {
    this.settle(job);
    this.failed.push({ job, error });
  }

  async counts(): Promise<JobCounts[]> {
    return [];
  }

  async close(): Promise<void> {}

  /** The kinds of the jobs waiting, in order. */
  waitingKinds(): string[] {
    return this.waiting.map((j) => j.kind);
  }

  private settle(job: QueuedJob): void {
    this.active.splice(this.active.indexOf(job), 1);
  }
}

/** Extraction that only records what it was asked for: an empty extraction per document. */
export function recordingExtractor(): Extractor & { seen: string[] } {
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

/** What jobs run with in tests: `store`, a memory queue, no alert rules or webhooks, resources only if given. */
export function jobContext(
  store: Store,
  over: Partial<Omit<JobContext, 'queue'>> & { queue?: MemoryQueue } = {},
): JobContext & { queue: MemoryQueue } {
  return {
    store,
    extractor: recordingExtractor(),
    resources: (): Promise<Resources> => Promise.reject(new Error('this test loads no resources')),
    alertConfig: { rules: [], webhooks: [] },
    queue: new MemoryQueue(),
    ...over,
  };
}

import { setTimeout as sleep } from 'node:timers/promises';
import { extractJob, ingestJob } from './document-jobs.js';
import type { JobContext, JobKind, JobQueue, QueuedJob } from './jobs.js';
import { alertsJob, resolveJob } from './resolve-jobs.js';

/**
 * Every kind of job a worker runs, in the order it looks for work: alert deliveries first (few
 * and urgent), resolution last, so that it runs once the documents waiting are stored. Register
 * a new kind here (a name, an expiry and an idempotent `run`); `vigil worker` and `vigil jobs`
 * pick it up.
 */
// The kinds' data types differ (methods take their parameters bivariantly); each kind only ever
// receives the data its own sender queued.
export const JOB_KINDS: readonly JobKind<unknown>[] = [alertsJob, ingestJob, extractJob, resolveJob];

/** The names of every kind of job. */
export const JOB_NAMES: readonly string[] = JOB_KINDS.map((k) => k.name);

/** What became of one job, for the worker's log. */
export type JobReport = { job: QueuedJob; ms: number } & (
  { output: Record<string, number> } | { error: Error }
);

/** Options of {@link runWorker}. */
export interface WorkerOptions {
  /** Stop taking jobs once aborted; the job in hand is finished and reported first. */
  signal: AbortSignal;
  /** Wait between looks at an empty queue (default 1 s). */
  pollMs?: number;
  onJob?: (report: JobReport) => void;
  /** A job could not be reported (the database went away): it expires and is run again. */
  onQueueError?: (error: Error) => void;
}

/**
 * Take jobs of every registered kind one at a time and run them until `signal` aborts. A job that
 * throws is reported failed (the queue retries it with backoff); one that could not be reported
 * at all expires and is given to another worker.
 */
export async function runWorker(queue: JobQueue, context: JobContext, options: WorkerOptions): Promise<void> {
  while (!options.signal.aborted) {
    const job = await queue.fetch(JOB_NAMES);
    if (job) await runJob(queue, context, job, options);
    else await sleep(options.pollMs ?? 1000, undefined, { signal: options.signal }).catch(() => {});
  }
}

const KINDS = new Map(JOB_KINDS.map((k) => [k.name, k]));

/** Run one job and report it. */
async function runJob(
  queue: JobQueue,
  context: JobContext,
  job: QueuedJob,
  options: WorkerOptions,
): Promise<void> {
  const started = Date.now();
  let report: JobReport;
  try {
    const output = await KINDS.get(job.kind)!.run(job.data, context);
    report = { job, ms: Date.now() - started, output };
  } catch (err) {
    report = { job, ms: Date.now() - started, error: err as Error };
  }
  try {
    if ('error' in report) await queue.fail(job, report.error);
    else await queue.complete(job, report.output);
  } catch (err) {
    options.onQueueError?.(err as Error);
  }
  options.onJob?.(report);
}

import type { Resources } from '../kb/resources.js';
import type { Store } from '../store/store.js';
import type { AlertConfig } from './alerts/alert-config.js';
import type { DeliveryOptions } from './alerts/deliver-webhooks.js';
import type { Extractor } from './ingest.js';

/** A job taken from the queue, to be reported complete or failed. */
export interface QueuedJob {
  id: string;
  /** The {@link JobKind} name, which is also the queue's name. */
  kind: string;
  data: unknown;
}

/** A job to add to the queue. */
export interface NewJob {
  data: object;
  /** Seconds the job may stay active before it is presumed lost (its worker died) and run again. */
  expireInSeconds: number;
  /** Seconds before the job may start (default 0). */
  startAfterSeconds?: number;
}

/** Jobs of one kind by state; `done` and `failed` count the jobs of about the last day. */
export interface JobCounts {
  kind: string;
  /** Waiting, including failed jobs waiting for their retry. */
  queued: number;
  active: number;
  /** Failed for good: every retry used. */
  failed: number;
  done: number;
}

/**
 * How the queue of one kind of job behaves. A coalescing queue holds at most one waiting job and
 * runs at most one at a time: a job sent while one is already waiting is dropped (the waiting
 * one has not started, so it will do the dropped one's work), and a waiting job starts only once
 * the running one is done.
 */
export interface QueueSpec {
  /** The queue's name. */
  name: string;
  coalesce: boolean;
}

/**
 * The durable job queue the services use (implemented on PostgreSQL by `PgJobQueue`). A job taken
 * by `fetch` belongs to that worker until it is reported, or until it expires: then it is given to
 * another worker, so a worker that dies loses nothing.
 */
export interface JobQueue {
  /** Queue jobs of one kind (of a coalescing kind, dropped while one already waits). */
  send(kind: string, jobs: NewJob[]): Promise<void>;
  /** The next job of the first kind that has one ready, or undefined when none is. */
  fetch(kinds: readonly string[]): Promise<QueuedJob | undefined>;
  /** The job is done; `output` is kept with it. */
  complete(job: QueuedJob, output: Record<string, number>): Promise<void>;
  /** The job failed: it is retried later (with backoff) until its retries are used up. */
  fail(job: QueuedJob, error: Error): Promise<void>;
  counts(kinds: readonly string[]): Promise<JobCounts[]>;
  close(): Promise<void>;
}

/** What a job may use. */
export interface JobContext {
  store: Store;
  extractor: Extractor;
  /** To queue the jobs that follow (a resolve job after new documents, deliveries after alerts). */
  queue: JobQueue;
  /** Knowledge base, gazetteer and NLP model, for resolution (loaded on first use). */
  resources: () => Promise<Resources>;
  alertConfig: AlertConfig;
  /** Webhook delivery settings (tests shorten the retries). */
  delivery?: DeliveryOptions;
}

/**
 * A kind of job. Jobs must be idempotent: a job whose worker died before reporting it is run
 * again by another worker, and a failed job is retried.
 */
export interface JobKind<T> extends QueueSpec {
  /** How long a job may run before it is presumed lost, from its data (larger jobs get longer). */
  expireInSeconds(data: T): number;
  /** Do the job; the counts returned are kept with it and printed by the worker. */
  run(data: T, context: JobContext): Promise<Record<string, number>>;
}

/** Seconds any job may run, plus one second per this many characters of text it holds. */
const BASE_EXPIRY_SECONDS = 20;
const CHARS_PER_EXTRA_SECOND = 50_000;

/** How long a job over `chars` characters of text may run before it is presumed lost. */
export function expiryFor(chars: number): number {
  return BASE_EXPIRY_SECONDS + Math.ceil(chars / CHARS_PER_EXTRA_SECOND);
}

/** Queue jobs of one kind, starting after `startAfterSeconds` (default at once). */
export async function sendJobs<T extends object>(
  queue: JobQueue,
  kind: JobKind<T>,
  data: T[],
  startAfterSeconds?: number,
): Promise<void> {
  await queue.send(
    kind.name,
    data.map((d) => ({
      data: d,
      expireInSeconds: kind.expireInSeconds(d),
      ...(startAfterSeconds === undefined ? {} : { startAfterSeconds }),
    })),
  );
}

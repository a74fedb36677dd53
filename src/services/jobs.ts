import { setTimeout as sleep } from 'node:timers/promises';
import type { Store, StoredDocument } from '../store/store.js';
import {
  ingest,
  PIPELINE_VERSION,
  toInput,
  toWrites,
  type Extractor,
  type IngestBaseOptions,
  type IngestSummary,
} from './ingest.js';
import { extractedFromText } from '../ingest/source-document.js';

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
 * The durable job queue the services use (implemented on PostgreSQL by `PgJobQueue`). A job taken
 * by `fetch` belongs to that worker until it is reported, or until it expires: then it is given to
 * another worker, so a worker that dies loses nothing.
 */
export interface JobQueue {
  send(kind: string, jobs: NewJob[]): Promise<void>;
  /** The next job of the first kind that has one waiting, or undefined when none waits. */
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
}

/**
 * A kind of job. Jobs must be idempotent: a job whose worker died before reporting it is run
 * again by another worker, and a failed job is retried.
 */
export interface JobKind<T> {
  /** The queue's name. */
  name: string;
  /** How long a job may run before it is presumed lost, from its data (larger jobs get longer). */
  expireInSeconds(data: T): number;
  /** Do the job; the counts returned are kept with it and printed by the worker. */
  run(data: T, context: JobContext): Promise<Record<string, number>>;
}

/** Seconds any job may run, plus one second per this many characters of text it holds. */
const BASE_EXPIRY_SECONDS = 20;
const CHARS_PER_EXTRA_SECOND = 50_000;

function expiryFor(chars: number): number {
  return BASE_EXPIRY_SECONDS + Math.ceil(chars / CHARS_PER_EXTRA_SECOND);
}

/** Documents per ingest job, and text characters per job at most. */
const INGEST_JOB_DOCUMENTS = 32;
const INGEST_JOB_CHARS = 1_000_000;

/** Data of an ingest job: documents read by `vigil ingest --queue`, to extract and store. */
export interface IngestJobData {
  documents: StoredDocument[];
}

/**
 * Extract and store a batch of documents read elsewhere. Content already stored is skipped
 * before extraction; the store's content-hash dedupe makes storing twice impossible even when
 * two workers run the same job.
 */
export const ingestJob: JobKind<IngestJobData> = {
  name: 'ingest',
  expireInSeconds: (data) => expiryFor(data.documents.reduce((n, d) => n + d.text.length, 0)),
  async run(data, { store, extractor }) {
    const fresh: StoredDocument[] = [];
    for (const d of data.documents) if (!(await store.hasContent(d.contentHash))) fresh.push(d);
    const extractions = await extractor.extractMany(fresh.map(toInput));
    const results = await store.putDocuments(toWrites(fresh, extractions));
    const stored = results.filter((r) => r.created).length;
    return { documents: data.documents.length, stored, duplicates: data.documents.length - stored };
  },
};

/** Data of an extract job: stored documents to extract again (`vigil reprocess --queue`). */
export interface ExtractJobData {
  ids: string[];
  /** Characters of their texts, for the job's expiry. */
  chars: number;
}

/** Extract stored documents again with this version's pipeline; analysts' reviews are kept. */
export const extractJob: JobKind<ExtractJobData> = {
  name: 'extract',
  expireInSeconds: (data) => expiryFor(data.chars),
  async run(data, { store, extractor }) {
    const documents: StoredDocument[] = [];
    for (const id of data.ids) {
      const d = await store.getDocument(id);
      // Imported records keep the incident built from their fields.
      if (d && extractedFromText(d)) documents.push(d);
    }
    const extractions = await extractor.extractMany(documents.map(toInput));
    for (const [i, d] of documents.entries())
      await store.replaceExtraction(d.id, extractions[i]!, PIPELINE_VERSION);
    return { documents: data.ids.length, reprocessed: documents.length };
  },
};

/**
 * Every kind of job a worker runs, in the order it looks for work. Register a new kind here (a
 * name, an expiry and an idempotent `run`); `vigil worker` and `vigil jobs` pick it up.
 */
// The kinds' data types differ (methods take their parameters bivariantly); each kind only ever
// receives the data its own sender queued.
export const JOB_KINDS: readonly JobKind<unknown>[] = [ingestJob, extractJob];

/** The names of every kind of job. */
export const JOB_NAMES: readonly string[] = JOB_KINDS.map((k) => k.name);

/** Queue jobs of one kind. */
export async function sendJobs<T extends object>(
  queue: JobQueue,
  kind: JobKind<T>,
  data: T[],
): Promise<void> {
  await queue.send(
    kind.name,
    data.map((d) => ({ data: d, expireInSeconds: kind.expireInSeconds(d) })),
  );
}

/**
 * `vigil ingest --queue`: read inputs as {@link ingest} does (problems listed, content already
 * stored or read twice skipped) and queue the new documents as ingest jobs for the workers.
 */
export async function ingestToQueue(
  inputs: string[],
  store: Store,
  queue: JobQueue,
  options: IngestBaseOptions,
): Promise<IngestSummary & { jobs: number }> {
  let jobs = 0;
  const summary = await ingest(inputs, store, {
    ...options,
    batchSize: INGEST_JOB_DOCUMENTS,
    batchChars: INGEST_JOB_CHARS,
    enqueue: async (documents) => {
      await sendJobs(queue, ingestJob, [{ documents }]);
      jobs++;
    },
  });
  return { ...summary, jobs };
}

/** `vigil reprocess --queue`: queue every stored document for extraction again, a page per job. */
export async function reprocessToQueue(
  store: Store,
  queue: JobQueue,
): Promise<{ documents: number; jobs: number }> {
  let documents = 0;
  let jobs = 0;
  for (
    let page = await store.listDocuments(undefined, INGEST_JOB_DOCUMENTS);
    page.length > 0;
    page = await store.listDocuments(page[page.length - 1]!.id, INGEST_JOB_DOCUMENTS)
  ) {
    await sendJobs(queue, extractJob, [
      { ids: page.map((d) => d.id), chars: page.reduce((n, d) => n + d.text.length, 0) },
    ]);
    documents += page.length;
    jobs++;
  }
  return { documents, jobs };
}

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
  const kinds = new Map(JOB_KINDS.map((k) => [k.name, k]));
  while (!options.signal.aborted) {
    const job = await queue.fetch(JOB_NAMES);
    if (!job) {
      await sleep(options.pollMs ?? 1000, undefined, { signal: options.signal }).catch(() => {});
      continue;
    }
    const started = Date.now();
    let report: JobReport;
    try {
      const output = await kinds.get(job.kind)!.run(job.data, context);
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
}

import type { Command } from 'commander';
import { AppError } from '../errors.js';
import type { Tlp } from '../ingest/source-document.js';
import { loadResources, type Resources } from '../kb/resources.js';
import { loadAlertConfig } from '../services/alerts/alert-config.js';
import { ingestToQueue, reprocessToQueue } from '../services/document-jobs.js';
import type { JobQueue } from '../services/jobs.js';
import { JOB_KINDS, JOB_NAMES, runWorker, type JobReport } from '../services/worker.js';
import { DEFAULT_DB } from '../store/open-store.js';
import { isPostgresUrl, pgTarget } from '../store/postgres/postgres-url.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/store.js';
import { writeLine } from './output.js';
import { makeExtractor } from './make-extractor.js';
import { withStore } from './with-store.js';

/** `vigil worker` and `vigil jobs`: the commands of the PostgreSQL job queue. */
export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description(
      'run queued jobs (documents from `ingest --queue`, `reprocess --queue` and `serve --queue`, resolution, alert deliveries) until SIGTERM or Ctrl-C; PostgreSQL --db only',
    )
    .option('--workers <n>', 'extraction worker threads (0: extract inline)', (v) => Number.parseInt(v, 10))
    .option('--alerts <file>', 'alert rules and webhooks (default config/alerts.yaml, or VIGIL_ALERTS)')
    .action(async (opts: { workers?: number; alerts?: string }, cmd: Command) => {
      const alertConfig = await loadAlertConfig(opts.alerts);
      await withQueue(cmd, true, async (store, queue) => {
        let loaded: Promise<Resources> | undefined;
        const resources = (): Promise<Resources> => (loaded ??= loadResources());
        const { extractor, close } = await makeExtractor(opts.workers, resources);
        const stopping = new AbortController();
        // The first signal lets the job in hand finish; a second one stops at once (the job is
        // then run again by another worker once it expires).
        const stop = (): void => {
          if (stopping.signal.aborted) {
            process.stderr.write('worker: stopped before the job in hand was finished\n');
            process.exit(1);
          }
          process.stderr.write('worker: stopping after the current job (again to stop at once)\n');
          stopping.abort();
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
        process.stderr.write(
          `worker: running ${JOB_NAMES.join(', ')} jobs from ${store.schema} on ${pgTarget(store.connectionString)} (stop with Ctrl-C or SIGTERM)\n`,
        );
        try {
          await runWorker(
            queue,
            { store, extractor, queue, resources, alertConfig },
            {
              signal: stopping.signal,
              onJob: (r) => process.stderr.write(`${jobLine(r)}\n`),
              onQueueError: (err) =>
                process.stderr.write(`worker: could not report a job (it will run again): ${err.message}\n`),
            },
          );
        } finally {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          await close();
        }
        process.stderr.write('worker: stopped\n');
      });
    });

  program
    .command('jobs')
    .description(
      'jobs in the queue by kind: queued, active, failed (retries used up), done (about the last day)',
    )
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withQueue(cmd, false, async (_store, queue) => {
        const counts = await queue.counts(JOB_NAMES);
        if (opts.json) {
          await writeLine(JSON.stringify(counts));
          return;
        }
        await writeLine(
          `${'kind'.padEnd(10)} ${['queued', 'active', 'failed', 'done'].map((h) => h.padStart(8)).join(' ')}`,
        );
        for (const c of counts)
          await writeLine(
            `${c.kind.padEnd(10)} ${[c.queued, c.active, c.failed, c.done].map((n) => String(n).padStart(8)).join(' ')}`,
          );
      });
    });
}

/** Options of `vigil ingest --queue` (those of `vigil ingest` that apply to reading). */
export interface QueueIngestOptions {
  marking: Tlp;
  allowPrivate?: boolean;
  json?: boolean;
  csvText?: string;
  csvTitle?: string;
  csvDate?: string;
  csvUrl?: string;
}

/** `vigil ingest --queue`: read the inputs here, queue their new documents for `vigil worker`. */
export async function queueIngest(cmd: Command, inputs: string[], opts: QueueIngestOptions): Promise<void> {
  await withQueue(cmd, false, async (store, queue) => {
    const csv: { text?: string; title?: string; date?: string; url?: string } = {};
    if (opts.csvText) csv.text = opts.csvText;
    if (opts.csvTitle) csv.title = opts.csvTitle;
    if (opts.csvDate) csv.date = opts.csvDate;
    if (opts.csvUrl) csv.url = opts.csvUrl;
    const summary = await ingestToQueue(inputs, store, queue, {
      marking: opts.marking,
      csv,
      allowPrivate: opts.allowPrivate ?? false,
    });
    if (opts.json) await writeLine(JSON.stringify(summary));
    else {
      for (const p of summary.problems) process.stderr.write(`${p.source} ${p.ruleId} ${p.reason}\n`);
      process.stderr.write(
        `queued ${summary.queued} documents in ${summary.jobs} jobs from ${summary.inputsTotal} inputs: ${summary.duplicates} already stored, ${summary.skipped} skipped${summary.skipped ? ' (reasons above)' : ''}\n`,
      );
    }
    if (summary.skipped > 0) process.exitCode = 1;
  });
}

/** `vigil reprocess --queue`: queue every stored document for extraction again by `vigil worker`. */
export async function queueReprocess(cmd: Command): Promise<void> {
  await withQueue(cmd, false, async (store, queue) => {
    const r = await reprocessToQueue(store, queue);
    process.stderr.write(`queued ${r.documents} documents in ${r.jobs} jobs for extraction again\n`);
  });
}

/**
 * Run `fn` with the PostgreSQL store the global `--db` option (or `VIGIL_DB`) names and its job
 * queue; a SQLite database is a one-line AppError. With `maintain`, this process takes its turn
 * at the queue's maintenance (expiring the jobs of dead workers).
 */
async function withQueue(
  cmd: Command,
  maintain: boolean,
  fn: (store: PostgresStore, queue: JobQueue) => Promise<void>,
): Promise<void> {
  requirePostgres((cmd.optsWithGlobals() as { db?: string }).db);
  await withStore(cmd, async (store) => {
    const { queue, postgres } = await openJobQueue(store, maintain);
    try {
      await fn(postgres, queue);
    } finally {
      await queue.close();
    }
  });
}

/**
 * Check that the database setting (`--db`, else `VIGIL_DB`) names PostgreSQL, which the job
 * queue needs; otherwise a one-line AppError `queue_needs_postgres`.
 */
export function requirePostgres(db = process.env.VIGIL_DB ?? DEFAULT_DB): void {
  if (!isPostgresUrl(db))
    throw new AppError(
      'queue_needs_postgres',
      2,
      `the job queue needs a PostgreSQL database (--db postgres://… or VIGIL_DB); ${db} is a SQLite file`,
    );
}

/**
 * The job queue beside an open PostgreSQL store, with the queues of every kind of job (see
 * {@link withQueue} for `maintain`); errors of the queue's background work are printed.
 */
export async function openJobQueue(
  store: Store,
  maintain: boolean,
): Promise<{ queue: JobQueue; postgres: PostgresStore }> {
  // Loaded only for the queue, so that the other commands do not load pg-boss.
  const { PostgresStore } = await import('../store/postgres/postgres-store.js');
  const { PgJobQueue } = await import('../store/postgres/job-queue.js');
  if (!(store instanceof PostgresStore)) throw new Error('the job queue needs a PostgreSQL store');
  const queue = await PgJobQueue.open(store, JOB_KINDS, {
    maintain,
    onError: (err) => process.stderr.write(`vigil: job queue: ${err.message}\n`),
  });
  return { queue, postgres: store };
}

/** One line per job for the worker's log: `ingest job 1f0c…: 32 documents, 30 stored, 2 duplicates (1.4 s)`. */
function jobLine(r: JobReport): string {
  const head = `${r.job.kind} job ${r.job.id.slice(0, 8)}`;
  const took = `(${(r.ms / 1000).toFixed(1)} s)`;
  if ('error' in r) return `${head} failed ${took}: ${r.error.message}`;
  return `${head}: ${Object.entries(r.output)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')} ${took}`;
}

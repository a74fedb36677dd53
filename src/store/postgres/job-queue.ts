import pg from 'pg';
import PgBoss from 'pg-boss';
import { AppError } from '../../errors.js';
import type { JobCounts, JobQueue, NewJob, QueuedJob, QueueSpec } from '../../services/jobs.js';
import { pgJson } from './pg-values.js';

/** Retries of a failed or expired job: 5, after about 2, 4, 8, 16 and 32 seconds (randomised). */
const RETRY = { retryLimit: 5, retryDelay: 2, retryBackoff: true } as const;

/**
 * How often expired jobs are looked for, by one of the workers at a time. A job whose worker
 * died is given to another worker within its expiry plus at most two of these intervals, plus
 * its retry delay (about 2 s) and a worker's poll (1 s): under a minute for an ordinary job.
 */
const MAINTENANCE_SECONDS = 10;

/**
 * The job queue on PostgreSQL (pg-boss 10), in the schema `<store schema>_jobs` of the store's
 * database, so that two Vigil stores in one database have two queues. Finished jobs are kept an
 * hour in pg-boss's job table, then a day in its archive; waiting jobs are kept 14 days.
 */
export class PgJobQueue implements JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly schema: string,
  ) {}

  /**
   * Connect to the queue of the store at `connectionString` whose tables are in `storeSchema`
   * (creating its tables and the queues of `kinds` if needed: a coalescing kind gets pg-boss's
   * `stately` policy, at most one job waiting and one active). With `maintain`, this process
   * also takes its turn at expiring lost jobs and archiving finished ones (workers do).
   */
  static async open(
    target: { connectionString: string; schema: string },
    kinds: readonly QueueSpec[],
    options: { maintain: boolean; onError: (error: Error) => void },
  ): Promise<PgJobQueue> {
    const schema = `${target.schema}_jobs`;
    if (!/^[A-Za-z_]\w{0,49}$/.test(schema))
      throw new AppError(
        'queue_schema_name',
        2,
        `the job queue's schema would be "${schema}": use a store schema of letters, digits and underscores (at most 45)`,
      );
    const boss = new PgBoss({
      connectionString: target.connectionString,
      schema,
      max: 4,
      application_name: 'vigil',
      schedule: false,
      supervise: options.maintain,
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
      archiveCompletedAfterSeconds: 3600,
      deleteAfterHours: 24,
    });
    boss.on('error', options.onError);
    // Processes starting together set the queue up one at a time: pg-boss creates a queue's
    // partition with DDL that deadlocks against another process doing the same.
    const lock = new pg.Client({ connectionString: target.connectionString });
    try {
      await lock.connect();
      await lock.query("SELECT pg_advisory_lock(hashtextextended('vigil:job-queue:' || $1, 0))", [schema]);
      await boss.start();
      for (const { name, coalesce } of kinds)
        if (!(await boss.getQueue(name)))
          await boss.createQueue(name, { name, ...RETRY, policy: coalesce ? 'stately' : 'standard' });
    } catch (err) {
      await boss.stop({ graceful: false }).catch(() => {});
      throw new AppError('queue_open_failed', 2, `cannot open the job queue: ${(err as Error).message}`);
    } finally {
      await lock.end().catch(() => {}); // ending the session releases the lock
    }
    return new PgJobQueue(boss, schema);
  }

  async send(kind: string, jobs: NewJob[]): Promise<void> {
    if (jobs.length === 0) return;
    // PostgreSQL's jsonb cannot hold U+0000: the job's data goes in as the store keeps it. A job
    // of a stately queue that already has one waiting conflicts with it and is not inserted.
    await this.boss.insert(
      jobs.map((j) => ({
        name: kind,
        data: JSON.parse(pgJson(j.data)) as object,
        expireInSeconds: j.expireInSeconds,
        ...(j.startAfterSeconds ? { startAfter: `${j.startAfterSeconds} seconds` } : {}),
      })),
    );
  }

  async fetch(kinds: readonly string[]): Promise<QueuedJob | undefined> {
    // pg-boss gives no job of a stately queue while one is active (its fetch meets the unique
    // index and returns nothing), so coalescing kinds run one at a time.
    for (const kind of kinds) {
      const [job] = (await this.boss.fetch<unknown>(kind, { batchSize: 1 })) ?? [];
      if (job) return { id: job.id, kind, data: job.data };
    }
    return undefined;
  }

  async complete(job: QueuedJob, output: Record<string, number>): Promise<void> {
    await this.boss.complete(job.kind, job.id, output);
  }

  async fail(job: QueuedJob, error: Error): Promise<void> {
    await this.boss.fail(job.kind, job.id, { message: error.message });
  }

  async counts(kinds: readonly string[]): Promise<JobCounts[]> {
    const db = this.boss.getDb();
    const { rows } = (await db.executeSql(
      `SELECT name, state, count(*)::int AS n FROM ${this.schema}.job GROUP BY name, state
       UNION ALL
       SELECT name, state, count(*)::int AS n FROM ${this.schema}.archive
       WHERE state IN ('completed', 'failed') GROUP BY name, state`,
      [],
    )) as { rows: { name: string; state: string; n: number }[] };
    const counts = new Map(kinds.map((kind) => [kind, { kind, queued: 0, active: 0, failed: 0, done: 0 }]));
    for (const r of rows) {
      const c = counts.get(r.name);
      if (!c) continue;
      if (r.state === 'created' || r.state === 'retry') c.queued += r.n;
      else if (r.state === 'active') c.active += r.n;
      else if (r.state === 'failed') c.failed += r.n;
      else if (r.state === 'completed') c.done += r.n;
    }
    return [...counts.values()];
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freshSchema, pgAdmin, pgReachable, TEST_PG_URL } from '../helpers/postgres.js';
import { startVigil, vigil, vigilAsync } from '../helpers/run-vigil.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface JobCounts {
  kind: string;
  queued: number;
  active: number;
  failed: number;
  done: number;
}

/** Poll `check` every `everyMs` until it returns true, for at most `ms`. */
async function waitFor(check: () => Promise<boolean>, ms: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}

describe.skipIf(!pgReachable)(`vigil worker processes on PostgreSQL at ${TEST_PG_URL}`, () => {
  it('store every queued document exactly once, though the same content is queued twice at once and a worker is killed with SIGKILL mid-job', async () => {
    const { url, schema, drop } = await freshSchema();
    const dir = mkdtempSync(join(tmpdir(), 'vigil-workers-'));
    const workers = [0, 1, 2].map(() => startVigil(['--db', url, 'worker', '--workers', '0']));
    try {
      // Two distinct copies of the Wikinews corpus (578 documents).
      const corpus = readFileSync(join(root, 'examples/wikinews/wikinews.jsonl'), 'utf8').trim().split('\n');
      const lines = [0, 1].flatMap((c) =>
        corpus.map((l) => {
          const d = JSON.parse(l) as { id: string; text: string };
          return JSON.stringify({ ...d, id: `${d.id}-${c}`, text: `${d.text}\n\n(copy ${c})` });
        }),
      );
      const input = join(dir, 'input.jsonl');
      writeFileSync(input, `${lines.join('\n')}\n`);

      // Two ingests queue the same documents at the same time: every document is in two jobs.
      const queued = await Promise.all(
        [0, 1].map(() => vigilAsync(['--db', url, 'ingest', '--queue', '--json', input])),
      );
      let jobs = 0;
      for (const q of queued) {
        expect(q.code, q.stderr).toBe(0);
        const summary = JSON.parse(q.stdout) as {
          read: number;
          queued: number;
          duplicates: number;
          jobs: number;
        };
        expect(summary.read).toBe(lines.length);
        expect(summary.queued + summary.duplicates).toBe(lines.length);
        jobs += summary.jobs;
      }

      const stored = async (): Promise<number> =>
        Number((await pgAdmin<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.documents`))[0]!.n);
      // Halfway through, kill one worker just after it reported a job: it has taken the next one.
      expect(await waitFor(async () => (await stored()) >= lines.length / 2, 60_000), 'half stored').toBe(
        true,
      );
      const victim = workers[0]!;
      const reported = victim.stderrLines.length;
      expect(
        await waitFor(async () => victim.stderrLines.length > reported, 20_000, 20),
        `the victim reports a job: ${victim.stderrLines.join(' | ')}`,
      ).toBe(true);
      // Every worker holds a job (so the victim does): a fixed pause after its report was not always
      // enough for it to fetch the next one on a loaded machine.
      const active = async (): Promise<number> =>
        Number(
          (
            await pgAdmin<{ n: string }>(
              `SELECT count(*) AS n FROM ${schema}_jobs.job WHERE name = 'ingest' AND state = 'active'`,
            )
          )[0]!.n,
        );
      expect(
        await waitFor(async () => (await active()) >= workers.length, 20_000, 20),
        'every worker holds a job',
      ).toBe(true);
      victim.child.kill('SIGKILL');
      expect((await victim.exited).signal).toBe('SIGKILL');
      const killedAt = Date.now();

      // The others drain the queue, the killed worker's job included once it expires.
      const allCounts = async (): Promise<JobCounts[]> =>
        JSON.parse(vigil(['--db', url, 'jobs', '--json']).stdout) as JobCounts[];
      const counts = async (kind = 'ingest'): Promise<JobCounts> =>
        (await allCounts()).find((c) => c.kind === kind)!;
      expect(
        await waitFor(
          async () => {
            const c = await counts();
            return c.queued === 0 && c.active === 0;
          },
          90_000,
          1000,
        ),
        'the queue drains',
      ).toBe(true);
      expect(Date.now() - killedAt, "the killed worker's job is run again within a minute").toBeLessThan(
        70_000,
      );
      // Then the resolve job the last ingest jobs asked for runs.
      expect(
        await waitFor(
          async () => {
            const c = await counts('resolve');
            return c.queued === 0 && c.active === 0 && c.done > 0;
          },
          60_000,
          1000,
        ),
        'resolution runs after the ingest',
      ).toBe(true);

      for (const w of workers.slice(1)) w.child.kill('SIGTERM');
      for (const w of workers.slice(1)) expect((await w.exited).code, w.stderrLines.join('\n')).toBe(0);
      expect(workers[1]!.stderrLines).toContain('worker: stopped');

      expect(await counts()).toEqual({ kind: 'ingest', queued: 0, active: 0, failed: 0, done: jobs });
      // Dozens of ingest jobs were followed by a few resolve runs, not one each.
      const resolves = await counts('resolve');
      expect(resolves).toMatchObject({ queued: 0, active: 0, failed: 0 });
      expect(resolves.done, `${resolves.done} resolve runs after ${jobs} ingest jobs`).toBeLessThanOrEqual(
        jobs / 4,
      );
      // The last run saw every document: each incident report belongs to a resolved incident.
      const [members] = await pgAdmin<{ reports: string; members: string }>(
        `SELECT (SELECT count(*) FROM ${schema}.incidents) AS reports,
                (SELECT count(*) FROM ${schema}.incident_members) AS members`,
      );
      expect(Number(members!.members)).toBe(Number(members!.reports));
      const [check] = await pgAdmin<{ documents: string; contents: string; incidents: string }>(
        `SELECT count(*) AS documents, count(DISTINCT content_hash) AS contents,
                (SELECT count(*) FROM ${schema}.incidents) AS incidents FROM ${schema}.documents`,
      );
      expect(Number(check!.documents)).toBe(lines.length);
      expect(Number(check!.contents)).toBe(lines.length);
      // Every document has its whole extraction (the killed worker left nothing half-written).
      const [whole] = await pgAdmin<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.documents d
         WHERE jsonb_array_length(d.extraction->'incidents') <> (SELECT count(*) FROM ${schema}.incidents i WHERE i.doc_id = d.id)`,
      );
      expect(Number(whole!.n)).toBe(0);
      expect(Number(check!.incidents)).toBeGreaterThan(0);
      // The job the killed worker held was run again by another.
      const [retried] = await pgAdmin<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}_jobs.job WHERE name = 'ingest' AND retry_count > 0`,
      );
      expect(Number(retried!.n), 'jobs run again').toBeGreaterThanOrEqual(1);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exited));
      rmSync(dir, { recursive: true, force: true });
      await drop();
    }
  }, 150_000);
});

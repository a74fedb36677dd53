// Team ingest throughput on PostgreSQL: the Wikinews corpus x20 (distinct texts) queued with
// `vigil ingest --queue`, then drained by 1, 2 and 4 `vigil worker` processes (each extracting on
// one thread), timed from the workers' start until every document is stored (prints JSON).
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeCorpusCopies } from './corpus-copies.js';
import { admin, freshPgSchema } from './pg.js';

const COPIES = Number(process.env.BENCH_PG_COPIES ?? 20);
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const { dir, input, lines } = writeCorpusCopies(COPIES, { distinctText: true, prefix: 'vigil-pg-bench-' });
const runs = [];
for (const workers of [1, 2, 4]) {
  const db = await freshPgSchema('vigil_bench_ingest');
  if (!db) {
    console.log(JSON.stringify({ skipped: 'PostgreSQL not reachable' }));
    process.exit(0);
  }
  const q0 = performance.now();
  const queued = spawnSync(process.execPath, [cli, '--db', db.url, 'ingest', '--queue', '--json', input], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (queued.status !== 0) throw new Error(`vigil ingest --queue failed: ${queued.stderr}`);
  const queueMs = performance.now() - q0;
  const t0 = performance.now();
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [cli, '--db', db.url, 'worker', '--workers', '0'], { stdio: 'ignore' }),
  );
  for (;;) {
    const [row] = await admin(`SELECT count(*)::int AS n FROM ${db.schema}.documents`);
    if (row.n >= lines.length) break;
    await sleep(100);
  }
  const ms = performance.now() - t0;
  await Promise.all(
    procs.map((p) => {
      const exited = new Promise((resolve) => p.on('exit', resolve));
      p.kill('SIGTERM');
      return exited;
    }),
  );
  await db.drop();
  runs.push({
    workers,
    ms,
    docsPerSec: (lines.length / ms) * 1000,
    queueDocsPerSec: (lines.length / queueMs) * 1000,
  });
}
rmSync(dir, { recursive: true });
console.log(JSON.stringify({ docs: lines.length, runs }));

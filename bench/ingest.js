// Ingest throughput: the Wikinews corpus x40 (distinct texts) into a fresh database through
// `vigil ingest`, extraction included, end to end (prints JSON).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpusCopies } from './corpus-copies.js';

const COPIES = Number(process.env.BENCH_COPIES ?? 40);
const { dir, input, lines } = writeCorpusCopies(COPIES, {
  distinctText: true,
  prefix: 'vigil-ingest-bench-',
});
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const t0 = performance.now();
const r = spawnSync(
  process.execPath,
  [cli, '--db', join(dir, 'vigil.db'), 'ingest', '--no-resolve', '--json', input],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  },
);
const ms = performance.now() - t0;
if (r.status !== 0) throw new Error(`vigil ingest failed: ${r.stderr}`);
const summary = JSON.parse(r.stdout);
rmSync(dir, { recursive: true });
console.log(
  JSON.stringify({
    docs: lines.length,
    stored: summary.stored,
    ms,
    docsPerSec: (summary.stored / ms) * 1000,
  }),
);

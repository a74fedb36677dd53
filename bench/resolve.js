// Cross-document resolution: the Wikinews corpus x35 (10,115 distinct documents; copy c published
// c * 9 days later, so incidents dated relatively become new incidents and those dated explicitly
// gather dozens of reports) ingested without resolving, then `vigil resolve` timed on its own,
// with its peak memory (prints JSON).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpusCopies } from './corpus-copies.js';

const COPIES = Number(process.env.BENCH_RESOLVE_COPIES ?? 35);
const { dir, input, lines } = writeCorpusCopies(COPIES, {
  distinctText: true,
  shiftDays: 9,
  prefix: 'vigil-resolve-bench-',
});
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const peak = new URL('./cli-peak.js', import.meta.url).pathname;
const db = join(dir, 'vigil.db');
const ingest = spawnSync(process.execPath, [cli, '--db', db, 'ingest', '--no-resolve', '--json', input], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (ingest.status !== 0) throw new Error(`vigil ingest failed: ${ingest.stderr}`);
const t0 = performance.now();
const r = spawnSync(process.execPath, [peak, '--db', db, 'resolve', '--json'], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
const ms = performance.now() - t0;
if (r.status !== 0) throw new Error(`vigil resolve failed: ${r.stderr}`);
const summary = JSON.parse(r.stdout);
const { maxRssMb } = JSON.parse(r.stderr.trim().split('\n').pop());
rmSync(dir, { recursive: true });
console.log(
  JSON.stringify({
    docs: lines.length,
    mentions: summary.incidentMentions,
    incidents: summary.incidents,
    statements: summary.statements,
    ms,
    maxRssMb,
  }),
);

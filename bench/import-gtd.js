// GTD import throughput (npm run bench:import): a synthetic GTD file of 200,000 rows (BENCH_ROWS)
// in GTD's own layout, imported by `vigil import gtd` into a fresh SQLite file, end to end; then
// imported again (every row already stored). Prints JSON. The file is written to a temporary
// folder and removed: no data is committed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticGtd } from './gtd-synthetic.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'vigil-import-bench-'));
const file = join(dir, 'globalterrorismdb_synthetic.csv');
await writeSyntheticGtd(file, ROWS);
const peak = new URL('./cli-peak.js', import.meta.url).pathname;
const run = () => {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [peak, '--db', join(dir, 'vigil.db'), 'import', 'gtd', '--json', file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`vigil import gtd failed: ${r.stderr}`);
  const { maxRssMb } = JSON.parse(r.stderr.trim().split('\n').pop());
  return { ms, summary: JSON.parse(r.stdout), maxRssMb };
};
const first = run();
const again = run();
const mb = statSync(file).size / 1024 / 1024;
rmSync(dir, { recursive: true });
console.log(
  JSON.stringify({
    rows: ROWS,
    fileMb: mb,
    stored: first.summary.stored,
    ms: first.ms,
    rowsPerSec: (ROWS / first.ms) * 1000,
    maxRssMb: first.maxRssMb,
    againMs: again.ms,
    againDuplicates: again.summary.duplicates,
  }),
);

// Ingest throughput: the Wikinews corpus x40 (distinct texts) into a fresh database through
// `vigil ingest`, extraction included, end to end (prints JSON).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COPIES = Number(process.env.BENCH_COPIES ?? 40);
const corpus = readFileSync(new URL('../examples/wikinews/wikinews.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const dir = mkdtempSync(join(tmpdir(), 'vigil-ingest-bench-'));
const input = join(dir, 'input.jsonl');
const lines = [];
for (let c = 0; c < COPIES; c++) {
  for (const l of corpus) {
    const d = JSON.parse(l);
    lines.push(JSON.stringify({ ...d, id: `${d.id}-${c}`, text: `${d.text}\n\n(copy ${c})` }));
  }
}
writeFileSync(input, `${lines.join('\n')}\n`);
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const t0 = performance.now();
const r = spawnSync(process.execPath, [cli, '--db', join(dir, 'vigil.db'), 'ingest', '--json', input], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
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

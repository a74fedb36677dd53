// Full `vigil extract` throughput: the Wikinews corpus repeated (distinct ids) through the command
// with its worker threads, against a bare wink-nlp pass over the same text (prints JSON).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { writeCorpusCopies } from './corpus-copies.js';

const COPIES = Number(process.env.BENCH_COPIES ?? 10);
const { dir, input, lines } = writeCorpusCopies(COPIES, { prefix: 'vigil-extract-bench-' });
const peak = new URL('./cli-peak.js', import.meta.url).pathname;

const t0 = performance.now();
const child = spawnSync(process.execPath, [peak, 'extract', input], { encoding: 'utf8', maxBuffer: 1 << 30 });
const extractMs = performance.now() - t0;
if (child.status !== 0) throw new Error(`vigil extract failed: ${child.stderr}`);
const written = child.stdout.trim().split('\n').length;
const { maxRssMb } = JSON.parse(child.stderr.trim().split('\n').pop());

// The same text through wink-nlp alone (tokens + POS + sentences), one thread, after its load.
const nlp = winkNLP(model, ['sbd', 'pos']);
const texts = lines.map((l) => JSON.parse(l).text);
const t1 = performance.now();
for (const t of texts) {
  const w = nlp.readDoc(t);
  w.tokens().out(nlp.its.value);
  w.tokens().out(nlp.its.pos);
  w.sentences().out(nlp.its.span);
}
const winkMs = performance.now() - t1;
rmSync(dir, { recursive: true });
console.log(
  JSON.stringify({
    docs: lines.length,
    written,
    extractMs,
    winkMs,
    maxRssMb,
    docsPerSec: (lines.length / extractMs) * 1000,
    ratio: extractMs / winkMs,
  }),
);

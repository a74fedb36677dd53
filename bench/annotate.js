// Annotation throughput over the Wikinews corpus, side by side with a bare wink-nlp pass (prints JSON).
import { readFileSync } from 'node:fs';
import { createDoc } from '../dist/doc.js';
import { loadResources } from '../dist/kb/resources.js';
import { annotate } from '../dist/pipeline/annotate.js';

const corpus = new URL('../examples/wikinews/wikinews.jsonl', import.meta.url);
const docs = readFileSync(corpus, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const resources = await loadResources();
const { nlp } = resources;
const REPS = Number(process.env.BENCH_REPS ?? 8);

const bareWink = () => {
  for (const d of docs) {
    const w = nlp.readDoc(d.text);
    w.tokens().out(nlp.its.value);
    w.tokens().out(nlp.its.pos);
    w.sentences().out(nlp.its.span);
  }
};
const vigil = () => {
  for (const d of docs)
    annotate(createDoc({ id: d.id, text: d.text, published: d.published ?? undefined }), resources);
};
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
// Warm up both, then alternate so that machine noise hits both alike; keep the best of each.
bareWink();
vigil();
let wink = Infinity;
let ours = Infinity;
for (let i = 0; i < REPS; i++) {
  wink = Math.min(wink, time(bareWink));
  ours = Math.min(ours, time(vigil));
}
console.log(
  JSON.stringify({
    docs: docs.length,
    mb: docs.reduce((a, d) => a + d.text.length, 0) / 1e6,
    docsPerSec: (docs.length / ours) * 1000,
    winkDocsPerSec: (docs.length / wink) * 1000,
    ratio: ours / wink,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);

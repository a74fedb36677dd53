// Full-text search latency over 100,000 stored documents generated from the corpus (sentences
// of the Wikinews articles recombined), queried with words and pairs of words from the corpus.
// In SQLite, or with BENCH_STORE=postgres in a fresh schema on the benchmark PostgreSQL server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash, documentId } from '../dist/store/document-id.js';
import { PostgresStore } from '../dist/store/postgres/postgres-store.js';
import { SqliteStore } from '../dist/store/sqlite/sqlite-store.js';
import { admin, freshPgSchema } from './pg.js';

const N = Number(process.env.BENCH_DOCS ?? 100_000);
const corpus = readFileSync(new URL('../examples/wikinews/wikinews.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const sentences = corpus.flatMap((d) => d.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 40);
const words = [...new Set(corpus.flatMap((d) => d.text.toLowerCase().match(/\p{L}{5,}/gu) ?? []))];
let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const postgres = process.env.BENCH_STORE === 'postgres';
const pgSchema = postgres ? await freshPgSchema('vigil_bench_search') : undefined;
if (pgSchema === null) {
  console.log(JSON.stringify({ skipped: 'PostgreSQL not reachable' }));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'vigil-search-bench-'));
const store = pgSchema ? await PostgresStore.open(pgSchema.url) : SqliteStore.open(join(dir, 'vigil.db'));
const empty = (id) => ({ id, incidents: [], statements: [], links: [], entities: [], messages: [] });
for (let i = 0; i < N; i += 1000) {
  const batch = [];
  for (let k = i; k < Math.min(N, i + 1000); k++) {
    const text = `${Array.from({ length: 8 }, () => sentences[rand(sentences.length)]).join(' ')} [${k}]`;
    const source = { kind: 'file', path: `bench/${k}.txt` };
    const id = documentId(source, text);
    batch.push({
      document: {
        id,
        contentHash: contentHash(text),
        source,
        text,
        title: sentences[rand(sentences.length)].slice(0, 80),
        marking: 'TLP:CLEAR',
        retrievedAt: '2020-01-01T00:00:00Z',
        publishedAt: `20${10 + rand(11)}-0${1 + rand(9)}-1${rand(9)}`,
      },
      extraction: empty(id),
      pipelineVersion: 'bench',
    });
  }
  await store.putDocuments(batch);
}
// As autovacuum would have by now on a server: statistics for the planner, the GIN index's
// pending entries merged.
if (pgSchema) await admin(`VACUUM ANALYZE ${pgSchema.schema}.documents`);
const times = [];
for (let q = 0; q < 300; q++) {
  const query =
    q % 2 ? words[rand(words.length)] : `${words[rand(words.length)]} ${words[rand(words.length)]}`;
  const t = performance.now();
  await store.search({ text: query, limit: 20 });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
await store.close();
rmSync(dir, { recursive: true });
await pgSchema?.drop();
console.log(
  JSON.stringify({
    docs: N,
    queries: times.length,
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.floor(times.length * 0.95)],
  }),
);

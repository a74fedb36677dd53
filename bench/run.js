#!/usr/bin/env node
// Benchmarks (npm run bench): start-up, annotation throughput against a bare wink-nlp pass, memory.
// Runs on the built code (dist/), one process per measurement, and prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const run = (script, env = {}) =>
  JSON.parse(
    execFileSync(process.execPath, [`${here}${script}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, ...env },
    }),
  );

const cold = run('startup.js', { BENCH_COLD: '1' });
const startup = run('startup.js');
const annotate = run('annotate.js');
const extract = run('extract.js');
const ingest = run('ingest.js');
const search = run('search.js');
const ingestPg = run('ingest-pg.js');
const searchPg = run('search.js', { BENCH_STORE: 'postgres' });
const resolve = run('resolve.js');
const rows = [
  ['start-up (knowledge base + gazetteer + NLP model)', `${startup.ms.toFixed(0)} ms`, '< 1500 ms'],
  ['start-up peak memory', `${startup.maxRssMb.toFixed(0)} MB`, '< 500 MB'],
  [
    'first start after install (builds the gazetteer and knowledge-base caches)',
    `${cold.ms.toFixed(0)} ms`,
    '',
  ],
  [
    `annotate: Wikinews corpus (${annotate.docs} docs, ${annotate.mb.toFixed(2)} MB), one core`,
    `${annotate.docsPerSec.toFixed(0)} docs/s`,
    '>= 250 docs/s',
  ],
  [
    'bare wink-nlp pass (tokens + POS + sentences), same text',
    `${annotate.winkDocsPerSec.toFixed(0)} docs/s`,
    '',
  ],
  ['annotate time / bare wink-nlp time', `${annotate.ratio.toFixed(2)}x`, '<= 3x'],
  ['annotate peak memory', `${annotate.maxRssMb.toFixed(0)} MB`, '< 500 MB'],
  [
    `extract: \`vigil extract\` on the corpus x10 (${extract.docs} docs), worker threads`,
    `${extract.docsPerSec.toFixed(0)} docs/s`,
    '>= 150 docs/s',
  ],
  ['extract time / bare wink-nlp time (same text, one thread)', `${extract.ratio.toFixed(2)}x`, '<= 4x'],
  ['extract peak memory (process with its workers)', `${extract.maxRssMb.toFixed(0)} MB`, '< 800 MB'],
  [
    `ingest: \`vigil ingest\` of the corpus x40 (${ingest.docs} docs) into a fresh SQLite file, extraction included`,
    `${ingest.docsPerSec.toFixed(0)} docs/s`,
    '>= 150 docs/s',
  ],
  [
    `resolve: \`vigil resolve\` over ${resolve.docs.toLocaleString('en')} stored documents (${resolve.mentions} incident reports → ${resolve.incidents} incidents)`,
    `${(resolve.ms / 1000).toFixed(1)} s, ${resolve.maxRssMb.toFixed(0)} MB`,
    '< 60 s',
  ],
  [
    `full-text search over ${search.docs.toLocaleString('en')} documents, p50 / p95 (${search.queries} queries)`,
    `${search.p50.toFixed(1)} / ${search.p95.toFixed(1)} ms`,
    'p95 < 20 ms',
  ],
  ...(ingestPg.skipped
    ? [['PostgreSQL: ingest with `vigil worker` processes', `not measured (${ingestPg.skipped})`, '']]
    : ingestPg.runs.map((r) => [
        `PostgreSQL: corpus x20 (${ingestPg.docs} docs) queued, then stored by ${r.workers} \`vigil worker\` process${r.workers > 1 ? 'es' : ''} (one extraction thread each)`,
        `${r.docsPerSec.toFixed(0)} docs/s`,
        '',
      ])),
  ...(ingestPg.skipped
    ? []
    : [
        [
          'PostgreSQL: `vigil ingest --queue` of the same corpus (reading and queueing only)',
          `${ingestPg.runs[0].queueDocsPerSec.toFixed(0)} docs/s`,
          '',
        ],
      ]),
  searchPg.skipped
    ? ['PostgreSQL: full-text search', `not measured (${searchPg.skipped})`, '']
    : [
        `PostgreSQL: full-text search over ${searchPg.docs.toLocaleString('en')} documents, p50 / p95 (${searchPg.queries} queries)`,
        `${searchPg.p50.toFixed(1)} / ${searchPg.p95.toFixed(1)} ms`,
        '',
      ],
];
console.log(
  `Vigil benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n`,
);
console.log('| measure | result | target |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

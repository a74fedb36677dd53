// npm run eval: extraction scores on the labelled Wikinews articles and the written statement
// texts (test/fixtures/extract/), with every miss of the development sets when run with -v
// (never a held-out set's).
import { loadResources } from '../../src/kb/resources.js';
import { evaluate, evaluateWritten, type EvalResult } from './evaluate.js';

const resources = await loadResources();
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const verbose = process.argv.includes('-v');
const targets: Record<string, string> = {
  date: '≥ 95%',
  city: '≥ 85%',
  type: '≥ 85%',
  weapon: '≥ 85%',
  perpetrator: '≥ 80%',
  killed: '≥ 85%',
  wounded: '≥ 85%',
  noInventedCasualties: '≥ 95%',
};

/** Misses are listed (with -v) for development sets only: a held-out set's are never printed. */
function print(title: string, r: EvalResult, heldOut = false): void {
  console.log(`\n${title}: ${r.positives} positive, ${r.negatives} negative\n`);
  console.log('| measure | result | target |\n|---|---|---|');
  console.log(
    `| incident found when one is reported | ${pct(r.found.rate)} (${r.found.correct}/${r.found.total}) | ≥ 95% |`,
  );
  for (const [k, t] of Object.entries(r.fields))
    console.log(`| ${k} | ${pct(t.rate)} (${t.correct}/${t.total}) | ${targets[k]} |`);
  const fc = r.falseConfident.total - r.falseConfident.correct;
  console.log(
    `| false confident incidents per 20 negative articles | ${((20 * fc) / Math.max(1, r.negatives)).toFixed(2)} (${fc}/${r.negatives}) | < 1 |`,
  );
  const s = r.statements;
  console.log(
    `| statements precision / recall / F1 | ${pct(s.precision)} / ${pct(s.recall)} / ${s.f1.toFixed(2)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}) | F1 ≥ 0.8 |`,
  );
  if (verbose && !heldOut) {
    for (const t of [r.found, r.falseConfident, ...Object.values(r.fields)])
      for (const m of t.misses) console.log(`  miss ${m}`);
    for (const m of s.misses) console.log(`  statement miss ${m}`);
    for (const m of s.extras) console.log(`  statement extra ${m}`);
  }
}

print('Labelled Wikinews articles and written statement texts', evaluate(resources));
print(
  'Second development set: written reports (December 2026)',
  evaluateWritten(resources, 'dev-reports-gold.json'),
);
print(
  'Third development set: written reports (held out until 6 December 2026)',
  evaluateWritten(resources, 'heldout-2-gold.json'),
);
print(
  'Fourth development set: written reports (held out until later on 6 December 2026)',
  evaluateWritten(resources, 'heldout-3-gold.json'),
);
print(
  'Fifth development set: written reports (held out until the second session of 6 December 2026)',
  evaluateWritten(resources, 'heldout-4-gold.json'),
);
print(
  'Sixth development set: written reports (held out until its misses were printed, second session of 6 December 2026)',
  evaluateWritten(resources, 'heldout-5-gold.json'),
);
if (process.argv.includes('--held-out')) {
  print('First written check set (used in development since)', evaluateWritten(resources));
  print(
    'Held-out written reports of the second session of 6 December 2026 (never used for tuning)',
    evaluateWritten(resources, 'heldout-6-gold.json'),
    true,
  );
}

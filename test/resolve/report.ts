// npm run eval:resolve: pairwise precision and recall of incident resolution on each labelled
// multi-report set of test/fixtures/resolve/ (see its README), with every wrong pair of the
// development sets with -v (never a held-out set's).
import { loadResources } from '../../src/kb/resources.js';
import { extractReports, readReports, resolveRecords, scorePairs } from './evaluate-resolution.js';

const SETS: { file: string; title: string; heldOut?: boolean }[] = [
  { file: 'multi-report.jsonl', title: 'Multi-report set (development)' },
  { file: 'follow-up-reports.jsonl', title: 'Follow-up reports (development)' },
  { file: 'multi-report-2.jsonl', title: 'Second multi-report set (development, from December 2026)' },
  {
    file: 'heldout-multi-report.jsonl',
    title: 'First held-out set (used in development since 6 December 2026)',
  },
  {
    file: 'heldout-multi-report-2.jsonl',
    title: 'Second held-out set (used in development since later on 6 December 2026)',
  },
  {
    file: 'heldout-multi-report-3.jsonl',
    title: 'Third held-out set (used in development since the second session of 6 December 2026)',
  },
  {
    file: 'heldout-multi-report-4.jsonl',
    title:
      'Fourth held-out set (written in the second session of 6 December 2026, never used to tune the rules)',
    heldOut: true,
  },
];
const resources = await loadResources();
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
for (const { file, title, heldOut } of SETS) {
  const reports = readReports(new URL(`../fixtures/resolve/${file}`, import.meta.url).pathname);
  const s = scorePairs(reports, resolveRecords(extractReports(reports, resources), resources));
  console.log(
    `\n${title}: ${reports.length} reports of ${s.incidents} labelled incidents (${s.labels} labelled reports)\n`,
  );
  console.log('| measure | result | target |\n|---|---|---|');
  console.log(`| pairwise merge precision | ${pct(s.precision)} (${s.tp}/${s.tp + s.fp}) | ≥ 95% |`);
  console.log(`| pairwise merge recall | ${pct(s.recall)} (${s.tp}/${s.tp + s.fn}) | ≥ 85% |`);
  console.log(`| recall where extraction found both incidents | ${pct(s.resolutionRecall)} |  |`);
  console.log(`| labelled reports where extraction found no incident | ${s.unextracted.length} |  |`);
  // Wrong pairs are listed for development sets only: a held-out set's are never printed.
  if (process.argv.includes('-v') && !heldOut) {
    for (const m of s.wrongMerges) console.log(`  wrong merge ${m}`);
    for (const m of s.missedMerges) console.log(`  missed merge ${m}`);
    for (const m of s.unextracted) console.log(`  no incident extracted ${m}`);
  }
}

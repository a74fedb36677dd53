// Prints the annotation scores on the gold paragraphs with every miss and spurious mention
// (npm run eval:annotate). The same figures are asserted by gold.test.ts.
import { loadResources } from '../../src/kb/resources.js';
import { loadGold, scoreGold } from './gold-score.js';

const gold = loadGold();
const result = scoreGold(gold, await loadResources());
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`${gold.length} paragraphs`);
for (const k of ['places', 'groups', 'dates'] as const) {
  const s = result[k];
  console.log(
    `\n${k}: correct ${s.correct}/${s.gold} (${pct(s.correct, s.gold)}), spurious ${s.spurious}/${s.predicted} (precision ${pct(s.predicted - s.spurious, s.predicted)})`,
  );
  if (process.argv.includes('-v')) {
    for (const m of s.misses) console.log(`  miss  ${m}`);
    for (const m of s.extras) console.log(`  extra ${m}`);
  }
}
console.log(`\nspans not matching their text: ${result.badSpans.length}`);

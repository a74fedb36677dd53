import { describe, expect, it } from 'vitest';
import { resources } from '../helpers/annotate-text.js';
import { evaluate, evaluateWritten, type EvalResult } from './evaluate.js';

// The labelled evaluation of issue #3 (npm run eval prints it with every miss). Where a target of
// the issue is met it is asserted as the target; where it is not met yet, the floor below guards
// against regressions and the README says the figure honestly.
const r = evaluate(resources());

describe('extraction on labelled Wikinews articles and written statement texts', () => {
  it('reports no more than 1 false confident incident per 20 negative articles', () => {
    const falseConfident = r.falseConfident.total - r.falseConfident.correct;
    expect((20 * falseConfident) / r.negatives, r.falseConfident.misses.join('\n')).toBeLessThan(1);
  });

  it('finds statements with F1 >= 0.8', () => {
    expect(
      r.statements.f1,
      [...r.statements.misses, ...r.statements.extras].join('\n'),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('codes the main incident: attack type and weapon >= 85%, named perpetrator >= 80%, casualties >= 85%', () => {
    expect(r.fields.type.rate, r.fields.type.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(r.fields.weapon.rate, r.fields.weapon.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(r.fields.perpetrator.rate, r.fields.perpetrator.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
    expect(r.fields.killed.rate, r.fields.killed.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(r.fields.wounded.rate, r.fields.wounded.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the incident in >= 95% of the articles that report one', () => {
    expect(r.found.rate, r.found.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('stays above the regression floors where the issue targets are not met yet', () => {
    // Targets: date >= 95%, city >= 85%, no invented casualties >= 95% (see README). The date
    // floor is 80%: 8 of the 10 articles that state a date (the Navalny poisoning, found since
    // December 2026, is dated by the day Germany announced it).
    expect(r.fields.date.rate, r.fields.date.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
    expect(r.fields.city.rate, r.fields.city.misses.join('\n')).toBeGreaterThanOrEqual(0.75);
    expect(
      r.fields.noInventedCasualties.rate,
      r.fields.noInventedCasualties.misses.join('\n'),
    ).toBeGreaterThanOrEqual(0.9);
  });
});

/** Floors a set of written reports must stay above: no false confident incidents, and per measure. */
interface Floors {
  found: number;
  fields: Partial<Record<keyof EvalResult['fields'], number>>;
  f1: number;
}

function expectFloors(e: EvalResult, floors: Floors): void {
  const falseConfident = e.falseConfident.total - e.falseConfident.correct;
  expect((20 * falseConfident) / e.negatives, e.falseConfident.misses.join('\n')).toBeLessThan(1);
  expect(e.found.rate, e.found.misses.join('\n')).toBeGreaterThanOrEqual(floors.found);
  for (const [k, floor] of Object.entries(floors.fields)) {
    const t = e.fields[k as keyof EvalResult['fields']];
    expect(t.rate, t.misses.join('\n')).toBeGreaterThanOrEqual(floor);
  }
  expect(e.statements.f1, [...e.statements.misses, ...e.statements.extras].join('\n')).toBeGreaterThanOrEqual(
    floors.f1,
  );
}

/**
 * Floors of the written development sets (README: Accuracy), each measured when the set was last
 * tuned on or, for a former held-out set, when it stopped being held out and was developed on.
 */
const WRITTEN_FLOORS: [title: string, file: Parameters<typeof evaluateWritten>[1], floors: Floors][] = [
  [
    'the written wire-style reports (floors of their last tuning)',
    'heldout-gold.json',
    { found: 0.9, fields: { date: 0.9, city: 0.8, type: 0.85, perpetrator: 0.75, killed: 0.7 }, f1: 0.75 },
  ],
  [
    'the second development set (December 2026)',
    'dev-reports-gold.json',
    {
      found: 0.85,
      fields: { date: 0.85, city: 0.8, type: 0.9, weapon: 0.9, perpetrator: 0.9, killed: 0.8, wounded: 0.85 },
      f1: 0.8,
    },
  ],
  [
    'the third development set (6 December 2026)',
    'heldout-2-gold.json',
    {
      found: 0.95,
      fields: { date: 0.9, city: 0.9, type: 0.85, weapon: 0.85, perpetrator: 0.8, killed: 0.9, wounded: 0.7 },
      f1: 0.72,
    },
  ],
  [
    'the fourth development set (6 December 2026)',
    'heldout-3-gold.json',
    {
      found: 0.95,
      fields: { date: 0.75, city: 0.8, type: 0.85, weapon: 0.9, perpetrator: 0.8, killed: 0.7, wounded: 0.8 },
      f1: 0.7,
    },
  ],
  [
    'the fifth development set (second session of 6 December 2026)',
    'heldout-4-gold.json',
    {
      found: 0.95,
      fields: {
        date: 0.9,
        city: 0.8,
        type: 0.8,
        weapon: 0.85,
        perpetrator: 0.95,
        killed: 0.75,
        wounded: 0.8,
      },
      f1: 0.7,
    },
  ],
  [
    'the sixth development set (second session of 6 December 2026)',
    'heldout-5-gold.json',
    {
      found: 0.95,
      fields: {
        date: 0.95,
        city: 0.85,
        type: 0.85,
        weapon: 0.9,
        perpetrator: 0.95,
        killed: 0.7,
        wounded: 0.9,
      },
      f1: 0.65,
    },
  ],
];

describe.each(WRITTEN_FLOORS)('extraction on %s', (_title, file, floors) => {
  it('stays above its floors (README: Accuracy)', () => {
    expectFloors(evaluateWritten(resources(), file), floors);
  });
});

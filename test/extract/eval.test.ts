import { describe, expect, it } from 'vitest';
import { resources } from '../helpers/annotate-text.js';
import { evaluate, evaluateWritten } from './evaluate.js';

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

describe('extraction on the written wire-style reports', () => {
  const h = evaluateWritten(resources());

  it('stays above the floors measured when they were last tuned (README: Accuracy)', () => {
    const falseConfident = h.falseConfident.total - h.falseConfident.correct;
    expect((20 * falseConfident) / h.negatives, h.falseConfident.misses.join('\n')).toBeLessThan(1);
    expect(h.found.rate, h.found.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(h.fields.date.rate, h.fields.date.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(h.fields.city.rate, h.fields.city.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
    expect(h.fields.type.rate, h.fields.type.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(h.fields.perpetrator.rate, h.fields.perpetrator.misses.join('\n')).toBeGreaterThanOrEqual(0.75);
    expect(h.fields.killed.rate, h.fields.killed.misses.join('\n')).toBeGreaterThanOrEqual(0.7);
    expect(
      h.statements.f1,
      [...h.statements.misses, ...h.statements.extras].join('\n'),
    ).toBeGreaterThanOrEqual(0.75);
  });
});

describe('extraction on the second development set of written reports', () => {
  const d = evaluateWritten(resources(), 'dev-reports-gold.json');

  it('stays above the floors measured in December 2026 (README: Accuracy)', () => {
    const falseConfident = d.falseConfident.total - d.falseConfident.correct;
    expect((20 * falseConfident) / d.negatives, d.falseConfident.misses.join('\n')).toBeLessThan(1);
    expect(d.found.rate, d.found.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(d.fields.date.rate, d.fields.date.misses.join('\n')).toBeGreaterThanOrEqual(0.75);
    expect(d.fields.city.rate, d.fields.city.misses.join('\n')).toBeGreaterThanOrEqual(0.75);
    expect(d.fields.perpetrator.rate, d.fields.perpetrator.misses.join('\n')).toBeGreaterThanOrEqual(0.75);
    expect(d.fields.killed.rate, d.fields.killed.misses.join('\n')).toBeGreaterThanOrEqual(0.7);
    expect(
      d.statements.f1,
      [...d.statements.misses, ...d.statements.extras].join('\n'),
    ).toBeGreaterThanOrEqual(0.7);
  });
});

import { describe, expect, it } from 'vitest';
import { resources } from '../helpers/annotate-text.js';
import { extractReports, readReports, resolveRecords, scorePairs } from './evaluate-resolution.js';

const scoreSet = (file: string) => {
  const reports = readReports(new URL(`../fixtures/resolve/${file}`, import.meta.url).pathname);
  return {
    reports,
    s: scorePairs(reports, resolveRecords(extractReports(reports, resources()), resources())),
  };
};

// The targets (precision ≥ 0.95, recall ≥ 0.85) on the labelled multi-report set, as
// `npm run eval:resolve` reports them. The rules were developed looking at this set's misses, so
// its scores are optimistic for unseen reports.
describe('incident resolution on the labelled multi-report set', () => {
  it('keeps pairwise precision and recall at or above their floors', () => {
    const { reports, s } = scoreSet('multi-report.jsonl');
    expect(reports.length).toBeGreaterThanOrEqual(100);
    expect(s.incidents).toBeGreaterThanOrEqual(50);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });
});

// The second development set (December 2026): recall is below the target; the floor guards
// against regressions (README: Accuracy).
describe('incident resolution on the second multi-report set', () => {
  it('keeps precision at its target and recall above its floor', () => {
    const { s } = scoreSet('multi-report-2.jsonl');
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });
});

// The first held-out set, used in development since 6 December 2026: at the targets.
describe('incident resolution on the former held-out set', () => {
  it('keeps pairwise precision and recall at the targets', () => {
    const { s } = scoreSet('heldout-multi-report.jsonl');
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });
});

// The second held-out set, used in development since later on 6 December 2026: recall is below the
// target (README: Accuracy); the floors guard against regressions.
describe('incident resolution on the second former held-out set', () => {
  it('keeps precision and recall above their floors', () => {
    const { s } = scoreSet('heldout-multi-report-2.jsonl');
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
  });
});

// The third held-out set, used in development since the second session of 6 December 2026: recall
// is below the target (README: Accuracy); the floor guards against regressions.
describe('incident resolution on the third former held-out set', () => {
  it('keeps precision at its target and recall above its floor', () => {
    const { s } = scoreSet('heldout-multi-report-3.jsonl');
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
  });
});

import { describe, expect, it } from 'vitest';
import { resources } from '../helpers/annotate-text.js';
import { extractReports, readReports, resolveRecords, scorePairs } from './evaluate-resolution.js';

// Floors, not targets: the scores `npm run eval:resolve` reports on the labelled multi-report set,
// kept from falling back. The recall target (0.85) is not met yet;
// most misses are dates and places extraction gets wrong in follow-up reports.
describe('incident resolution on the labelled multi-report set', () => {
  it('keeps pairwise precision and recall at or above their floors', () => {
    const reports = readReports(new URL('../fixtures/resolve/multi-report.jsonl', import.meta.url).pathname);
    expect(reports.length).toBeGreaterThanOrEqual(100);
    const s = scorePairs(reports, resolveRecords(extractReports(reports, resources()), resources()));
    expect(s.incidents).toBeGreaterThanOrEqual(50);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.7);
  });
});

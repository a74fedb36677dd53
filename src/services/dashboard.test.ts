import { describe, expect, it } from 'vitest';
import { isoWeek, weeklyCounts } from './dashboard.js';

describe('isoWeek', () => {
  it('gives the ISO 8601 week, whose year is that of its Thursday', () => {
    expect(isoWeek('2019-03-15')).toBe('2019-W11');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2024-01-01')).toBe('2024-W01');
  });
});

describe('weeklyCounts', () => {
  it('sums days per week over the weeks up to the latest day, empty weeks as 0', () => {
    expect(
      weeklyCounts(
        [
          { date: '2019-02-20', count: 5 },
          { date: '2019-03-11', count: 1 },
          { date: '2019-03-15', count: 2 },
        ],
        3,
      ),
    ).toEqual([
      { week: '2019-W09', count: 0 },
      { week: '2019-W10', count: 0 },
      { week: '2019-W11', count: 3 },
    ]);
    expect(weeklyCounts([], 26)).toEqual([]);
  });
});

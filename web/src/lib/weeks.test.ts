import { describe, expect, it } from 'vitest';
import { fillWeeks, isoDay, isoWeekStart, parseWeek } from './weeks';

describe('ISO weeks', () => {
  it('finds the Monday of an ISO week, across a year boundary', () => {
    expect(isoDay(isoWeekStart(2019, 11))).toBe('2019-03-11');
    expect(isoDay(isoWeekStart(2021, 1))).toBe('2021-01-04');
    expect(isoDay(isoWeekStart(2020, 1))).toBe('2019-12-30');
  });

  it('reads week keys and dates inside a week', () => {
    expect(isoDay(parseWeek('2019-W11')!)).toBe('2019-03-11');
    expect(isoDay(parseWeek('2019-03-15')!)).toBe('2019-03-11');
    expect(parseWeek('soon')).toBeUndefined();
  });

  it('fills the empty weeks between counts and keeps the latest weeks', () => {
    const bars = fillWeeks([
      { week: '2019-W11', count: 3 },
      { week: '2019-W14', count: 1 },
    ]);
    expect(bars.map((b) => b.count)).toEqual([3, 0, 0, 1]);
    expect(
      fillWeeks(
        [
          { week: '2019-W01', count: 1 },
          { week: '2019-W10', count: 2 },
        ],
        3,
      ).map((b) => b.count),
    ).toEqual([0, 0, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { dateRange, datesEarlierEvent, dayNumber, isoDay, rangeGap } from './date-range.js';

describe('dateRange', () => {
  it('gives one day for a day, Monday to Sunday for an ISO week, the whole month and year', () => {
    const show = (r: [number, number] | undefined) => r && r.map(isoDay);
    expect(show(dateRange({ value: '2019-03-15', precision: 'day' }))).toEqual(['2019-03-15', '2019-03-15']);
    expect(show(dateRange({ value: '2019-W11', precision: 'week' }))).toEqual(['2019-03-11', '2019-03-17']);
    expect(show(dateRange({ value: '2021-W01', precision: 'week' }))).toEqual(['2021-01-04', '2021-01-10']);
    expect(show(dateRange({ value: '2019-02', precision: 'month' }))).toEqual(['2019-02-01', '2019-02-28']);
    expect(show(dateRange({ value: '2019', precision: 'year' }))).toEqual(['2019-01-01', '2019-12-31']);
    expect(dateRange({ value: 'soon', precision: 'day' })).toBeUndefined();
  });

  it('measures the gap between ranges, zero when they overlap', () => {
    const day = dayNumber('2019-03-15');
    expect(rangeGap([day, day], [day + 3, day + 3])).toBe(3);
    expect(rangeGap([day, day + 10], [day + 3, day + 3])).toBe(0);
    expect(dayNumber('2019-03-15T10:00:00Z')).toBe(day);
  });

  it('reads a date that ended two months before publication as an earlier event', () => {
    const day = (value: string) => ({ value, precision: 'day' as const });
    expect(datesEarlierEvent(day('2016-03-13'), '2016-12-12')).toBe(true);
    expect(datesEarlierEvent(day('2018-12-30'), '2019-01-08')).toBe(false);
    expect(datesEarlierEvent({ value: '2018-09', precision: 'month' }, '2019-03-15')).toBe(true);
  });
});

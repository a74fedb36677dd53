import type { DateValue } from '../doc.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (time of day ignored); NaN when it is not one. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The ISO date `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first and last day a resolved date can mean: `2019-03-15` → that day, `2019-W11` → its
 * Monday to Sunday, `2019-03` → the month, `2019` → the year. Undefined for a malformed value.
 */
export function dateRange(date: DateValue): [number, number] | undefined {
  const v = date.value;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = dayNumber(v);
    return [d, d];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    const year = Number(m[1]);
    const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
    const jan4Weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
    const monday = jan4 - jan4Weekday + (Number(m[2]) - 1) * 7;
    return [monday, monday + 6];
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]) - 1;
    return [Date.UTC(year, month, 1) / DAY_MS, Date.UTC(year, month + 1, 0) / DAY_MS];
  }
  m = /^(\d{4})$/.exec(v);
  if (m) {
    const year = Number(m[1]);
    return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
  }
  return undefined;
}

/** Days between two ranges (0 when they overlap). */
export function rangeGap(a: [number, number], b: [number, number]): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1]);
}

/** Days before publication within which a date is still news ("on December 30", written in January). */
const RECENT_DAYS = 60;

/**
 * A date that ended long before `published`: it dates an earlier event ("the 2003 attempt", "in
 * September 2018" in a 2019 report, "on March 13" in a December report), not the news of the day.
 */
export function datesEarlierEvent(date: DateValue, published: string | undefined): boolean {
  return (daysSinceEnd(date, published) ?? -Infinity) > RECENT_DAYS;
}

/** Days from the last day a date can mean to `published`; undefined when either cannot be read. */
export function daysSinceEnd(date: DateValue, published: string | undefined): number | undefined {
  const range = dateRange(date);
  const day = published ? dayNumber(published) : Number.NaN;
  return range && !Number.isNaN(day) ? day - range[1] : undefined;
}

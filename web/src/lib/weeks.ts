/** ISO weeks for the incidents-per-week chart. Pure functions, UTC dates. */

const DAY = 86_400_000;

/** The Monday (UTC) starting ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dow = jan4.getUTCDay() || 7;
  const mondayWeek1 = jan4.getTime() - (dow - 1) * DAY;
  return new Date(mondayWeek1 + (week - 1) * 7 * DAY);
}

/** The Monday starting the ISO week of a date. */
export function mondayOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const dow = d.getUTCDay() || 7;
  return new Date(d.getTime() - (dow - 1) * DAY);
}

/** `2019-W11` or a date inside the week (`2019-03-13`) → the Monday of that week; undefined if unreadable. */
export function parseWeek(week: string): Date | undefined {
  const w = /^(\d{4})-W(\d{1,2})$/.exec(week);
  if (w) return isoWeekStart(Number(w[1]), Number(w[2]));
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(week);
  if (d) return mondayOf(new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]))));
  return undefined;
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One bar of the chart: the week's Monday and the count (0 for weeks the API left out). */
export interface WeekBar {
  start: Date;
  count: number;
}

/**
 * Weekly counts with the empty weeks between the first and the last filled in; at most `maxWeeks`
 * (the latest ones) so that bars stay visible.
 */
export function fillWeeks(rows: { week: string; count: number }[], maxWeeks = 156): WeekBar[] {
  const byTime = new Map<number, number>();
  for (const r of rows) {
    const start = parseWeek(r.week);
    if (!start) continue;
    byTime.set(start.getTime(), (byTime.get(start.getTime()) ?? 0) + r.count);
  }
  if (byTime.size === 0) return [];
  const times = [...byTime.keys()].sort((a, b) => a - b);
  const last = times[times.length - 1]!;
  const first = Math.max(times[0]!, last - (maxWeeks - 1) * 7 * DAY);
  const bars: WeekBar[] = [];
  for (let t = first; t <= last; t += 7 * DAY) bars.push({ start: new Date(t), count: byTime.get(t) ?? 0 });
  return bars;
}

import type { DateValue, Mention } from '../doc.js';

/** Named days: month and day, or days from Easter Sunday. */
const HOLIDAYS: { re: RegExp; day: (year: number) => [number, number] }[] = [
  { re: /New Year['’]s (?:Day|night)/, day: () => [1, 1] },
  { re: /New Year['’]s Eve/, day: () => [12, 31] },
  { re: /Christmas (?:Day|night)/, day: () => [12, 25] },
  { re: /Christmas Eve/, day: () => [12, 24] },
  { re: /Boxing Day/, day: () => [12, 26] },
  { re: /Valentine['’]s Day/, day: () => [2, 14] },
  { re: /Bastille Day/, day: () => [7, 14] },
  { re: /Halloween/, day: () => [10, 31] },
  { re: /Easter (?:Sunday|Day)/, day: (y) => easter(y, 0) },
  { re: /Easter Monday/, day: (y) => easter(y, 1) },
  { re: /Good Friday/, day: (y) => easter(y, -2) },
  { re: /Palm Sunday/, day: (y) => easter(y, -7) },
];
const ANY = new RegExp(
  `\\b(?:${HOLIDAYS.map((h) => h.re.source).join('|')})\\b(?:,? ((?:1[89]|20)\\d\\d)\\b)?`,
  'g',
);

/**
 * Named days ("on New Year's Day", "the Easter Sunday bombings", "Christmas Eve 2010"): the year
 * written after the name, else the latest such day on or before publication. Without a year or a
 * publication date there is nothing to anchor them to, and they are skipped.
 */
export function holidayMentions(text: string, published: Date | undefined): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(ANY)) {
    const holiday = HOLIDAYS.find((h) => new RegExp(`^${h.re.source}`).test(m[0]))!;
    let iso: string | undefined;
    if (m[1]) iso = isoOf(Number(m[1]), holiday.day(Number(m[1])));
    else if (published) {
      const year = published.getUTCFullYear();
      iso = isoOf(year, holiday.day(year));
      if (iso > published.toISOString().slice(0, 10)) iso = isoOf(year - 1, holiday.day(year - 1));
    }
    if (!iso) continue;
    const value: DateValue = { value: iso, precision: 'day' };
    out.push({
      kind: 'date',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value,
      ruleId: 'dates:holiday',
    });
  }
  return out;
}

function isoOf(year: number, [month, day]: [number, number]): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), moved by `offset` days. */
function easter(year: number, offset: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const date = new Date(Date.UTC(year, month - 1, day + offset));
  return [date.getUTCMonth() + 1, date.getUTCDate()];
}

import * as chrono from 'chrono-node/en';
import type { DatePrecision, DateValue, Doc, Mention, Message } from '../doc.js';
import { overlapsAny, sortMentions } from './context.js';
import { holidayMentions } from './holiday-dates.js';

/** A sentence is parsed for dates only if it contains one of these (chrono-node is the costly part). */
const DATE_CUE =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|week|month|year|ago|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/i;
/** Leading words chrono keeps that are not part of the date itself. */
const LEADING_PREPOSITION = /^(?:on|in|at|since|by|from|during|until|till|of|for)\s+/i;
/**
 * Expressions that are not dates of their own: durations ("five years", "a few weeks", "the last
 * five years"), dates
 * relative to another event ("seven days earlier", "the day before"), bare parts of a day, and
 * month names in lower case ("march", "may").
 */
const NOT_A_DATE =
  /^(?:now|soon|later|night|morning|evening|afternoon|(?:[-–—]\s*)?(?:a|an|one|the) (?:second|minute|moment)|(?:the )?next day|(?:(?:within|in|for|about|around|nearly) ){0,2}(?:a|an|one|a few|few|several|some|many|\d+|(?!(?:last|this|next|past|previous|coming|that|the|same|each|every)\b)[a-z]+(?:-[a-z]+)?) (?:minutes?|hours?|days?|weeks?|months?|years?|decades?)(?: (?:later|earlier|before|after))?|(?:the )?(?:last|past|previous) (?:a few|[a-z]+|\d+) (?:minutes|hours|days|weeks|months|years|decades)|the (?:day|week|month|year) (?:before|after)|.* (?:later|earlier|before|after))$/i;
const LOWER_MONTH =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/;
/** Words chrono reads as weekdays: "as he sat in a patrol car", "the sun", "wed". */
const LOWER_WEEKDAY_WORD = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/;
const FUTURE =
  /\b(?:will|shall|'ll|going to|scheduled|expected to|plans? to|planned for|next(?! to\b| door\b)|upcoming|coming|tomorrow)\b/i;
/** Where a clause ends: a date is read as future only from the words of its own clause. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s(?:and|but|while|after|before|since|who|which|that)\s/gi;
const PART_OF_DAY_OF = /\b(?:the )?(?:night|morning|evening|afternoon) of (?=[A-Z0-9])/g;
/** Counted things after a four-digit number mean it is not a year ("2019 votes"). */
const COUNTED =
  /^\s*(?:people|persons|votes|voters|members|troops|soldiers|families|homes|houses|km|kilometres|kilometers|miles|metres|meters|feet|dollars|euros|pounds|tonnes|tons|hours|cases|deaths|students|children|men|women|%|percent|per cent)\b/i;
const YEAR = /(?<![\d,.$£€#/-])(?:1[89]\d\d|20\d\d)(?!\d|[,./-]\d)/g;

/**
 * "June last year", "on 3 May this year": a month or day followed by the year it falls in is one
 * date, in that year (chrono reads them as two).
 */
function joinRelativeYears(text: string, mentions: Mention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const [a, b] = [mentions[i]!, mentions[i + 1]!];
    const day = a.value as DateValue;
    const year = b.value as DateValue;
    if (day.precision !== 'month' && day.precision !== 'day') continue;
    if (text.slice(a.end, b.start) !== ' ' || !/^(?:last|this|next) year$/i.test(b.text)) continue;
    mentions.splice(i, 2, {
      ...a,
      end: b.end,
      text: text.slice(a.start, b.end),
      value: { value: year.value + day.value.slice(4), precision: day.precision },
    });
  }
}

/**
 * Dates and periods, resolved against the publication date with a past bias: a weekday means the
 * latest such day on or before publication unless the sentence speaks of the future; a month or
 * day without a year means the latest one on or before publication. Values are ISO: `2019-03-15`
 * (day), `2019-W11` (week), `2019-03` (month), `2019` (year). Relative dates in a document
 * without a publication date are skipped with a message.
 */
export function annotateDates(doc: Doc): Doc {
  const ref = doc.published ? parseIsoDay(doc.published) : undefined;
  const mentions: Mention[] = [];
  const messages: Message[] = [];
  let unanchored = 0;
  const names = doc.mentions.filter((m) => m.kind === 'group' || m.kind === 'outlet');
  for (const sentence of doc.sentences) {
    const text = doc.text.slice(sentence.start, sentence.end);
    if (!DATE_CUE.test(text)) continue;
    // "the night of April 14": chrono reads "night" as tonight; the day is what follows "of".
    const parsed = text.replace(PART_OF_DAY_OF, (m) => ' '.repeat(m.length));
    for (const r of chrono.parse(parsed, ref ?? new Date(Date.UTC(2000, 0, 1, 12)), { forwardDate: false })) {
      let surface = r.text;
      let offset = r.index;
      // "rose to 22 on Monday": chrono takes the figure for a day of the month.
      const figure = /^\d+\s+on\s+(?=[A-Za-z])/.exec(surface);
      if (figure && r.start.isCertain('weekday')) {
        surface = surface.slice(figure[0].length);
        offset += figure[0].length;
      }
      const lead = surface.match(LEADING_PREPOSITION);
      if (lead) {
        surface = surface.slice(lead[0].length);
        offset += lead[0].length;
      }
      // Keep the date, not the time of day: "11:00 p.m. EDT on Sunday" → "Sunday".
      const time = surface.match(
        /^\d{1,2}(?::\d\d\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,5})?\s+(?:on\s+)?(?=\S)/i,
      );
      if (time && /[a-z]/i.test(surface.slice(time[0].length))) {
        surface = surface.slice(time[0].length);
        offset += time[0].length;
      }
      surface = surface.replace(/\s+at\s+\d.*$/i, '').replace(/[\s,]+$/, '');
      if (NOT_A_DATE.test(surface) || LOWER_MONTH.test(surface) || LOWER_WEEKDAY_WORD.test(surface)) continue;
      const value = resolve(r, surface, ref, speaksOfFuture(text, offset, surface.length));
      if (value === 'unanchored') {
        unanchored++;
        continue;
      }
      if (!value) continue;
      const start = sentence.start + offset;
      // "Revolutionary Organisation November 17" names a group, not a day.
      if (overlapsAny(names, start, start + surface.length)) continue;
      mentions.push({
        kind: 'date',
        start,
        end: start + surface.length,
        text: surface,
        value,
        ruleId: 'dates:chrono',
      });
    }
  }
  // Named days ("Easter Sunday", "New Year's Day") replace what chrono made of their words.
  const holidays = holidayMentions(doc.text, ref);
  for (let i = mentions.length - 1; i >= 0; i--)
    if (overlapsAny(holidays, mentions[i]!.start, mentions[i]!.end)) mentions.splice(i, 1);
  mentions.push(...holidays);
  mentions.sort((a, b) => a.start - b.start);
  joinRelativeYears(doc.text, mentions);
  for (const m of doc.text.matchAll(YEAR)) {
    const start = m.index;
    const end = start + 4;
    if (overlapsAny(mentions, start, end) || COUNTED.test(doc.text.slice(end, end + 20))) continue;
    const year = Number(m[0]);
    if (ref && year > ref.getUTCFullYear() + 10) continue;
    mentions.push({
      kind: 'date',
      start,
      end,
      text: m[0],
      value: { value: m[0], precision: 'year' },
      ruleId: 'dates:year',
    });
  }
  if (unanchored > 0)
    messages.push({
      ruleId: 'dates:no-anchor',
      reason: `${unanchored} relative date(s) skipped: the document has no publication date`,
      severity: 'warning',
    });
  return {
    ...doc,
    mentions: sortMentions([...doc.mentions, ...mentions]),
    messages: [...doc.messages, ...messages],
  };
}

/**
 * Whether the clause holding a date speaks of the future ("the vote will be held on Sunday"), so
 * that a weekday means the coming one. "Since Friday" is always past; other clauses of the
 * sentence ("the men who planned last week's attack") do not count.
 */
function speaksOfFuture(sentence: string, at: number, length: number): boolean {
  if (/\bsince\s+$/i.test(sentence.slice(Math.max(0, at - 8), at))) return false;
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at + length) {
      end = m.index;
      break;
    }
  }
  return FUTURE.test(sentence.slice(start, end));
}

/** How far after publication a day without a year may lie and still be this year's. */
const NEAR_FUTURE_MS = 45 * 86_400_000;

function resolve(
  r: chrono.ParsedResult,
  surface: string,
  ref: Date | undefined,
  future: boolean,
): DateValue | 'unanchored' | undefined {
  const c = r.start;
  const lower = surface.toLowerCase();
  const relative =
    !c.isCertain('year') || r.tags().has('result/relativeDate') || /day|week|month|year|ago/.test(lower);
  if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !c.isCertain('year')) {
    // Time-of-day only ("at 2 p.m.") or "this morning": the day of publication.
    if (!/morning|afternoon|evening|night|tonight/.test(lower)) return undefined;
  }
  if (relative && !ref && !(c.isCertain('year') && c.isCertain('month'))) return 'unanchored';
  // The calendar day as written: chrono's date() would move "11 p.m. EDT Sunday" to Monday in UTC.
  const date = new Date(Date.UTC(c.get('year') ?? 2000, (c.get('month') ?? 1) - 1, c.get('day') ?? 1, 12));
  if (/\bweeks?\b/.test(lower) && !/\bdays?\b/.test(lower)) return value(date, 'week');
  if (/\bmonth\b/.test(lower) && !c.isCertain('day')) return value(date, 'month');
  if (/\byear\b/.test(lower) && !c.isCertain('month')) return value(date, 'year');
  if (ref && c.isCertain('weekday') && !c.isCertain('day'))
    return value(nearestWeekday(ref, date.getUTCDay(), future, /^last\b/.test(lower)), 'day');
  const precision: DatePrecision = c.isCertain('day') || !c.isCertain('month') ? 'day' : 'month';
  let resolved = date;
  // A weekday that agrees with the date ("Monday, December 6") fixes the year as chrono chose it.
  const weekdayAgrees = c.isCertain('weekday') && c.get('weekday') === resolved.getUTCDay();
  // A day without a year shortly after publication is a coming one ("the June 8 election", "an
  // Aug. 31 deadline"); further ahead it is last year's.
  const nearFuture =
    ref !== undefined && c.isCertain('day') && resolved.getTime() - ref.getTime() <= NEAR_FUTURE_MS;
  if (ref && !c.isCertain('year') && resolved > ref && !future && !weekdayAgrees && !nearFuture)
    resolved = shiftYear(resolved, -1);
  if (!c.isCertain('month') && c.isCertain('year')) return value(resolved, 'year');
  return value(resolved, precision);
}

function value(d: Date, precision: DatePrecision): DateValue {
  const iso = d.toISOString();
  switch (precision) {
    case 'day':
      return { value: iso.slice(0, 10), precision };
    case 'month':
      return { value: iso.slice(0, 7), precision };
    case 'year':
      return { value: iso.slice(0, 4), precision };
    case 'week':
      return { value: isoWeek(d), precision };
  }
}

/**
 * The latest given weekday on or before `ref` (or the next one on or after it, for the future);
 * "last Thursday" written on a Thursday is the week before.
 */
function nearestWeekday(ref: Date, weekday: number, future: boolean, last: boolean): Date {
  let diff = future ? (weekday - ref.getUTCDay() + 7) % 7 : -((ref.getUTCDay() - weekday + 7) % 7);
  if (last && diff === 0) diff = -7;
  return new Date(ref.getTime() + diff * 86_400_000);
}

function shiftYear(d: Date, years: number): Date {
  const out = new Date(d);
  out.setUTCFullYear(d.getUTCFullYear() + years);
  return out;
}

/** ISO 8601 week of a date: `2019-W11`. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Noon UTC of a `YYYY-MM-DD` day, so time zones cannot shift it to another day. */
function parseIsoDay(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
}

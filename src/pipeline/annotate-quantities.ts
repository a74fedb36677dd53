import type { Doc, Mention, QuantityValue } from '../doc.js';
import { overlapsAny, sortMentions } from './context.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const MULTIPLIERS: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};
/** Vague amounts: "dozens" means at least 24, "a dozen" about 12. */
const VAGUE: Record<string, QuantityValue> = {
  dozens: { value: 24, qualifier: 'min' },
  scores: { value: 40, qualifier: 'min' },
  hundreds: { value: 200, qualifier: 'min' },
  thousands: { value: 2_000, qualifier: 'min' },
  'a dozen': { value: 12, qualifier: 'approx' },
  'a handful': { value: 3, qualifier: 'approx' },
  'a hundred': { value: 100, qualifier: 'approx' },
};
const QUALIFIERS: [RegExp, QuantityValue['qualifier']][] = [
  [
    /^(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|as many as|a minimum of)$/i,
    'min',
  ],
  [/^(?:up to|fewer than|less than|at most|no more than|under|a maximum of)$/i, 'max'],
  [
    /^(?:about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|circa|an approximate)$/i,
    'approx',
  ],
];

const WORD_NUMBER = `(?:${Object.keys(UNITS).join('|')})(?:[- ](?:${Object.keys(UNITS).join('|')}))?`;
const MULT = Object.keys(MULTIPLIERS).join('|');
const NUMBER =
  `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s(?:${MULT}))?` +
  `|${WORD_NUMBER}(?:\\s(?:${MULT})(?:(?:\\sand)?\\s${WORD_NUMBER})?)?` +
  `|(?:a|one)\\s(?:${MULT})` +
  `|${Object.keys(VAGUE).join('|')}`;
const QUALIFIER = QUALIFIERS.map(([re]) => re.source.slice(4, -2)).join('|');
const QUANTITY = new RegExp(
  `\\b(?:(${QUALIFIER})\\s)?(${NUMBER})\\b(?![.,]?\\d)(?!\\s*(?:%|per ?cent|percent|p\\.m\\.|a\\.m\\.|pm\\b|am\\b|st\\b|nd\\b|rd\\b|th\\b))`,
  'gi',
);
const NOT_COUNT_BEFORE = /(?:\bno|\bsome|\bany|\bevery|[$£€#]|\bNo\.|\bpage|\bnumber|\bchapter)\s*$/i;

/**
 * Quantities in digits and words ("50", "fifty", "twenty-five", "1,200", "2.5 million"), with their
 * qualifier ("at least 20" → min 20, "dozens" → min 24, "about 300" → approx). Numbers inside dates
 * are left to the date stage.
 */
export function annotateQuantities(doc: Doc): Doc {
  const taken = doc.mentions.filter((m) => m.kind === 'date');
  const mentions: Mention[] = [];
  for (const m of doc.text.matchAll(QUANTITY)) {
    const start = m.index;
    const end = start + m[0].length;
    const numberText = m[2]!;
    if (overlapsAny(taken, start, end)) continue;
    if (NOT_COUNT_BEFORE.test(doc.text.slice(Math.max(0, start - 10), start)) && !m[1]) continue;
    // "one of", "one another", "someone": pronoun uses of "one".
    if (
      /^one$/i.test(numberText) &&
      /^\s*(?:another|of|day|time|side|hand|way)\b/i.test(doc.text.slice(end, end + 10))
    )
      continue;
    const parsed = parseNumber(numberText);
    if (!parsed) continue;
    const qualifier = m[1] ? QUALIFIERS.find(([re]) => re.test(m[1]!))![1] : parsed.qualifier;
    mentions.push({
      kind: 'quantity',
      start,
      end,
      text: m[0],
      value: { value: parsed.value, qualifier },
      ruleId: 'quantities:number',
    });
  }
  return { ...doc, mentions: sortMentions([...doc.mentions, ...mentions]) };
}

/** Read a number written in digits or words: "1,200" → 1200, "twenty-five" → 25, "2.5 million". */
export function parseNumber(s: string): QuantityValue | undefined {
  const lower = s.toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE[lower];
  if (vague) return vague;
  let total = 0;
  let current = 0;
  for (const part of lower.split(/[\s-]+/)) {
    if (part === 'and' || part === 'a') continue;
    if (/^[\d,.]+$/.test(part)) current += Number(part.replace(/,/g, ''));
    else if (part in UNITS) current += UNITS[part]!;
    else if (part in MULTIPLIERS) {
      const mult = MULTIPLIERS[part]!;
      current = (current || 1) * mult;
      if (mult >= 1000) {
        total += current;
        current = 0;
      }
    } else return undefined;
  }
  const value = total + current;
  return Number.isFinite(value) ? { value, qualifier: 'exact' } : undefined;
}

import type { Doc, Mention, Span } from '../doc.js';
import type { Word } from '../text/normalize.js';

/** Helpers shared by the annotation stages to look around a match. */

/** The sentence containing `offset` (binary search over `doc.sentences`). */
export function sentenceAt(doc: Doc, offset: number): Span {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sent = s[mid]!;
    if (offset < sent.start) hi = mid - 1;
    else if (offset >= sent.end) lo = mid + 1;
    else return sent;
  }
  return { start: 0, end: doc.text.length };
}

/** Lower-cased words within `n` words before and after a match, for cue-word checks. */
export function wordsAround(text: string, words: Word[], first: number, count: number, n: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, first - n); i < Math.min(words.length, first + count + n); i++) {
    if (i >= first && i < first + count) continue;
    const w = words[i]!;
    out.push(text.slice(w.start, w.end).toLowerCase());
  }
  return out;
}

/** True when `[start, end)` overlaps any of the spans. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/** Mentions sorted by position, then longest first. */
export function sortMentions(mentions: Mention[]): Mention[] {
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Index of the first token whose end is after `offset` (binary search). */
export function firstTokenEndingAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

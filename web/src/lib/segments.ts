/**
 * Cutting a document's text at the boundaries of highlighted ranges (evidence, annotations), so
 * that each piece can be rendered as a React text node, marked or not. Ranges may overlap or nest;
 * out-of-range or empty ranges are dropped. Pure: the text is never changed, only sliced.
 */

/** A range to highlight, `[start, end)` into the text, with what it marks. */
export interface Range<T> {
  start: number;
  end: number;
  data: T;
}

/** A piece of the text and the ranges covering it (innermost last). */
export interface Segment<T> {
  start: number;
  end: number;
  text: string;
  marks: Range<T>[];
}

/** Cut `text` into segments at every range boundary; concatenating the segments' text gives `text`. */
export function segmentText<T>(text: string, ranges: Range<T>[]): Segment<T>[] {
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start);
  const cuts = new Set<number>([0, text.length]);
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Longer ranges first so that the innermost (shortest) range is last in `marks`.
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const segments: Segment<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const marks = sorted.filter((r) => r.start <= start && r.end >= end);
    segments.push({ start, end, text: text.slice(start, end), marks });
  }
  return segments;
}

/** The sentence-ish window of `text` around `[start, end)`, widened to `context` characters each side at word boundaries. */
export function excerpt(
  text: string,
  start: number,
  end: number,
  context = 160,
): { start: number; end: number } {
  let s = Math.max(0, start - context);
  let e = Math.min(text.length, end + context);
  if (s > 0) {
    const space = text.indexOf(' ', s);
    if (space !== -1 && space < start) s = space + 1;
  }
  if (e < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space > end) e = space;
  }
  return { start: s, end: e };
}

import { describe, expect, it } from 'vitest';
import { excerpt, segmentText } from './segments';

describe('segmentText', () => {
  const text = 'A car bomb killed 35 people in Maidan Wardak.';

  it('gives back the whole text, cut at range boundaries', () => {
    const segs = segmentText(text, [{ start: 2, end: 10, data: 'weapon' }]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => s.text)).toEqual(['A ', 'car bomb', ' killed 35 people in Maidan Wardak.']);
    expect(segs[1]!.marks.map((m) => m.data)).toEqual(['weapon']);
    expect(segs[0]!.marks).toEqual([]);
  });

  it('marks overlapping and nested ranges, innermost last', () => {
    const segs = segmentText(text, [
      { start: 0, end: 45, data: 'sentence' },
      { start: 18, end: 20, data: 'quantity' },
    ]);
    const n35 = segs.find((s) => s.text === '35');
    expect(n35?.marks.map((m) => m.data)).toEqual(['sentence', 'quantity']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('drops empty and out-of-range ranges instead of failing', () => {
    const segs = segmentText(text, [
      { start: 5, end: 5, data: 'empty' },
      { start: 40, end: 400, data: 'outside' },
      { start: -1, end: 3, data: 'negative' },
    ]);
    expect(segs).toHaveLength(1);
    expect(segs[0]!.text).toBe(text);
  });
});

describe('excerpt', () => {
  it('widens a span to word boundaries around it', () => {
    const t = 'one two three four five six seven eight nine ten';
    const span = { start: t.indexOf('five'), end: t.indexOf('five') + 4 };
    const ex = excerpt(t, span.start, span.end, 8);
    expect(t.slice(ex.start, ex.end)).toBe('four five six');
  });
});

import { describe, expect, it } from 'vitest';
import { annotateText, mentionsOf } from '../../test/helpers/annotate-text.js';
import { parseNumber } from './annotate-quantities.js';

const quantities = (text: string) =>
  mentionsOf(annotateText(text, '2019-03-17'), 'quantity').map((m) => [m.text, m.value]);

describe('annotateQuantities', () => {
  it('reads digits, words and their qualifiers', () => {
    expect(quantities('At least 20 people were killed and more than 50 wounded.')).toEqual([
      ['least 20', { value: 20, qualifier: 'min' }].map((x, i) => (i === 0 ? 'At least 20' : x)),
      ['more than 50', { value: 50, qualifier: 'min' }],
    ]);
    expect(quantities('Fifty people died; about 300 fled.')).toEqual([
      ['Fifty', { value: 50, qualifier: 'exact' }],
      ['about 300', { value: 300, qualifier: 'approx' }],
    ]);
  });

  it('reads compound and large numbers', () => {
    expect(quantities('Twenty-five soldiers and 1,200 civilians; 2.5 million displaced.')).toEqual([
      ['Twenty-five', { value: 25, qualifier: 'exact' }],
      ['1,200', { value: 1200, qualifier: 'exact' }],
      ['2.5 million', { value: 2_500_000, qualifier: 'exact' }],
    ]);
  });

  it('gives vague amounts a lower bound', () => {
    expect(quantities('Dozens died and hundreds were injured.')).toEqual([
      ['Dozens', { value: 24, qualifier: 'min' }],
      ['hundreds', { value: 200, qualifier: 'min' }],
    ]);
  });

  it('leaves dates, times, percentages and pronoun "one" alone', () => {
    expect(quantities('On 15 March 2019 at 2 p.m., 40 percent of voters left; one of them spoke.')).toEqual(
      [],
    );
  });
});

describe('parseNumber', () => {
  it('reads written numbers with hundreds and thousands', () => {
    expect(parseNumber('one hundred and fifty')).toEqual({ value: 150, qualifier: 'exact' });
    expect(parseNumber('three thousand')).toEqual({ value: 3000, qualifier: 'exact' });
    expect(parseNumber('a dozen')).toEqual({ value: 12, qualifier: 'approx' });
    expect(parseNumber('banana')).toBeUndefined();
  });
});

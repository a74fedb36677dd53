import { describe, expect, it } from 'vitest';
import { tokenizeWords } from './normalize.js';
import { PhraseIndex } from './phrase-index.js';

const found = (index: PhraseIndex<string>, text: string) =>
  index.findAll(text).map((m) => [text.slice(m.start, m.end), m.values.join('+')]);

describe('PhraseIndex', () => {
  const index = new PhraseIndex<string>();
  index.add('al-Qaeda', 'aq');
  index.add('Al-Qaeda in the Arabian Peninsula', 'aqap');
  index.add('ISIS', 'is');
  index.add('Isis', 'is');
  index.add('Zürich', 'zurich');
  index.add('New Zealand', 'nz');
  index.add('Şanlıurfa', 'urfa');
  index.add('Ta‘izz', 'taiz');

  it('prefers the longest name and ignores hyphens, spaces and accents', () => {
    expect(found(index, 'Al Qaeda in the Arabian Peninsula and al-Qaeda; Zurich')).toEqual([
      ['Al Qaeda in the Arabian Peninsula', 'aqap'],
      ['al-Qaeda', 'aq'],
      ['Zurich', 'zurich'],
    ]);
  });

  it('folds letters Unicode does not decompose and ʿayn marks inside words', () => {
    expect(found(index, 'Sanliurfa and Taizz')).toEqual([
      ['Sanliurfa', 'urfa'],
      ['Taizz', 'taiz'],
    ]);
  });

  it('matches acronyms and short names only in their own case', () => {
    expect(found(index, 'ISIS and Isis, not isis or IsIs')).toEqual([
      ['ISIS', 'is'],
      ['Isis', 'is'],
    ]);
  });

  it('needs a capital letter for case-insensitive names', () => {
    expect(found(index, 'new zealand and NEW ZEALAND')).toEqual([['NEW ZEALAND', 'nz']]);
  });

  it("tolerates a possessive 's and leaves it out of the match", () => {
    expect(found(index, "New Zealand's prime minister")).toEqual([['New Zealand', 'nz']]);
  });

  it('tries shorter names when the caller rejects the longest', () => {
    const text = 'Al-Qaeda in the Arabian Peninsula';
    const m = index.findAll(text, (x) => x.wordCount < 3);
    expect(m.map((x) => text.slice(x.start, x.end))).toEqual(['Al-Qaeda']);
  });

  it('survives a round trip through its serialised form', () => {
    const copy = PhraseIndex.deserialize(
      JSON.parse(JSON.stringify(index.serialize())) as ReturnType<typeof index.serialize>,
    );
    expect(found(copy, 'al-Qaeda in New Zealand')).toEqual(found(index, 'al-Qaeda in New Zealand'));
  });
});

describe('tokenizeWords', () => {
  it('keeps apostrophes inside words and dotted abbreviations, splits on hyphens', () => {
    const text = "Qa'ida's U.S. al-Shabaab, Zürich";
    expect(tokenizeWords(text).map((w) => text.slice(w.start, w.end))).toEqual([
      "Qa'ida's",
      'U.S.',
      'al',
      'Shabaab',
      'Zürich',
    ]);
  });
});

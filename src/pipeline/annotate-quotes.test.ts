import { describe, expect, it } from 'vitest';
import type { QuoteValue } from '../doc.js';
import { annotateText, mentionsOf } from '../../test/helpers/annotate-text.js';

const quotes = (text: string) =>
  mentionsOf(annotateText(text, '2019-03-17'), 'quote').map((m) => {
    const v = m.value as QuoteValue;
    return [text.slice(v.inner.start, v.inner.end), v.speaker?.text ?? null];
  });

describe('annotateQuotes', () => {
  it('attributes a quote to the speaker after it', () => {
    expect(quotes('"Take revenge for the mosques," said Abu Hamza al-Qurashi.')).toEqual([
      ['Take revenge for the mosques,', 'Abu Hamza al-Qurashi'],
    ]);
    expect(quotes('“We are at war,” the spokesman said.')).toEqual([['We are at war,', 'the spokesman']]);
  });

  it('attributes a quote to the speaker before it', () => {
    expect(quotes('Police Commissioner Mike Bush said: "The suspect is in custody."')).toEqual([
      ['The suspect is in custody.', 'Mike Bush'],
    ]);
  });

  it('resolves "he said" to the last person named before the quote', () => {
    expect(quotes('Police chief John Smith arrived. "Nobody was hurt," he said.')).toEqual([
      ['Nobody was hurt,', 'John Smith'],
    ]);
  });

  it('keeps a quote without an attribution, with no speaker', () => {
    expect(quotes('Known as "Coco", he escaped.')).toEqual([['Coco', null]]);
  });
});

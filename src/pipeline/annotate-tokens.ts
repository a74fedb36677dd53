import type { Doc, Span, Token } from '../doc.js';
import type { Nlp } from '../kb/resources.js';

/**
 * Sentences and tokens with part-of-speech tags (wink-nlp), with character offsets into `doc.text`.
 * wink-nlp reports token values, not offsets; offsets are recovered by scanning the text in order.
 */
export function annotateTokens(doc: Doc, nlp: Nlp): Doc {
  const wdoc = nlp.readDoc(doc.text);
  const its = nlp.its;
  const values = wdoc.tokens().out(its.value) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let start = doc.text.indexOf(value, cursor);
    // wink-nlp may normalise a token (rare); keep it zero-width at the cursor rather than misplace it.
    if (start < 0 || start - cursor > 64) start = cursor;
    const end = start === cursor && !doc.text.startsWith(value, cursor) ? cursor : start + value.length;
    tokens.push({ start, end, pos: pos[i] ?? 'X' });
    cursor = end;
  }
  const sentences: Span[] = (wdoc.sentences().out(its.span) as unknown as [number, number][]).map(
    ([first, last]) => ({
      start: tokens[first]?.start ?? 0,
      end: tokens[last]?.end ?? doc.text.length,
    }),
  );
  return { ...doc, tokens, sentences };
}

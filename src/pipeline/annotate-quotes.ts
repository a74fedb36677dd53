import type { Doc, Mention, QuoteValue } from '../doc.js';
import { sortMentions } from './context.js';

const SAY =
  '(?:said|says|told|added|stated|wrote|warned|claimed|declared|explained|announced|tweeted|posted|urged|insisted|noted|argued|continued|asked|replied|vowed|threatened)';
/** `”, said the spokesman` / `,” Nunes said` — the attribution right after a quote. */
const AFTER = new RegExp(
  `^[,.!?]?\\s*(?:${SAY}\\s+([^,.;:"“”]{2,80}?)(?=[,.;:]|$|\\s+(?:in|on|at|to|of|from|after|during|according)\\b)|([^,.;:"“”]{2,80}?)\\s+${SAY}\\b)`,
);
/** `The spokesman said: “` / `According to police, "` — the attribution right before a quote. */
const BEFORE = new RegExp(
  `(?:([^,.;:"“”]{2,80}?)\\s+${SAY}(?:\\s+(?:that|reporters|journalists|the\\s+\\w+|\\w+))?|[Aa]ccording to\\s+([^,.;:"“”]{2,80}?))\\s*[,:]?\\s*$`,
);
const PAIRS: [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ['«', '»'],
];
const MAX_QUOTE = 2_000;

/**
 * Quotations in double quotes (straight, curly or guillemets) with their speaker where the text
 * attributes them: `"…," said X`, `"…," X said`, `X said: "…"`, `according to X, "…"`.
 * The speaker is the person, group or outlet mention inside the attribution, else its noun phrase.
 */
export function annotateQuotes(doc: Doc): Doc {
  const text = doc.text;
  const actors = doc.mentions.filter((m) => m.kind === 'person' || m.kind === 'group' || m.kind === 'outlet');
  const mentions: Mention[] = [];
  for (const [open, close] of PAIRS) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s < 0) break;
      const e = text.indexOf(close, s + 1);
      if (e < 0) break;
      const inner = { start: s + 1, end: e };
      from = e + 1;
      // A straight quote that spans a paragraph break is unbalanced: resynchronise after the break.
      if (e - s > MAX_QUOTE || (open === '"' && text.slice(s, e).includes('\n\n'))) {
        from = s + 1;
        continue;
      }
      if (inner.end - inner.start < 1) continue;
      const value: QuoteValue = { inner };
      const speaker = findSpeaker(text, s, e + 1, actors);
      if (speaker) value.speaker = speaker;
      mentions.push({
        kind: 'quote',
        start: s,
        end: e + 1,
        text: text.slice(s, e + 1),
        value,
        ruleId: 'quotes:quoted',
      });
    }
  }
  return { ...doc, mentions: sortMentions([...doc.mentions, ...mentions]) };
}

function findSpeaker(text: string, start: number, end: number, actors: Mention[]): QuoteValue['speaker'] {
  const afterText = text.slice(end, end + 120).split('\n')[0]!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const beforeText = text.slice(Math.max(lineStart, start - 160), start);
  // A quote that ends its own sentence (`… attacks."`) is not attributed by the next sentence.
  const after = /\.\s*$/.test(text.slice(start, end - 1)) ? null : AFTER.exec(afterText);
  // `"…" and urged Muslims`: the sentence goes on; "and" is no speaker.
  if (after && /^\s*(?:and|but|or|then|as)\s*$/i.test(after[1] ?? after[2] ?? '')) return undefined;
  if (after) {
    const phrase = (after[1] ?? after[2])!;
    const offset = end + after.index + after[0].indexOf(phrase);
    return speakerIn(text, offset, offset + phrase.length, actors);
  }
  const before = BEFORE.exec(beforeText);
  if (before) {
    const phrase = (before[1] ?? before[2])!;
    const offset = start - beforeText.length + before.index + before[0].indexOf(phrase);
    return speakerIn(text, offset, offset + phrase.length, actors);
  }
  return undefined;
}

function speakerOf(m: Mention): QuoteValue['speaker'] {
  return m.entity
    ? { text: m.text, start: m.start, end: m.end, entity: m.entity }
    : { text: m.text, start: m.start, end: m.end };
}

/** The last actor mention inside the attribution phrase, else the phrase itself (trimmed). */
function speakerIn(text: string, start: number, end: number, actors: Mention[]): QuoteValue['speaker'] {
  const inside = actors.filter((m) => m.start >= start && m.end <= end);
  const m = inside.find((x) => x.kind === 'person') ?? inside[inside.length - 1];
  if (m)
    return m.entity
      ? { text: m.text, start: m.start, end: m.end, entity: m.entity }
      : { text: m.text, start: m.start, end: m.end };
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  // "he said": the speaker is the last person named before, within a few sentences.
  if (/^(?:he|she)$/i.test(trimmed)) {
    const antecedent = actors
      .filter((x) => x.kind === 'person' && x.end <= start && start - x.end < 600)
      .pop();
    if (antecedent) return speakerOf(antecedent);
  }
  if (trimmed.split(/\s+/).length > 8) return undefined;
  return { text: trimmed, start: start + lead, end: start + lead + trimmed.length };
}

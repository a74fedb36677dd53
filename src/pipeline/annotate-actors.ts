import type { Doc, Mention, MentionKind } from '../doc.js';
import type { EntityKind } from '../kb/kb-schema.js';
import { entityRef, type KnowledgeBase, type NameHit } from '../kb/knowledge-base.js';
import { wordsOf, type Word } from '../text/normalize.js';
import type { PhraseMatch } from '../text/phrase-index.js';
import { sortMentions, wordsAround } from './context.js';

const MENTION_KIND: Record<EntityKind, MentionKind> = {
  group: 'group',
  'state-body': 'group',
  person: 'person',
  outlet: 'outlet',
  platform: 'platform',
};

/** Words near an ambiguous name that show it is meant as the entity ("IS fighters", "posted on X"). */
const CUES: Record<MentionKind, Set<string>> = {
  group: new Set(
    'militant militants fighter fighters jihadist jihadists group claimed claim claims insurgent insurgents insurgency propaganda caliphate affiliate affiliated affiliates loyal linked inspired pledged allegiance terrorist terrorists terror cell cells extremist extremists members member attack attacks so called leader spokesman commander'.split(
      ' ',
    ),
  ),
  outlet: new Set(
    'published released statement agency propaganda video magazine newsletter channel media outlet issue audio said reported claimed'.split(
      ' ',
    ),
  ),
  platform: new Set(
    'on via posted post posts channel channels account accounts app platform message messages messaging group chat users livestream livestreamed streamed video'.split(
      ' ',
    ),
  ),
  person: new Set(),
  place: new Set(),
  date: new Set(),
  quantity: new Set(),
  quote: new Set(),
};

/**
 * Groups, state bodies, outlets, platforms and known people from the knowledge base, by longest
 * match. Names marked ambiguous ("IS", "X", "Signal") count only when the same entity is named
 * unambiguously elsewhere in the document or a cue word stands within four words.
 */
export function annotateActors(doc: Doc, kb: KnowledgeBase): Doc {
  const { words } = wordsOf(doc.text);
  const sure = kb.names.findAll(doc.text, (m) => m.values.some((h) => !h.ambiguous));
  const confirmed = new Set(sure.flatMap((m) => m.values.filter((h) => !h.ambiguous).map((h) => h.entry.id)));
  const matches = kb.names.findAll(doc.text, (m) => pick(m, doc.text, words, confirmed) !== undefined);
  const mentions: Mention[] = matches.map((m) => {
    const hit = pick(m, doc.text, words, confirmed)!;
    return {
      kind: MENTION_KIND[hit.entry.kind],
      start: m.start,
      end: m.end,
      text: doc.text.slice(m.start, m.end),
      entity: entityRef(hit.entry),
      ruleId: hit.ambiguous ? 'actors:kb-in-context' : 'actors:kb',
    };
  });
  return { ...doc, mentions: sortMentions([...doc.mentions, ...mentions]) };
}

/** The entity a match most likely refers to, or undefined when an ambiguous name lacks context. */
function pick(
  m: PhraseMatch<NameHit>,
  text: string,
  words: Word[],
  confirmed: Set<string>,
): NameHit | undefined {
  const inDoc = m.values.find((h) => confirmed.has(h.entry.id));
  if (inDoc) return inDoc;
  const unambiguous = m.values.find((h) => !h.ambiguous);
  if (unambiguous) return unambiguous;
  const near = wordsAround(text, words, m.wordIndex, m.wordCount, 4);
  return m.values.find((h) => {
    const cues = CUES[MENTION_KIND[h.entry.kind]];
    return near.some((w) => cues.has(w));
  });
}

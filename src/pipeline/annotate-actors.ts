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
    'militant militants rebel rebels guerrilla guerrillas blamed fighter fighters jihadist jihadists group claimed claim claims insurgent insurgents insurgency propaganda caliphate affiliate affiliated affiliates loyal linked inspired pledged allegiance terrorist terrorists terror cell cells extremist extremists members member attack attacks so called leader spokesman commander'.split(
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
  // The name's own later words count ("Maoist rebels").
  const near = [
    ...wordsAround(text, words, m.wordIndex, m.wordCount, 4),
    ...words
      .slice(m.wordIndex + 1, m.wordIndex + m.wordCount)
      .map((w) => text.slice(w.start, w.end).toLowerCase()),
  ];
  return m.values.find((h) => {
    const cues = CUES[MENTION_KIND[h.entry.kind]];
    return near.some((w) => cues.has(w));
  });
}

/**
 * A name several entities share ("Islamic Jihad": the Lebanese organisation and the Egyptian
 * group) is read as the entity whose countries the document's places name most, once places are
 * annotated. A name only one entity holds keeps its entity.
 */
export function localiseSharedNames(doc: Doc, kb: KnowledgeBase): Doc {
  const placesIn = new Map<string, number>();
  for (const m of doc.mentions)
    if (m.kind === 'place' && m.place)
      placesIn.set(m.place.countryCode, (placesIn.get(m.place.countryCode) ?? 0) + 1);
  if (placesIn.size === 0) return doc;
  const weight = (hit: NameHit): number =>
    ('countries' in hit.entry ? hit.entry.countries : []).reduce(
      (sum: number, c: string) => sum + (placesIn.get(c) ?? 0),
      0,
    );
  let changed = false;
  const mentions = doc.mentions.map((m) => {
    if (m.ruleId !== 'actors:kb-in-context' || !m.entity) return m;
    const hits = kb.names.lookup(m.text).filter((h) => MENTION_KIND[h.entry.kind] === m.kind);
    const current = hits.find((h) => h.entry.id === m.entity!.id);
    const best = hits.reduce<NameHit | undefined>((a, h) => (!a || weight(h) > weight(a) ? h : a), current);
    if (!best || !current || weight(best) <= weight(current)) return m;
    changed = true;
    return { ...m, entity: entityRef(best.entry) };
  });
  return changed ? { ...doc, mentions } : doc;
}

/**
 * "The group said it had carried out the kidnapping": a sentence whose subject is a group named
 * only as "the group" (or "the organisation", "the militants" …) and that names none itself.
 */
const GROUP_ANAPHOR =
  /^\s*(?:[^,.;"“]{0,40},\s*)?(the (?:(?:militant|armed|rebel|jihadist|extremist|separatist) )?(?:group|organi[sz]ation|movement))\s+(?:also\s+|later\s+|then\s+)?(?:said|says|claimed|claims|has|have|had|admitted|announced|added|warned|threatened|vowed|denied|posted|released|issued|called|accused|described|demanded)\b/i;
/**
 * "It threatened further attacks", opening the sentence after one in which a group speaks ("X
 * said in a statement …"): the group.
 */
const IT_ANAPHOR =
  /^\s*(It)\s+(?:also\s+)?(?:said|threatened|warned|promised|vowed|claimed|demanded|added|called)\b/;
const GROUP_SPEAKS =
  /^[^.]{0,60}?\b(?:said|says|claimed|threatened|warned|announced|stated|posted|released|issued)\b/;

/**
 * "The group", as the subject of a sentence that names no group, is the group the sentence before
 * it (or the one before that) names last; "It" is the group that speaks in the sentence before.
 * The mention is added with that group's entity.
 */
export function annotateGroupAnaphora(doc: Doc): Doc {
  const added: Mention[] = [];
  const groupsIn = (s: { start: number; end: number }): Mention[] =>
    doc.mentions.filter(
      (m) => m.kind === 'group' && m.entity?.kind === 'group' && m.start >= s.start && m.end <= s.end,
    );
  doc.sentences.forEach((s, i) => {
    const text = doc.text.slice(s.start, s.end);
    const it = IT_ANAPHOR.exec(text);
    const m = GROUP_ANAPHOR.exec(text) ?? it;
    if (!m || groupsIn(s).length > 0) return;
    // "It" stands for a group only when the sentence before has the group speak.
    const prev = doc.sentences[i - 1];
    const speaker = prev && groupsIn(prev)[0];
    if (it && !(speaker && GROUP_SPEAKS.test(doc.text.slice(speaker.end, prev.end)))) return;
    const before = doc.sentences.slice(Math.max(0, i - 2), i).flatMap(groupsIn);
    const antecedent = it ? speaker : before[before.length - 1];
    if (!antecedent) return;
    const start = s.start + m.index + m[0].indexOf(m[1]!);
    added.push({
      kind: 'group',
      start,
      end: start + m[1]!.length,
      text: m[1]!,
      entity: antecedent.entity!,
      ruleId: 'actors:anaphora',
    });
  });
  return added.length > 0 ? { ...doc, mentions: sortMentions([...doc.mentions, ...added]) } : doc;
}

import type { EntityRef } from '../doc.js';
import { PhraseIndex } from '../text/phrase-index.js';
import type { KbEntry } from './kb-schema.js';

/** What a name in the text may refer to. */
export interface NameHit {
  entry: KbEntry;
  /** The name is an ordinary word or shared ("IS", "X"): accept it only with supporting context. */
  ambiguous: boolean;
}

/** The knowledge base, indexed for lookups by id and for matching names in text. */
export interface KnowledgeBase {
  byId: Map<string, KbEntry>;
  names: PhraseIndex<NameHit>;
}

/** Index knowledge-base entries: canonical names and aliases, ambiguous aliases flagged. */
export function buildKnowledgeBase(entries: KbEntry[]): KnowledgeBase {
  const byId = new Map<string, KbEntry>();
  const names = new PhraseIndex<NameHit>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    const sure: NameHit = { entry, ambiguous: false };
    const unsure: NameHit = { entry, ambiguous: true };
    for (const n of [entry.name, ...entry.aliases]) names.add(n, sure);
    for (const n of entry.ambiguousAliases) names.add(n, unsure);
  }
  return { byId, names };
}

/** The short reference to an entity carried by mentions and extractions. */
export function entityRef(entry: KbEntry): EntityRef {
  return { id: entry.id, name: entry.name, kind: entry.kind };
}

/** A group's id and the ids of the groups above it ("iskp" → iskp, islamic-state). */
export function groupFamily(kb: KnowledgeBase, id: string): string[] {
  const out: string[] = [];
  for (let at: string | undefined = id; at !== undefined && !out.includes(at);) {
    out.push(at);
    const entry = kb.byId.get(at);
    at = entry?.kind === 'group' ? entry.parent : undefined;
  }
  return out;
}

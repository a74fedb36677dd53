import type { Doc } from '../doc.js';
import type { Resources } from '../kb/resources.js';
import { annotate } from './annotate.js';
import { extractIncidents } from './extract-incidents.js';
import { extractLinks } from './extract-links.js';
import { extractStatements } from './extract-statements.js';
import type { Extraction } from './extraction.js';
import { extractReferencedIncidents, revengeObjects, type RevengeObject } from './incident-references.js';
import { eventScore, sentenceSignals, type SentenceSignals } from './sentence-signals.js';
import { gazetteerCapitals } from './incident-place.js';

/**
 * The sentences without the places, dates and attack words inside revenge framings: "the Easter
 * bombings were revenge for the attack on two mosques in Christchurch last month" does not place
 * or date the Easter bombings in Christchurch, and "retaliating against missile attacks" reports
 * no attack of its own.
 */
function withoutRevengeObjects(signals: SentenceSignals[], objects: RevengeObject[]): SentenceSignals[] {
  if (objects.length === 0) return signals;
  return signals.map((s) => {
    const inside = objects.filter((o) => o.sentence.index === s.index);
    if (inside.length === 0) return s;
    const within = (m: { start: number; end: number }): boolean =>
      inside.some((o) => m.start >= o.start && m.end <= o.end);
    const mentions = s.mentions.filter((m) => !((m.kind === 'place' || m.kind === 'date') && within(m)));
    const cues = s.cues.filter((c) => !within(c));
    return { ...s, mentions, cues, score: eventScore(cues, s.harm, s.political, s.accident) };
  });
}

/**
 * From a document to its incidents, statements, retaliation links and entities
 * (`vigil extract`): annotate, then read events, statements and revenge framings off the
 * annotated sentences. Pure: same document and resources, same extraction.
 */
export function extract(input: Doc, resources: Resources): Extraction {
  const doc = annotate(input, resources);
  const signals = sentenceSignals(doc);
  const objects = revengeObjects(doc, signals);
  const capitals = gazetteerCapitals(resources.gazetteer);
  const incidents = extractIncidents(doc, withoutRevengeObjects(signals, objects), resources.kb, capitals);
  const referenced = extractReferencedIncidents(doc, objects, incidents);
  incidents.push(...referenced);
  const invoked = new Set(referenced.map((i) => i.id));
  const statements = extractStatements(doc, signals, incidents, resources.kb, invoked);
  const links = extractLinks(objects, incidents, statements, invoked);
  const entities = new Map<string, Extraction['entities'][number]>();
  for (const m of doc.mentions) {
    if (!m.entity) continue;
    const e = entities.get(m.entity.id) ?? {
      id: m.entity.id,
      kind: m.entity.kind,
      name: m.entity.name,
      spans: [],
    };
    e.spans.push([m.start, m.end]);
    entities.set(m.entity.id, e);
  }
  return {
    id: doc.id,
    incidents,
    statements,
    links,
    entities: [...entities.values()],
    messages: doc.messages
      .filter((m) => m.severity !== 'info')
      .map((m) => ({
        ruleId: m.ruleId,
        reason: m.reason,
        severity: m.severity,
        ...(m.span ? { start: m.span.start, end: m.span.end } : {}),
      })),
  };
}

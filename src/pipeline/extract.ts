import type { Doc } from '../doc.js';
import type { Resources } from '../kb/resources.js';
import { annotate } from './annotate.js';
import { extractIncidents } from './extract-incidents.js';
import { extractLinks } from './extract-links.js';
import { extractStatements } from './extract-statements.js';
import type { Extraction } from './extraction.js';
import { extractReferencedIncidents, revengeObjects, type RevengeObject } from './incident-references.js';
import { sentenceSignals, type SentenceSignals } from './sentence-signals.js';

/**
 * The sentences without the places and dates inside revenge framings: "the Easter bombings were
 * revenge for the attack on two mosques in Christchurch last month" does not place or date the
 * Easter bombings in Christchurch.
 */
function withoutRevengeObjects(signals: SentenceSignals[], objects: RevengeObject[]): SentenceSignals[] {
  if (objects.length === 0) return signals;
  return signals.map((s) => {
    const inside = objects.filter((o) => o.sentence.index === s.index);
    if (inside.length === 0) return s;
    const kept = s.mentions.filter(
      (m) =>
        !(
          (m.kind === 'place' || m.kind === 'date') &&
          inside.some((o) => m.start >= o.start && m.end <= o.end)
        ),
    );
    return { ...s, mentions: kept };
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
  const incidents = extractIncidents(doc, withoutRevengeObjects(signals, objects), resources.kb);
  const referenced = extractReferencedIncidents(doc, objects, incidents);
  incidents.push(...referenced);
  const statements = extractStatements(doc, signals, incidents, resources.kb);
  const links = extractLinks(objects, incidents, statements, new Set(referenced.map((i) => i.id)));
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

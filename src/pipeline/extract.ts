import type { Doc } from '../doc.js';
import type { Resources } from '../kb/resources.js';
import { annotate } from './annotate.js';
import { extractIncidents } from './extract-incidents.js';
import { extractLinks } from './extract-links.js';
import { extractStatements } from './extract-statements.js';
import type { Extraction } from './extraction.js';
import { extractReferencedIncidents, revengeObjects } from './incident-references.js';
import { sentenceSignals } from './sentence-signals.js';

/**
 * From a document to its incidents, statements, retaliation links and entities
 * (`vigil extract`): annotate, then read events, statements and revenge framings off the
 * annotated sentences. Pure: same document and resources, same extraction.
 */
export function extract(input: Doc, resources: Resources): Extraction {
  const doc = annotate(input, resources);
  const signals = sentenceSignals(doc);
  const incidents = extractIncidents(doc, signals, resources.kb);
  const objects = revengeObjects(doc, signals);
  incidents.push(...extractReferencedIncidents(doc, objects, incidents));
  const statements = extractStatements(doc, signals, incidents, resources.kb);
  const links = extractLinks(objects, incidents, statements);
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

import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { ActorRef } from '../pipeline/extraction.js';
import type { ResolvedIncident, ResolvedStatement } from '../pipeline/resolution.js';
import type { Store } from '../store/store.js';
import { allIncidents, allStatements } from './resolved-data.js';

/**
 * Everything resolved a reader of `clearance` may see, as JSON Lines: one object per line, its
 * `kind` saying what it is and the object as stored under the property of that name —
 * `{"kind":"incident","incident":{…}}`, then statements, links, and entities
 * (`{"kind":"entity","source":"kb","entity":{…}}` for each knowledge-base entity the others name,
 * `"source":"analyst"` for each they name that an analyst accepted from the candidates, and
 * `{"kind":"entity","source":"candidate","entity":{…}}` for actors named in several documents that
 * the knowledge base does not know and no analyst decided about).
 */
export async function* jsonlLines(
  store: Store,
  kb: KnowledgeBase,
  clearance: number,
): AsyncGenerator<string> {
  const named = new Set<string>();
  const note = (refs: (ActorRef | null | undefined)[]): void => {
    for (const r of refs) if (r?.id) named.add(r.id);
  };
  for await (const incident of allIncidents(store, clearance)) {
    note(actorsOf(incident));
    yield JSON.stringify({ kind: 'incident', incident });
  }
  for await (const statement of allStatements(store, clearance)) {
    note(actorsOf(statement));
    yield JSON.stringify({ kind: 'statement', statement });
  }
  for (const link of await store.listLinks(clearance)) yield JSON.stringify({ kind: 'link', link });
  const accepted = new Map(
    (await store.listCandidateDecisions(clearance)).flatMap((d) =>
      d.decision === 'accepted' ? [[d.entity.id, d.entity] as const] : [],
    ),
  );
  for (const id of [...named].sort()) {
    const entity = kb.byId.get(id);
    if (entity) yield JSON.stringify({ kind: 'entity', source: 'kb', entity });
    else if (accepted.has(id))
      yield JSON.stringify({ kind: 'entity', source: 'analyst', entity: accepted.get(id) });
  }
  for (const entity of await store.listCandidates(clearance))
    yield JSON.stringify({ kind: 'entity', source: 'candidate', entity });
}

/** The actors an incident or statement names. */
function actorsOf(o: ResolvedIncident | ResolvedStatement): (ActorRef | null)[] {
  if ('perpetrators' in o)
    return [...o.perpetrators, ...o.claimedBy, ...o.claimedBy.map((c) => c.outlet ?? null)];
  return [o.speaker, o.organization, o.outlet, o.platform];
}

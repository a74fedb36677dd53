import { decidedNames, type CandidateDecision } from '../pipeline/candidate-decisions.js';
import type { ActorRef, Extraction } from '../pipeline/extraction.js';
import { nameKey } from '../text/normalize.js';

/**
 * The name keys of the actors a document's extraction names without a knowledge-base id — the
 * names analysts' candidate decisions are about (the same actors `applyDecidedNames` resolves:
 * perpetrators, claimants, and the speaker, organisation, outlet and platform of statements).
 * Both stores keep them per document (`document_actor_names`), written with the extraction.
 */
export function unknownActorKeys(x: Extraction): string[] {
  const keys = new Set<string>();
  const add = (ref: ActorRef | null | undefined): void => {
    if (!ref || ref.id !== null || typeof ref.name !== 'string') return;
    const key = nameKey(ref.name);
    if (key) keys.add(key);
  };
  for (const i of x.incidents) {
    i.perpetrators.forEach(add);
    i.claimedBy.forEach(add);
  }
  for (const s of x.statements) [s.speaker, s.organization, s.outlet, s.platform].forEach(add);
  return [...keys];
}

/**
 * The name keys whose unknown actors the decisions resolve to `entityId`: the names accepted as
 * that entity (with the entity's own name and aliases) or made an alias of it, exactly as
 * resolution applies them (`decidedNames`: a rejection or another decision about one of the
 * names wins). The store holds no knowledge base, so an alias counts whatever entity it names.
 */
export function nameKeysOf(decisions: CandidateDecision[], entityId: string): string[] {
  if (decisions.length === 0) return [];
  const decided = decidedNames(decisions, (id) => ({ id, name: id }));
  return [...decided].flatMap(([key, ref]) => (ref?.id === entityId ? [key] : [])).sort();
}

import { nameKey } from '../text/normalize.js';
import type { ClearanceView } from './clearance-views.js';
import type { ActorRef, Extraction } from './extraction.js';
import type { CandidateEntity, ExtractionRecord } from './resolution.js';

/**
 * A new entity an analyst made of a candidate: an actor the knowledge base lacks, kept in the
 * store (a type, not an interface, so that it passes as the API's open entity object).
 */
export type AcceptedEntity = {
  /** Lower-case kebab-case, unique among knowledge-base and accepted entities. */
  id: string;
  name: string;
  kind: 'group' | 'person';
  ideology?: string;
  /** Other names whose mentions resolve to it too. */
  aliases: string[];
};

/** Who decided about a candidate, when, why, and who may see the decision. */
interface DecisionCommon {
  /** The candidate's key: its normalised name. */
  key: string;
  /** The candidate's name as it was listed. */
  name: string;
  author: string;
  createdAt: string;
  reason?: string;
  /** Clearance needed to see the decision (0…4): the lowest at which the candidate was listed. */
  level: number;
}

/**
 * An analyst's decision about a candidate entity: a new entity (`accepted`), another name of a
 * knowledge-base entity (`alias`), or not an actor (`rejected`). Resolution applies it to every
 * mention of the name; deleting it makes the name a candidate again.
 */
export type CandidateDecision = DecisionCommon &
  (
    | { decision: 'accepted'; entity: AcceptedEntity }
    | { decision: 'alias'; entityId: string }
    | { decision: 'rejected' }
  );

/** The three verdicts of {@link CandidateDecision}. */
export const CANDIDATE_VERDICTS = ['accepted', 'alias', 'rejected'] as const;

/** The entity a decision resolves its name to: the accepted entity's id or the alias's; null for a rejection. */
export function decidedEntityId(d: CandidateDecision): string | null {
  return d.decision === 'accepted' ? d.entity.id : d.decision === 'alias' ? d.entityId : null;
}

/**
 * What the decisions make of actor names, by name key: the reference mentions of the name
 * resolve to, or null for a rejected name. An alias whose entity `kbRef` no longer knows is left
 * out (the name is a candidate again). An accepted entity's own name and aliases resolve to it
 * too, unless another decision is about that name.
 */
export function decidedNames(
  decisions: CandidateDecision[],
  kbRef: (id: string) => ActorRef | undefined,
): Map<string, ActorRef | null> {
  const out = new Map<string, ActorRef | null>();
  for (const d of decisions)
    if (d.decision === 'accepted') {
      const e = d.entity;
      const ref: ActorRef = { id: e.id, name: e.name, kind: e.kind };
      if (e.aliases.length > 0) ref.aliases = e.aliases;
      if (e.ideology) ref.ideology = e.ideology;
      for (const n of [e.name, ...e.aliases]) out.set(nameKey(n), ref);
    }
  for (const d of decisions) {
    if (d.decision === 'rejected') out.set(d.key, null);
    else if (d.decision === 'accepted') out.set(d.key, out.get(nameKey(d.entity.name))!);
    else {
      const ref = kbRef(d.entityId);
      if (ref) out.set(d.key, ref);
    }
  }
  return out;
}

/**
 * The records with every unknown actor (no knowledge-base id) whose name was accepted or made an
 * alias resolved to its entity, keeping the words of the text, and every one an analyst rejected
 * as not an actor left out (a statement's speaker or organisation becomes unknown). Pure: the
 * records are not changed.
 */
export function applyDecidedNames(
  records: ExtractionRecord[],
  decided: Map<string, ActorRef | null>,
): ExtractionRecord[] {
  if (decided.size === 0) return records;
  const resolve = <T extends ActorRef>(ref: T | null): T | null => {
    if (!ref || ref.id !== null) return ref;
    const to = decided.get(nameKey(ref.name));
    if (to === null) return null;
    return to ? { ...ref, ...to, text: ref.text ?? ref.name } : ref;
  };
  const resolveEach = <T extends ActorRef>(refs: T[]): T[] => refs.flatMap((ref) => resolve(ref) ?? []);
  return records.map((r) => {
    const x: Extraction = r.extraction;
    return {
      ...r,
      extraction: {
        ...x,
        incidents: x.incidents.map((i) => ({
          ...i,
          perpetrators: resolveEach(i.perpetrators),
          claimedBy: resolveEach(i.claimedBy),
        })),
        statements: x.statements.map((s) => ({
          ...s,
          speaker: resolve(s.speaker),
          organization: resolve(s.organization),
          outlet: resolve(s.outlet),
          platform: resolve(s.platform),
        })),
      },
    };
  });
}

/** Candidate entities without those an analyst decided about. */
export function undecidedCandidates(
  candidates: ClearanceView<CandidateEntity>[],
  decided: Map<string, ActorRef | null>,
): ClearanceView<CandidateEntity>[] {
  return candidates.filter((v) => !decided.has(v.value.key));
}

import { AppError } from '../errors.js';
import { entityIdSchema, type Ideology } from '../kb/kb-schema.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { AcceptedEntity, CandidateDecision } from '../pipeline/candidate-decisions.js';
import type { CandidateEntity } from '../pipeline/resolution.js';
import { FULL_CLEARANCE, type Store } from '../store/store.js';
import { nameKey } from '../text/normalize.js';
import { auditAs } from './audit.js';
import type { Principal, ServiceContext } from './context.js';
import type { Decider } from './decisions.js';
import { pageOf, type Page, type Paging } from './page.js';
import type { ResolveSummary } from './resolve.js';

/** What an analyst decides about a candidate (docs/api.md `POST /api/candidates/:key/decision`). */
export interface CandidateDecisionInput {
  decision: CandidateDecision['decision'];
  /** `alias`: the knowledge-base entity the name stands for; `accepted`: the new entity's id (default: made from its name). */
  entityId?: string;
  /** `accepted`: the new entity's name (default: the candidate's). */
  name?: string;
  /** `accepted`: the new entity's ideology. */
  ideology?: Ideology;
  /** `accepted`: other names of the new entity, whose mentions resolve to it too. */
  aliases?: string[];
  /** Why, in the analyst's words. */
  reason?: string;
}

/** What a decision, or its undoing, did once resolution ran again. */
export interface CandidateOutcome {
  /** The decision made, or the one undone. */
  decision: CandidateDecision;
  summary: ResolveSummary;
}

/** An entity an analyst accepted from the candidates, as the actors list shows it beside the knowledge base's. */
export type AnalystEntity = AcceptedEntity & {
  ambiguousAliases: string[];
  /** Where it comes from: who accepted it, when and why. */
  note: string;
};

/** Unknown actors named in several documents the reader may see, and not decided about, most documents first. */
export async function candidatesPage(
  ctx: ServiceContext,
  who: Principal,
  paging: Paging,
): Promise<Page<CandidateEntity>> {
  return pageOf(await ctx.store.listCandidates(who.clearance), paging);
}

/** Decisions about candidates the reader may see, newest first. */
export async function candidateDecisionsPage(
  ctx: ServiceContext,
  who: Principal,
  paging: Paging,
): Promise<Page<CandidateDecision>> {
  return pageOf(await ctx.store.listCandidateDecisions(who.clearance), paging);
}

/** The entities analysts accepted from the candidates that a reader with `clearance` may see. */
export async function acceptedEntities(store: Store, clearance?: number): Promise<AnalystEntity[]> {
  return (await store.listCandidateDecisions(clearance)).flatMap((d) =>
    d.decision === 'accepted'
      ? [
          {
            ...d.entity,
            ambiguousAliases: [],
            note: `Not in the knowledge base: accepted from the candidates by ${d.author} on ${d.createdAt.slice(0, 10)}${d.reason ? ` (${d.reason})` : ''}.`,
          },
        ]
      : [],
  );
}

/**
 * Decide about the candidate called `name` (its key or any spelling of it) and resolve again with
 * `resolve`, so that its mentions resolve to the entity decided on (or, rejected, it is no longer
 * listed). The candidate must be listed for the decider, or already decided about
 * (`candidate_not_found`, 404); a new decision replaces the earlier one. An alias needs a
 * knowledge-base entity (`entity_required`, `unknown_entity`, 400); an accepted entity needs a
 * name and a kebab-case id (`invalid_entity`, 400) that no other entity has (`entity_exists`, 409).
 */
export async function decideCandidate(
  store: Store,
  kb: KnowledgeBase,
  name: string,
  input: CandidateDecisionInput,
  by: Decider,
  resolve: () => Promise<ResolveSummary>,
): Promise<CandidateOutcome> {
  const key = nameKey(name);
  const clearance = by.clearance ?? FULL_CLEARANCE;
  const [listed, decisions] = await Promise.all([
    listedCandidate(store, key, clearance),
    store.listCandidateDecisions(),
  ]);
  const prior = decisions.find((d) => d.key === key && d.level <= clearance);
  const candidateName = listed?.candidate.name ?? prior?.name;
  const level = listed?.level ?? prior?.level;
  if (candidateName === undefined || level === undefined)
    throw new AppError('candidate_not_found', 404, `no candidate "${name}"`);
  const common = {
    key,
    name: candidateName,
    author: by.author,
    createdAt: by.at,
    level,
    ...(input.reason ? { reason: input.reason } : {}),
  };
  let decision: CandidateDecision;
  if (input.decision === 'rejected') decision = { ...common, decision: 'rejected' };
  else if (input.decision === 'alias') {
    if (!input.entityId)
      throw new AppError(
        'entity_required',
        400,
        'an alias needs entityId, the knowledge-base entity the name stands for',
      );
    if (!kb.byId.has(input.entityId))
      throw new AppError('unknown_entity', 400, `no knowledge-base entity ${input.entityId}`);
    decision = { ...common, decision: 'alias', entityId: input.entityId };
  } else {
    const kind =
      listed?.candidate.kind ?? (prior?.decision === 'accepted' ? prior.entity.kind : undefined) ?? 'group';
    const entity = newEntity(input, candidateName, kind);
    if (kb.byId.has(entity.id))
      throw new AppError(
        'entity_exists',
        409,
        `${entity.id} is a knowledge-base entity already: make "${candidateName}" an alias of it instead`,
      );
    const other = decisions.find(
      (d) => d.decision === 'accepted' && d.entity.id === entity.id && d.key !== key,
    );
    if (other)
      throw new AppError(
        'entity_exists',
        409,
        other.level <= clearance
          ? `${entity.id} is the entity accepted for "${other.name}" already: choose another id`
          : `${entity.id} is taken: choose another id`,
      );
    decision = { ...common, decision: 'accepted', entity };
  }
  await store.saveCandidateDecision(decision);
  return { decision, summary: await resolve() };
}

/**
 * Forget the decision about the candidate called `name` and resolve again with `resolve`: the
 * name is a candidate again (if still named in enough documents). `decision_not_found` (404)
 * when there is none the decider may see.
 */
export async function undoCandidateDecision(
  store: Store,
  name: string,
  by: Pick<Decider, 'clearance'>,
  resolve: () => Promise<ResolveSummary>,
): Promise<CandidateOutcome> {
  const key = nameKey(name);
  const decision = (await store.listCandidateDecisions(by.clearance)).find((d) => d.key === key);
  if (!decision || !(await store.deleteCandidateDecision(key)))
    throw new AppError('decision_not_found', 404, `no decision about "${name}"`);
  return { decision, summary: await resolve() };
}

/** {@link decideCandidate} by an analyst of the web app or API, audited (with the reason, if given). */
export async function decideCandidateAs(
  ctx: ServiceContext,
  who: Principal,
  name: string,
  input: CandidateDecisionInput,
): Promise<CandidateOutcome> {
  const by = { author: who.username, at: ctx.now().toISOString(), clearance: who.clearance };
  const outcome = await decideCandidate(ctx.store, ctx.resources.kb, name, input, by, () =>
    ctx.resolver.run(),
  );
  const d = outcome.decision;
  await auditAs(ctx, who, 'candidate-decision', d.key, {
    decision: d.decision,
    ...(d.decision === 'accepted' ? { entityId: d.entity.id, name: d.entity.name } : {}),
    ...(d.decision === 'alias' ? { entityId: d.entityId } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
  });
  return outcome;
}

/** {@link undoCandidateDecision} by an analyst of the web app or API, audited. */
export async function undoCandidateDecisionAs(
  ctx: ServiceContext,
  who: Principal,
  name: string,
): Promise<CandidateOutcome> {
  const outcome = await undoCandidateDecision(ctx.store, name, who, () => ctx.resolver.run());
  await auditAs(ctx, who, 'candidate-undo', outcome.decision.key, { decision: outcome.decision.decision });
  return outcome;
}

/** The candidate with this key as a reader of `clearance` sees it, and the lowest clearance that lists it. */
async function listedCandidate(
  store: Store,
  key: string,
  clearance: number,
): Promise<{ candidate: CandidateEntity; level: number } | undefined> {
  const mine = (await store.listCandidates(clearance)).find((c) => c.key === key);
  if (!mine) return undefined;
  for (let level = 0; level < clearance; level++)
    if ((await store.listCandidates(level)).some((c) => c.key === key)) return { candidate: mine, level };
  return { candidate: mine, level: clearance };
}

/** The entity an accepted candidate becomes: its name, an id made from it unless given, its aliases. */
function newEntity(
  input: CandidateDecisionInput,
  candidateName: string,
  kind: AcceptedEntity['kind'],
): AcceptedEntity {
  const name = (input.name ?? candidateName).trim();
  if (!name) throw new AppError('invalid_entity', 400, 'the new entity needs a name');
  const id =
    input.entityId ??
    nameKey(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  if (!id)
    throw new AppError('invalid_entity', 400, `no id can be made from "${name}": give the entity an id`);
  if (!entityIdSchema.safeParse(id).success)
    throw new AppError(
      'invalid_entity',
      400,
      `entity ids are lower-case kebab-case (a-z, 0-9, -), not "${id}"`,
    );
  // The candidate's own name is an alias when the entity is named otherwise.
  const aliases = new Map<string, string>();
  for (const a of [candidateName, ...(input.aliases ?? [])].map((x) => x.trim()))
    if (a && nameKey(a) !== nameKey(name) && !aliases.has(nameKey(a))) aliases.set(nameKey(a), a);
  const entity: AcceptedEntity = { id, name, kind, aliases: [...aliases.values()] };
  if (input.ideology) entity.ideology = input.ideology;
  return entity;
}

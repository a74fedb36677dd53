import { AppError } from '../errors.js';
import type { KbEntry } from '../kb/kb-schema.js';
import type { CandidateEntity, ResolvedIncident, ResolvedStatement } from '../pipeline/resolution.js';
import { nameKey } from '../text/normalize.js';
import type { Principal, ServiceContext } from './context.js';
import { pageOf, type Page, type Paging } from './page.js';

/** An entity with the incidents and statements the reader may see that name it. */
export interface EntityDetail {
  entity: KbEntry;
  incidents: ResolvedIncident[];
  statements: ResolvedStatement[];
}

/** Incidents and statements listed with an entity, at most. */
const PER_ENTITY = 100;

/**
 * Knowledge-base entities (public reference data: no marking), by name, optionally of one kind
 * and matching words in their name or aliases.
 */
export function listEntities(
  ctx: Pick<ServiceContext, 'resources'>,
  filters: { kind?: string; q?: string },
  paging: Paging,
): Page<KbEntry> {
  const words = filters.q ? nameKey(filters.q) : '';
  const entries = [...ctx.resources.kb.byId.values()]
    .filter((e) => !filters.kind || e.kind === filters.kind)
    .filter(
      (e) => !words || [e.name, ...e.aliases, ...e.ambiguousAliases].some((n) => nameKey(n).includes(words)),
    )
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return pageOf(entries, paging);
}

/** One entity with the incidents (as perpetrator or claimant) and statements (as speaker, organisation or outlet) the reader may see. */
export async function entityDetail(ctx: ServiceContext, who: Principal, id: string): Promise<EntityDetail> {
  const entity = ctx.resources.kb.byId.get(id);
  if (!entity) throw new AppError('entity_not_found', 404, `no entity ${id}`);
  const [incidents, statements] = await Promise.all([
    ctx.store.listIncidents({ group: id, clearance: who.clearance, limit: PER_ENTITY }),
    ctx.store.listStatements({ actor: id, clearance: who.clearance, limit: PER_ENTITY }),
  ]);
  return { entity, incidents, statements };
}

/** Unknown actors named in several documents the reader may see, most documents first. */
export async function candidatesPage(
  ctx: ServiceContext,
  who: Principal,
  paging: Paging,
): Promise<Page<CandidateEntity>> {
  return pageOf(await ctx.store.listCandidates(who.clearance), paging);
}

import { AppError } from '../errors.js';
import type { KbEntry } from '../kb/kb-schema.js';
import type { ResolvedIncident, ResolvedStatement } from '../pipeline/resolution.js';
import { nameKey } from '../text/normalize.js';
import { acceptedEntities, type AnalystEntity } from './candidates.js';
import type { Principal, ServiceContext } from './context.js';
import { pageOf, type Page, type Paging } from './page.js';

/** An actor: a knowledge-base entity, or one an analyst accepted from the candidates. */
export type ActorEntity = KbEntry | AnalystEntity;

/** An entity with the incidents and statements the reader may see that name it. */
export interface EntityDetail {
  entity: ActorEntity;
  incidents: ResolvedIncident[];
  statements: ResolvedStatement[];
}

/** Incidents and statements listed with an entity, at most. */
const PER_ENTITY = 100;

/**
 * Knowledge-base entities (public reference data: no marking) and the entities analysts accepted
 * from the candidates that the reader may see, by name, optionally of one kind and matching
 * words in their name or aliases.
 */
export async function listEntities(
  ctx: Pick<ServiceContext, 'resources' | 'store'>,
  who: Pick<Principal, 'clearance'>,
  filters: { kind?: string; q?: string },
  paging: Paging,
): Promise<Page<ActorEntity>> {
  const words = filters.q ? nameKey(filters.q) : '';
  const all: ActorEntity[] = [
    ...ctx.resources.kb.byId.values(),
    ...(await acceptedEntities(ctx.store, who.clearance)),
  ];
  const entries = all
    .filter((e) => !filters.kind || e.kind === filters.kind)
    .filter(
      (e) => !words || [e.name, ...e.aliases, ...e.ambiguousAliases].some((n) => nameKey(n).includes(words)),
    )
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return pageOf(entries, paging);
}

/** One entity with the incidents (as perpetrator or claimant) and statements (as speaker, organisation or outlet) the reader may see. */
export async function entityDetail(ctx: ServiceContext, who: Principal, id: string): Promise<EntityDetail> {
  const entity =
    ctx.resources.kb.byId.get(id) ??
    (await acceptedEntities(ctx.store, who.clearance)).find((e) => e.id === id);
  if (!entity) throw new AppError('entity_not_found', 404, `no entity ${id}`);
  const [incidents, statements] = await Promise.all([
    ctx.store.listIncidents({ group: id, clearance: who.clearance, limit: PER_ENTITY }),
    ctx.store.listStatements({ actor: id, clearance: who.clearance, limit: PER_ENTITY }),
  ]);
  return { entity, incidents, statements };
}

import type { Chain } from '../pipeline/build-chains.js';
import type { ResolvedIncident, ResolvedStatement } from '../pipeline/resolution.js';
import { AppError } from '../errors.js';
import type { IncidentQuery, StatementQuery } from '../store/store.js';
import { auditAs } from './audit.js';
import { listChains } from './chains.js';
import type { Principal, ServiceContext } from './context.js';
import {
  applyDecisions,
  incidentFor,
  mergeDecisions,
  splitDecisions,
  type DecisionOutcome,
} from './decisions.js';
import { pageOf, type Page, type Paging } from './page.js';

/** Filters of the incident list (docs/api.md `GET /api/incidents`). */
export type IncidentFilters = Omit<IncidentQuery, 'clearance' | 'limit' | 'offset'>;
/** Filters of the statement list (docs/api.md `GET /api/statements`). */
export type StatementFilters = Omit<StatementQuery, 'clearance' | 'limit' | 'offset'>;

/** An incident with the statements that refer to it and the retaliation chains it is part of. */
export interface IncidentDetail {
  incident: ResolvedIncident;
  statements: ResolvedStatement[];
  chains: Chain[];
}

/** Statements listed with an incident, at most. */
const STATEMENTS_PER_INCIDENT = 100;

/** Resolved incidents the reader may see, newest first, with how many match. */
export async function listIncidents(
  ctx: ServiceContext,
  who: Principal,
  filters: IncidentFilters,
  paging: Paging,
): Promise<Page<ResolvedIncident>> {
  const query = { ...filters, clearance: who.clearance };
  const [items, total] = await Promise.all([
    ctx.store.listIncidents({ ...query, ...paging }),
    ctx.listing.countIncidents(query),
  ]);
  return { items, total, ...paging };
}

/** One incident as the reader may see it, with its statements and chains; `incident_not_found` otherwise. */
export async function incidentDetail(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<IncidentDetail> {
  const incident = await incidentFor(ctx.store, id, who.clearance);
  const [statements, chains] = await Promise.all([
    ctx.store.listStatements({ incident: id, clearance: who.clearance, limit: STATEMENTS_PER_INCIDENT }),
    listChains(ctx.store, ctx.resources.kb, who.clearance),
  ]);
  return { incident, statements, chains: chains.filter((c) => c.nodes.some((n) => n.id === id)) };
}

/** Resolved statements the reader may see, newest first, with how many match. */
export async function listStatements(
  ctx: ServiceContext,
  who: Principal,
  filters: StatementFilters,
  paging: Paging,
): Promise<Page<ResolvedStatement>> {
  const query = { ...filters, clearance: who.clearance };
  const [items, total] = await Promise.all([
    ctx.store.listStatements({ ...query, ...paging }),
    ctx.listing.countStatements(query),
  ]);
  return { items, total, ...paging };
}

/** One statement as the reader may see it; `statement_not_found` otherwise. */
export async function getStatement(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<ResolvedStatement> {
  const statement = await ctx.store.getStatement(id, who.clearance);
  if (!statement) throw new AppError('statement_not_found', 404, `no statement ${id}`);
  return statement;
}

/** Retaliation chains the reader may see, latest first. */
export async function chainsPage(ctx: ServiceContext, who: Principal, paging: Paging): Promise<Page<Chain>> {
  return pageOf(await listChains(ctx.store, ctx.resources.kb, who.clearance), paging);
}

/** Merge incidents the analyst may see into one, resolve again, audit (with the analyst's reason, if given). */
export async function mergeIncidents(
  ctx: ServiceContext,
  who: Principal,
  ids: string[],
  reason?: string,
): Promise<DecisionOutcome> {
  const by = { author: who.username, at: ctx.now().toISOString(), clearance: who.clearance };
  const outcome = await applyDecisions(ctx.store, await mergeDecisions(ctx.store, ids, by), () =>
    ctx.resolver.run(),
  );
  await auditAs(ctx, who, 'merge', outcome.incident, { ids, ...(reason ? { reason } : {}) });
  return outcome;
}

/** Take a document's report out of an incident, resolve again, audit (with the analyst's reason, if given). */
export async function splitIncident(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  documentId: string,
  reason?: string,
): Promise<DecisionOutcome> {
  const by = { author: who.username, at: ctx.now().toISOString(), clearance: who.clearance };
  const decisions = await splitDecisions(ctx.store, id, documentId, by);
  const outcome = await applyDecisions(ctx.store, decisions, () => ctx.resolver.run());
  await auditAs(ctx, who, 'split', id, {
    documentId,
    incident: outcome.incident,
    other: outcome.other,
    ...(reason ? { reason } : {}),
  });
  return outcome;
}

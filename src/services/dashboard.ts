import type { ResolvedStatement } from '../pipeline/resolution.js';
import type { IncidentDay } from '../store/listing.js';
import type { StoredAlert } from '../store/store.js';
import { acceptedEntities } from './candidates.js';
import type { Principal, ServiceContext } from './context.js';

/** The analyst's start page (docs/api.md `GET /api/dashboard`), all of it within the reader's clearance. */
export interface Dashboard {
  /** Alerts not yet acknowledged, newest first. */
  alerts: StoredAlert[];
  /** Incidents per ISO week (`2019-W11`), oldest first, for the weeks up to the latest incident. */
  incidentsPerWeek: { week: string; count: number }[];
  /** Knowledge-base groups (and groups analysts accepted from the candidates) with most incidents. */
  topGroups: { id: string; name: string; incidents: number }[];
  latestStatements: ResolvedStatement[];
}

/** How much of each part the dashboard shows. */
const ALERTS = 10;
const TOP_GROUPS = 10;
const STATEMENTS = 10;
const GROUP_KINDS = new Set(['group', 'state-body']);

/** The dashboard of what the reader may see, over `weeks` weeks up to the latest incident. */
export async function dashboard(ctx: ServiceContext, who: Principal, weeks = 26): Promise<Dashboard> {
  const clearance = who.clearance;
  const [alerts, days, actors, latestStatements] = await Promise.all([
    ctx.store.listAlerts({ clearance, unacknowledged: true, limit: ALERTS }),
    ctx.listing.incidentDays({ clearance, mainOnly: true }),
    ctx.listing.topActors({ clearance, limit: TOP_GROUPS * 5, mainOnly: true }),
    ctx.store.listStatements({ clearance, limit: STATEMENTS }),
  ]);
  const accepted = new Map((await acceptedEntities(ctx.store, clearance)).map((e) => [e.id, e]));
  const topGroups = actors.flatMap((a) => {
    const entry = ctx.resources.kb.byId.get(a.id) ?? accepted.get(a.id);
    return entry && GROUP_KINDS.has(entry.kind)
      ? [{ id: a.id, name: entry.name, incidents: a.incidents }]
      : [];
  });
  return {
    alerts,
    incidentsPerWeek: weeklyCounts(days, weeks),
    topGroups: topGroups.slice(0, TOP_GROUPS),
    latestStatements,
  };
}

/** The ISO 8601 week of a day (`2019-03-15` → `2019-W11`). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of the week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Counts per day summed per ISO week, for the `weeks` weeks that end with the week of the
 * latest day, weeks without incidents included (as 0); empty when there are no days.
 */
export function weeklyCounts(days: IncidentDay[], weeks: number): { week: string; count: number }[] {
  const last = days[days.length - 1];
  if (!last) return [];
  const perWeek = new Map<string, number>();
  for (const d of days) perWeek.set(isoWeek(d.date), (perWeek.get(isoWeek(d.date)) ?? 0) + d.count);
  const end = new Date(`${last.date}T00:00:00Z`).getTime();
  const series: { week: string; count: number }[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const week = isoWeek(new Date(end - i * 7 * 86_400_000).toISOString().slice(0, 10));
    series.push({ week, count: perWeek.get(week) ?? 0 });
  }
  return series;
}

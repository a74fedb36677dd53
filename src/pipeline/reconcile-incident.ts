import type { DatePrecision, PlaceRef } from '../doc.js';
import { nameKey } from '../text/normalize.js';
import { countValue, type ActorRef, type Count, type IncidentMention } from './extraction.js';
import type { CasualtyReport, IncidentRecord, ResolvedIncident, SourcedEvidence } from './resolution.js';
import type { IncidentCluster, MergeReason } from './resolve-incidents.js';

const PRECISION_RANK: Record<DatePrecision, number> = { day: 3, week: 2, month: 1, year: 0 };
/** Evidence kept per field: enough to check a value without carrying every report's sentence. */
const EVIDENCE_PER_FIELD = 3;

/**
 * Reconcile the fields of one incident from its reports (oldest first): the most precise date and
 * place (the one most reports agree on), the type most reports give, the union of perpetrators,
 * targets, weapons and claimants, the highest and the latest casualty figures with every report's
 * figure, and evidence from the reports the values come from.
 */
export function reconcileIncident(cluster: IncidentCluster): ResolvedIncident {
  const members = cluster.members;
  const weightOf = (r: IncidentRecord) => r.mention.confidence * (r.mention.role === 'main' ? 1 : 0.5);
  const sources = new Map<string, IncidentRecord>();

  const type = vote(members, (m) => [m.type], weightOf);
  const types = ranked(members, (m) => (m.types.length > 0 ? m.types : [m.type]), weightOf);
  const dated = members.filter((r) => r.mention.date);
  const bestPrecision = Math.max(-1, ...dated.map((r) => PRECISION_RANK[r.mention.date!.precision]));
  const dateRecord = pick(
    dated.filter((r) => PRECISION_RANK[r.mention.date!.precision] === bestPrecision),
    (m) => m.date!.value,
    weightOf,
  );
  if (dateRecord) sources.set('date', dateRecord);
  const placed = members.filter((r) => r.mention.location);
  const bestPlace = Math.max(-1, ...placed.map((r) => placeRank(r.mention.location!)));
  const placeRecord = pick(
    placed.filter((r) => placeRank(r.mention.location!) === bestPlace),
    (m) => placeKey(m.location!),
    weightOf,
  );
  if (placeRecord) sources.set('location', placeRecord);

  const killed = highest(members, (m) => m.killed);
  const wounded = highest(members, (m) => m.wounded);
  if (killed) sources.set('killed', killed);
  if (wounded) sources.set('wounded', wounded);
  const perpetratorsKilled = highest(members, (m) => m.perpetratorsKilled);
  const perpetratorsWounded = highest(members, (m) => m.perpetratorsWounded);
  const suicides = members.map((r) => r.mention.suicide).filter((s) => s !== null);

  const named = unionActors(members.map((r) => r.mention.perpetrators));
  const perpetrators = named.some((p) => p.id) ? named.filter((p) => p.id) : named;
  const casualtyReports: CasualtyReport[] = members
    .filter((r) => r.mention.killed || r.mention.wounded)
    .map((r) => {
      const report: CasualtyReport = {
        mentionId: r.mention.id,
        docId: r.source.docId,
        killed: r.mention.killed,
        wounded: r.mention.wounded,
      };
      if (r.source.publishedAt) report.publishedAt = r.source.publishedAt;
      return report;
    });
  const published = members.flatMap((r) => (r.source.publishedAt ? [r.source.publishedAt] : [])).sort();
  const incident: ResolvedIncident = {
    id: cluster.id,
    type,
    types: types.includes(type) ? [type, ...types.filter((t) => t !== type)] : [type, ...types],
    date: dateRecord?.mention.date ?? null,
    location: placeRecord?.mention.location ?? null,
    perpetrators,
    targets: unionBy(
      members.flatMap((r) => r.mention.targets),
      (t) => `${t.type}\n${nameKey(t.text)}`,
    ),
    weapons: withoutUnknown(ranked(members, (m) => m.weapons, weightOf)),
    killed: killed?.mention.killed ?? null,
    wounded: wounded?.mention.wounded ?? null,
    killedLatest: latest(members, (m) => m.killed),
    woundedLatest: latest(members, (m) => m.wounded),
    perpetratorsKilled: perpetratorsKilled?.mention.perpetratorsKilled ?? null,
    perpetratorsWounded: perpetratorsWounded?.mention.perpetratorsWounded ?? null,
    suicide: suicides.length === 0 ? null : suicides.some(Boolean),
    claimedBy: unionActors(members.map((r) => r.mention.claimedBy)),
    casualtyReports,
    role: members.some((r) => r.mention.role === 'main') ? 'main' : 'background',
    mentions: members.map((r) => r.source),
    evidence: evidenceOf(members, sources),
    mergeReasons: visibleReasons(cluster.reasons, members),
    confidence: combinedConfidence(members.map((r) => r.mention.confidence)),
  };
  if (published.length > 0) {
    incident.firstReported = published[0]!;
    incident.lastReported = published[published.length - 1]!;
  }
  return incident;
}

/** Independent reports raise confidence: 1 − Π(1 − c), capped below certainty. */
export function combinedConfidence(values: number[]): number {
  const doubt = values.reduce((p, c) => p * (1 - Math.min(c, 0.95)), 1);
  return Math.round(Math.min(0.99, 1 - doubt) * 100) / 100;
}

/** Merge reasons between reports that are both among `members` (a reader sees only what they may). */
function visibleReasons(reasons: MergeReason[], members: IncidentRecord[]): string[] {
  const docs = new Set(members.map((r) => r.source.docId));
  return reasons
    .filter((r) => docs.has(r.docIds[0]) && docs.has(r.docIds[1]))
    .map((r) => `${r.docIds[0]} ~ ${r.docIds[1]}: ${r.text}`);
}

function placeRank(p: PlaceRef): number {
  if (p.city) return p.approximate ? 2 : 3;
  return p.admin1 ? 1 : 0;
}

function placeKey(p: PlaceRef): string {
  return p.geonamesId !== undefined
    ? String(p.geonamesId)
    : `${p.countryCode}\n${nameKey(p.city ?? p.admin1 ?? '')}`;
}

/** The record whose value (by `key`) has the most weight; ties go to the earliest report. */
function pick(
  records: IncidentRecord[],
  key: (m: IncidentMention) => string,
  weightOf: (r: IncidentRecord) => number,
): IncidentRecord | undefined {
  const totals = new Map<string, { weight: number; first: IncidentRecord }>();
  for (const r of records) {
    const k = key(r.mention);
    const t = totals.get(k);
    if (t) t.weight += weightOf(r);
    else totals.set(k, { weight: weightOf(r), first: r });
  }
  let best: { weight: number; first: IncidentRecord } | undefined;
  for (const t of totals.values()) if (!best || t.weight > best.weight + 1e-9) best = t;
  return best?.first;
}

function ranked(
  records: IncidentRecord[],
  values: (m: IncidentMention) => string[],
  weightOf: (r: IncidentRecord) => number,
): string[] {
  const totals = new Map<string, number>();
  for (const r of records)
    for (const v of new Set(values(r.mention))) totals.set(v, (totals.get(v) ?? 0) + weightOf(r));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

function vote(
  records: IncidentRecord[],
  values: (m: IncidentMention) => string[],
  weightOf: (r: IncidentRecord) => number,
): string {
  const known = ranked(records, values, weightOf).filter((t) => t !== 'Unknown');
  return known[0] ?? 'Unknown';
}

function withoutUnknown(values: string[]): string[] {
  const known = values.filter((v) => v !== 'Unknown');
  return known.length > 0 ? known : values;
}

/** The report with the highest figure (ties: the earliest). */
function highest(
  records: IncidentRecord[],
  count: (m: IncidentMention) => Count | null,
): IncidentRecord | undefined {
  let best: IncidentRecord | undefined;
  let bestValue = -1;
  for (const r of records) {
    const v = countValue(count(r.mention));
    if (v !== undefined && v > bestValue) {
      best = r;
      bestValue = v;
    }
  }
  return best;
}

/** The figure of the latest main report that gives one, else of the latest report. */
function latest(records: IncidentRecord[], count: (m: IncidentMention) => Count | null): Count | null {
  const withFigure = records.filter((r) => count(r.mention));
  const main = withFigure.filter((r) => r.mention.role === 'main');
  const pool = main.length > 0 ? main : withFigure;
  const last = pool[pool.length - 1];
  return last ? count(last.mention) : null;
}

function unionActors<T extends ActorRef>(lists: T[][]): T[] {
  const counts = new Map<string, { actor: T; n: number }>();
  for (const list of lists)
    for (const a of list) {
      const key = a.id ?? `name:${nameKey(a.name)}`;
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { actor: a, n: 1 });
    }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.actor);
}

function unionBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const t of items) if (!seen.has(key(t))) seen.set(key(t), t);
  return [...seen.values()];
}

/** Per field: evidence from the report the value came from first, then from the other reports, a few each. */
function evidenceOf(members: IncidentRecord[], sources: Map<string, IncidentRecord>): SourcedEvidence[] {
  const out: SourcedEvidence[] = [];
  const perField = new Map<string, number>();
  const seen = new Set<string>();
  const add = (r: IncidentRecord, field?: string) => {
    for (const e of r.mention.evidence) {
      if (field && e.field !== field) continue;
      const key = `${r.source.docId}\n${e.field}\n${e.start}`;
      const n = perField.get(e.field) ?? 0;
      if (seen.has(key) || n >= EVIDENCE_PER_FIELD) continue;
      seen.add(key);
      perField.set(e.field, n + 1);
      out.push({ ...e, docId: r.source.docId });
    }
  };
  for (const [field, r] of sources) add(r, field);
  for (const r of members) add(r);
  return out;
}

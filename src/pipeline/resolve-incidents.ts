import { createHash } from 'node:crypto';
import {
  compareIncidents,
  distanceKm,
  incidentFeatures,
  isSiege,
  MERGE_THRESHOLD,
  NEARBY_KM,
  SIEGE_DAYS,
  typesCompatible,
  type IncidentFeatures,
  type WordWeight,
} from './incident-similarity.js';
import type { IncidentRecord, ResolutionDecision } from './resolution.js';

/** Why two reports were put together: the two documents and the reasons in words. */
export interface MergeReason {
  docIds: [string, string];
  text: string;
}

/** A group of incident mentions that report one incident. */
export interface IncidentCluster {
  /** Stable id: derived from the earliest report, so it survives new reports and re-resolution. */
  id: string;
  members: IncidentRecord[];
  reasons: MergeReason[];
}

/** What the clusters know of their members, to refuse merges that would join different incidents. */
interface ClusterSummary {
  members: IncidentFeatures[];
  docs: Set<string>;
  countries: Set<string>;
  cities: Map<string, { lat: number; lon: number } | undefined>;
  /** The latest start and earliest end of the members' dates: they must overlap (one day of slack). */
  latestStart: number;
  earliestEnd: number;
  reasons: MergeReason[];
}

/**
 * Group incident mentions from many documents into incidents (DESIGN.md "resolve"). Reports are
 * compared within blocks (same country, overlapping dates; undated reports with the same city), the
 * best-scoring pairs are merged first, and a merge is refused when it would put two cities,
 * two countries, dates more than a day apart, or two incidents of one document into one incident.
 * Analysts' decisions win: `merge` joins two mentions whatever their fields; `split` keeps them apart.
 */
export function clusterIncidents(
  records: IncidentRecord[],
  decisions: ResolutionDecision[] = [],
  invoked: Set<string> = new Set(),
  groupFamily: (id: string) => string[] = (id) => [id],
): IncidentCluster[] {
  const features = records.map((r) => incidentFeatures(r, groupFamily));
  const weight = wordWeights(features);
  const index = new Map(features.map((f, i) => [f.record.mention.id, i]));
  const parent = features.map((_, i) => i);
  const summaries = new Map<number, ClusterSummary>(features.map((f, i) => [i, summaryOf(f)]));
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union: Union = (i, j, reason) => {
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) return;
    parent[rj] = ri;
    const merged = mergeSummaries(summaries.get(ri)!, summaries.get(rj)!);
    if (reason) merged.reasons.push(reason);
    summaries.set(ri, merged);
    summaries.delete(rj);
  };

  const { mustLink, cannotLink } = decisionPairs(decisions);
  for (const [a, b] of mustLink) {
    const [i, j] = [index.get(a), index.get(b)];
    if (i === undefined || j === undefined) continue;
    const docs: [string, string] = [features[i]!.record.source.docId, features[j]!.record.source.docId];
    union(i, j, { docIds: docs, text: 'merged by an analyst' });
  }
  const separated = (x: ClusterSummary, y: ClusterSummary): boolean => {
    const [small, large] = x.members.length <= y.members.length ? [x, y] : [y, x];
    const ids = new Set(large.members.map((m) => m.record.mention.id));
    return small.members.some((m) =>
      [...(cannotLink.get(m.record.mention.id) ?? [])].some((id) => ids.has(id)),
    );
  };

  const pairs = candidatePairs(features)
    .map(([i, j]) => ({ i, j, cmp: compareIncidents(features[i]!, features[j]!, weight) }))
    .filter((p) => p.cmp.score >= threshold(features[p.i]!, features[p.j]!))
    .sort((p, q) => q.cmp.score - p.cmp.score || p.i - q.i || p.j - q.j);
  for (const { i, j, cmp } of pairs) {
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) continue;
    const [x, y] = [summaries.get(ri)!, summaries.get(rj)!];
    if (!compatible(x, y) || separated(x, y)) continue;
    const docs: [string, string] = [features[i]!.record.source.docId, features[j]!.record.source.docId];
    union(i, j, { docIds: docs, text: cmp.reasons.join('; ') });
  }

  attachLoneMentions(features, summaries, find, union, separated, recollectionRule(invoked));
  attachLoneMentions(features, summaries, find, union, separated, undatedReportRule);

  return [...summaries.values()]
    .map((s) => {
      const members = s.members.map((f) => f.record).sort(byReportOrder);
      return { id: incidentId(members[0]!.mention.id), members, reasons: s.reasons };
    })
    .sort((a, b) => byReportOrder(a.members[0]!, b.members[0]!));
}

type Union = (i: number, j: number, reason?: MergeReason) => void;

/** How a mention left alone after the pairwise merges may still join an incident. */
interface LoneMentionRule {
  /** Whether the lone mention is one this rule looks at. */
  applies(f: IncidentFeatures): boolean;
  /** Whether an incident (with a main report, not of the mention's own document) may take it. */
  accepts(f: IncidentFeatures, s: ClusterSummary): boolean;
  /** The incident it joins among those accepted, if one stands out. */
  choose(candidates: [number, ClusterSummary][]): number | undefined;
  reason(f: IncidentFeatures): string;
}

function attachLoneMentions(
  features: IncidentFeatures[],
  summaries: Map<number, ClusterSummary>,
  find: (i: number) => number,
  union: Union,
  separated: (x: ClusterSummary, y: ClusterSummary) => boolean,
  rule: LoneMentionRule,
): void {
  features.forEach((f, i) => {
    const own = find(i);
    if (summaries.get(own)!.members.length > 1 || !rule.applies(f)) return;
    // An analyst's split keeps a lone report out of the incident it was split from.
    const candidates = [...summaries].filter(
      ([root, s]) =>
        root !== own &&
        !s.docs.has(f.record.source.docId) &&
        !separated(summaries.get(own)!, s) &&
        s.members.some((m) => m.record.mention.role === 'main') &&
        rule.accepts(f, s),
    );
    const chosen = rule.choose(candidates);
    if (chosen === undefined) return;
    const other = summaries.get(chosen)!.members[0]!;
    union(chosen, i, { docIds: [other.record.source.docId, f.record.source.docId], text: rule.reason(f) });
  });
}

/**
 * A recollection in a later report ("the attack on two mosques in Christchurch last month", or an
 * incident a call for revenge invokes: `invoked` holds their mention ids), left
 * alone because it gives no day, joins the most widely reported earlier incident of its place
 * (city, else country) — when one stands out — and of a compatible type.
 */
function recollectionRule(invoked: Set<string>): LoneMentionRule {
  return {
    applies: (f) =>
      (f.record.mention.role === 'background' || invoked.has(f.record.mention.id)) &&
      !f.dayPrecise &&
      !!f.country,
    accepts: (f, s) => {
      if (!s.countries.has(f.country!) || (f.city && !s.cities.has(f.city))) return false;
      if (f.reportDay !== undefined && s.latestStart > f.reportDay) return false;
      if (f.dates && (s.latestStart > f.dates[1] || s.earliestEnd < f.dates[0])) return false;
      const type = f.record.mention.type;
      return type === 'Unknown' || s.members.some((m) => m.types.has(type));
    },
    choose: (candidates) => {
      const [best, second] = candidates.sort((a, b) => b[1].docs.size - a[1].docs.size);
      return best && !(second && second[1].docs.size === best[1].docs.size) ? best[0] : undefined;
    },
    reason: (f) =>
      `recalled later in ${f.record.mention.location?.city ?? f.record.mention.location?.country}`,
  };
}

/** Days before its publication in which an undated report's incident is looked for. */
const RECENT_REPORT_DAYS = 7;

/**
 * A report that gives no date for its incident ("Islamic State claimed the attacks in Paris that
 * killed 129") reports a recent one: left alone, it joins the incident of its city (or a place
 * beside it) and of a compatible type dated in the week before it was published — when there is
 * exactly one.
 */
const undatedReportRule: LoneMentionRule = {
  applies: (f) => !f.dates && !!f.city && f.reportDay !== undefined,
  accepts: (f, s) =>
    (s.cities.has(f.city!) ||
      // "the bombings at Brussels airport" and Zaventem, where the airport is.
      s.members.some((m) => !!m.coords && !!f.coords && distanceKm(m.coords, f.coords) <= NEARBY_KM)) &&
    s.earliestEnd <= f.reportDay! &&
    s.latestStart >= f.reportDay! - RECENT_REPORT_DAYS &&
    s.members.some((m) => typesCompatible(f, m)),
  choose: (candidates) => (candidates.length === 1 ? candidates[0]![0] : undefined),
  reason: (f) =>
    `undated report of the one incident in ${f.record.mention.location?.city} in the week before it`,
};

/**
 * Reports without a date must agree on more (place, type, words) to be merged: a little more when
 * the undated report came out within three days of the dated incident, more within a fortnight,
 * much more otherwise.
 */
function threshold(a: IncidentFeatures, b: IncidentFeatures): number {
  if (a.dates && b.dates) return MERGE_THRESHOLD;
  const dated = a.dates ? a : b.dates ? b : undefined;
  const undated = dated === a ? b : a;
  const after =
    dated?.dates !== undefined && undated.reportDay !== undefined
      ? undated.reportDay - dated.dates[1]
      : Number.NaN;
  if (after >= 0 && after <= 3) return MERGE_THRESHOLD + 0.5;
  return MERGE_THRESHOLD + (after >= 0 && after <= 14 ? 1 : 2.5);
}

/** Id of a resolved incident from the mention id of its earliest report. */
export function incidentId(anchorMentionId: string): string {
  return `inc-${createHash('sha256').update(anchorMentionId).digest('hex').slice(0, 16)}`;
}

/** Oldest report first; main reports before recollections; then by mention id, for a stable order. */
export function byReportOrder(a: IncidentRecord, b: IncidentRecord): number {
  const pa = a.source.publishedAt ?? '9999';
  const pb = b.source.publishedAt ?? '9999';
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.mention.role !== b.mention.role) return a.mention.role === 'main' ? -1 : 1;
  return a.mention.id < b.mention.id ? -1 : a.mention.id > b.mention.id ? 1 : 0;
}

/** Rare words weigh more: log(1 + N / document frequency) over the reports being resolved. */
function wordWeights(features: IncidentFeatures[]): WordWeight {
  const df = new Map<string, number>();
  for (const f of features) for (const w of f.words.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = features.length;
  return (w) => Math.log(1 + n / (df.get(w) ?? 1));
}

/**
 * Pairs worth comparing: within a country, reports whose dates overlap (a day of slack), found by
 * a sweep over dates sorted by start; undated reports against the reports of the same city.
 */
function candidatePairs(features: IncidentFeatures[]): [number, number][] {
  const byCountry = new Map<string, number[]>();
  features.forEach((f, i) => {
    if (!f.country) return;
    const list = byCountry.get(f.country);
    if (list) list.push(i);
    else byCountry.set(f.country, [i]);
  });
  const pairs: [number, number][] = [];
  for (const group of byCountry.values()) {
    const dated = group
      .filter((i) => features[i]!.dates)
      .sort((i, j) => features[i]!.dates![0] - features[j]!.dates![0]);
    for (let x = 0; x < dated.length; x++) {
      const end = features[dated[x]!]!.dates![1];
      for (let y = x + 1; y < dated.length && features[dated[y]!]!.dates![0] <= end + SIEGE_DAYS; y++)
        pairs.push([dated[x]!, dated[y]!]);
    }
    const byCity = new Map<string, number[]>();
    for (const i of group) {
      const city = features[i]!.city;
      if (!city) continue;
      const list = byCity.get(city);
      if (list) list.push(i);
      else byCity.set(city, [i]);
    }
    for (const i of group) {
      const f = features[i]!;
      if (f.dates || !f.city) continue;
      for (const j of byCity.get(f.city)!) if (j !== i && (features[j]!.dates || j > i)) pairs.push([i, j]);
    }
  }
  return pairs;
}

function summaryOf(f: IncidentFeatures): ClusterSummary {
  return {
    members: [f],
    docs: new Set([f.record.source.docId]),
    countries: new Set(f.country ? [f.country] : []),
    cities: new Map(f.city ? [[f.city, f.coords]] : []),
    latestStart: f.dates ? f.dates[0] : -Infinity,
    earliestEnd: f.dates ? f.dates[1] : Infinity,
    reasons: [],
  };
}

function mergeSummaries(x: ClusterSummary, y: ClusterSummary): ClusterSummary {
  return {
    members: [...x.members, ...y.members],
    docs: new Set([...x.docs, ...y.docs]),
    countries: new Set([...x.countries, ...y.countries]),
    cities: new Map([...x.cities, ...y.cities]),
    latestStart: Math.max(x.latestStart, y.latestStart),
    earliestEnd: Math.min(x.earliestEnd, y.earliestEnd),
    reasons: [...x.reasons, ...y.reasons],
  };
}

/** Whether two clusters may be one incident: no shared document, one country, one place, one date. */
function compatible(x: ClusterSummary, y: ClusterSummary): boolean {
  for (const d of y.docs) if (x.docs.has(d)) return false;
  if (new Set([...x.countries, ...y.countries]).size > 1) return false;
  const slack = x.members.some(isSiege) || y.members.some(isSiege) ? SIEGE_DAYS : 1;
  if (Math.max(x.latestStart, y.latestStart) - Math.min(x.earliestEnd, y.earliestEnd) > slack) return false;
  let nearby = false;
  for (const [city, at] of x.cities)
    for (const [other, at2] of y.cities) {
      if (city === other) continue;
      if (!(at && at2 && distanceKm(at, at2) < NEARBY_KM)) return false;
      nearby = true;
    }
  // Two places near each other (a city and its suburb) are one incident only on one day.
  return !nearby || Math.max(x.latestStart, y.latestStart) === Math.min(x.earliestEnd, y.earliestEnd);
}

/** Analysts' decisions as pairs; a later decision about the same two mentions wins. */
function decisionPairs(decisions: ResolutionDecision[]): {
  mustLink: [string, string][];
  cannotLink: Map<string, Set<string>>;
} {
  const latest = new Map<string, ResolutionDecision>();
  for (const d of [...decisions].sort((p, q) =>
    p.createdAt < q.createdAt ? -1 : p.createdAt > q.createdAt ? 1 : 0,
  ))
    latest.set(d.a < d.b ? `${d.a}\n${d.b}` : `${d.b}\n${d.a}`, d);
  const mustLink: [string, string][] = [];
  const cannotLink = new Map<string, Set<string>>();
  const addCannot = (a: string, b: string) => {
    const set = cannotLink.get(a);
    if (set) set.add(b);
    else cannotLink.set(a, new Set([b]));
  };
  for (const d of latest.values()) {
    if (d.kind === 'merge') mustLink.push([d.a, d.b]);
    else {
      addCannot(d.a, d.b);
      addCannot(d.b, d.a);
    }
  }
  return { mustLink, cannotLink };
}

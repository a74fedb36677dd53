import { createHash } from 'node:crypto';
import { nameKey, tokenizeWords } from '../text/normalize.js';
import { dateRange, dayNumber } from './date-range.js';
import type { ActorRef, StatementMention } from './extraction.js';
import { combinedConfidence } from './reconcile-incident.js';
import type { ResolvedStatement, SourcedEvidence, StatementRecord } from './resolution.js';

/** Reports of one statement are published within this many days of each other. */
const SAME_STATEMENT_DAYS = 7;
const EVIDENCE_PER_FIELD = 3;

/** Statement mentions that report one statement. */
export interface StatementCluster {
  id: string;
  members: StatementRecord[];
}

/**
 * Group statement mentions from many documents into statements: the same type by the same
 * speaker or organisation within a week, with the same quoted words, or about the same incident,
 * or on the same day when neither report quotes it. Two reports that quote different words, or
 * that refer to different incidents, stay two statements.
 *
 * @param incidentOf maps an incident mention id to its resolved incident id.
 */
export function clusterStatements(
  records: StatementRecord[],
  incidentOf: (mentionId: string) => string | undefined,
): StatementCluster[] {
  const items = records.map((r) => ({
    record: r,
    day: statementDay(r),
    quote: r.mention.quote ? quoteWords(r.mention.quote) : undefined,
    refers: new Set(r.mention.refersTo.flatMap((id) => incidentOf(id) ?? [])),
    key: `${r.mention.type}\n${actorKey(r.mention)}`,
  }));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.key.endsWith('\n')) return; // no speaker, organisation or outlet: too little to match on
    const g = groups.get(it.key);
    if (g) g.push(i);
    else groups.set(it.key, [i]);
  });
  for (const group of groups.values()) {
    group.sort((i, j) => (items[i]!.day ?? 0) - (items[j]!.day ?? 0));
    for (let x = 0; x < group.length; x++)
      for (let y = x + 1; y < group.length; y++) {
        const [a, b] = [items[group[x]!]!, items[group[y]!]!];
        if (a.day !== undefined && b.day !== undefined && b.day - a.day > SAME_STATEMENT_DAYS) break;
        if (a.record.source.docId === b.record.source.docId) continue;
        if (sameStatement(a, b)) parent[find(group[y]!)] = find(group[x]!);
      }
  }
  const clusters = new Map<number, StatementRecord[]>();
  items.forEach((it, i) => {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(it.record);
    else clusters.set(root, [it.record]);
  });
  return [...clusters.values()].map((members) => {
    members.sort(
      (a, b) =>
        (a.source.publishedAt ?? '9999').localeCompare(b.source.publishedAt ?? '9999') ||
        a.mention.id.localeCompare(b.mention.id),
    );
    return { id: statementId(members[0]!.mention.id), members };
  });
}

interface Item {
  day: number | undefined;
  quote: Set<string> | undefined;
  refers: Set<string>;
}

function sameStatement(a: Item, b: Item): boolean {
  if (a.refers.size > 0 && b.refers.size > 0 && ![...a.refers].some((r) => b.refers.has(r))) return false;
  if (a.quote && b.quote) return jaccard(a.quote, b.quote) >= 0.5;
  if (a.refers.size > 0 && b.refers.size > 0) return true;
  return a.day !== undefined && a.day === b.day;
}

/** Id of a resolved statement from the mention id of its earliest report. */
export function statementId(anchorMentionId: string): string {
  return `stm-${createHash('sha256').update(anchorMentionId).digest('hex').slice(0, 16)}`;
}

/** Who made the statement, as a key: the organisation, else the speaker, else the outlet. */
function actorKey(m: StatementMention): string {
  const ref = m.organization ?? m.speaker ?? m.outlet;
  if (!ref) return '';
  return ref.id ?? `name:${nameKey(ref.name)}`;
}

function statementDay(r: StatementRecord): number | undefined {
  const range = r.mention.date?.precision === 'day' ? dateRange(r.mention.date) : undefined;
  if (range) return range[0];
  const published = r.source.publishedAt ? dayNumber(r.source.publishedAt) : Number.NaN;
  return Number.isNaN(published) ? undefined : published;
}

function quoteWords(quote: string): Set<string> {
  return new Set(
    tokenizeWords(quote)
      .map((w) => nameKey(quote.slice(w.start, w.end)))
      .filter((w) => w.length >= 3),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Reconcile one statement from its reports: the fields most reports give (the speaker, outlet
 * and platform that any report names), the longest quote, the most precise date, the incidents any
 * report refers to or the statement invokes (`invoked`), and a few evidence sentences per field.
 */
export function reconcileStatement(
  cluster: StatementCluster,
  incidentOf: (mentionId: string) => string | undefined,
  invoked: string[] = [],
): ResolvedStatement {
  const ms = cluster.members.map((r) => r.mention);
  const first = <T>(get: (m: StatementMention) => T | null): T | null => {
    for (const m of ms) {
      const v = get(m);
      if (v !== null) return v;
    }
    return null;
  };
  const quotes = ms.flatMap((m) => (m.quote ? [m.quote] : [])).sort((a, b) => b.length - a.length);
  const dated = ms.filter((m) => m.date);
  const rank = { day: 3, week: 2, month: 1, year: 0 } as const;
  dated.sort((a, b) => rank[b.date!.precision] - rank[a.date!.precision]);
  const evidence: SourcedEvidence[] = [];
  const perField = new Map<string, number>();
  for (const r of cluster.members)
    for (const e of r.mention.evidence) {
      const n = perField.get(e.field) ?? 0;
      if (n >= EVIDENCE_PER_FIELD) continue;
      perField.set(e.field, n + 1);
      evidence.push({ ...e, docId: r.source.docId });
    }
  return {
    id: cluster.id,
    type: ms[0]!.type,
    speaker: bestActor(ms.map((m) => m.speaker)),
    organization: bestActor(ms.map((m) => m.organization)),
    outlet: bestActor(ms.map((m) => m.outlet)),
    platform: bestActor(ms.map((m) => m.platform)),
    medium: first((m) => m.medium),
    date: dated[0]?.date ?? null,
    quote: quotes[0] ?? null,
    refersTo: [
      ...new Set([...ms.flatMap((m) => m.refersTo.flatMap((id) => incidentOf(id) ?? [])), ...invoked]),
    ],
    mentions: cluster.members.map((r) => r.source),
    evidence,
    confidence: combinedConfidence(ms.map((m) => m.confidence)),
  };
}

/** A knowledge-base actor over an unnamed one; the one most reports name. */
function bestActor(refs: (ActorRef | null)[]): ActorRef | null {
  const known = refs.filter((r): r is ActorRef => r !== null);
  if (known.length === 0) return null;
  const counts = new Map<string, { ref: ActorRef; n: number }>();
  for (const r of known) {
    const key = r.id ?? `name:${nameKey(r.name)}`;
    const c = counts.get(key);
    if (c) c.n += r.id ? 2 : 1;
    else counts.set(key, { ref: r, n: r.id ? 2 : 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.ref;
}

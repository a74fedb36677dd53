import type { PlaceRef } from '../doc.js';
import { nameKey } from '../text/normalize.js';
import { clearanceViews, type ClearanceView } from './clearance-views.js';
import { dayNumber } from './date-range.js';
import type { ActorRef, Evidence } from './extraction.js';
import { combinedConfidence, reconcileIncident } from './reconcile-incident.js';
import type {
  CandidateEntity,
  ExtractionRecord,
  IncidentRecord,
  MentionSource,
  ResolutionDecision,
  ResolvedIncident,
  ResolvedLink,
  ResolvedStatement,
  SourcedEvidence,
  StatementRecord,
} from './resolution.js';
import { clusterIncidents } from './resolve-incidents.js';
import { clusterStatements, reconcileStatement } from './resolve-statements.js';
import { matchEventText } from './match-event-text.js';

/** A resolved object with the mentions it was built from and what each clearance sees of it. */
export interface Resolved<T> {
  id: string;
  members: { mentionId: string; docId: string }[];
  views: ClearanceView<T>[];
}

/** Everything resolution produces, per clearance level, ready to store. */
export interface ResolutionViews {
  incidents: Resolved<ResolvedIncident>[];
  statements: Resolved<ResolvedStatement>[];
  links: ClearanceView<ResolvedLink>[];
  candidates: ClearanceView<CandidateEntity>[];
}

/** Options of {@link resolveAll}. */
export interface ResolveOptions {
  /** Analysts' merge and split decisions. */
  decisions?: ResolutionDecision[];
  /** Places named in a few words ("the New Zealand attack" → New Zealand), to match links given as words. */
  placesIn?: (text: string) => PlaceRef[];
  /** A group's id and its parents' ids, so that a branch and its parent count as one perpetrator. */
  groupFamily?: (id: string) => string[];
  /** Documents an unknown actor must be named in to become a candidate entity (default 2). */
  candidateMinDocuments?: number;
}

/**
 * Cross-document resolution (DESIGN.md "resolve"): incident mentions of all documents become
 * incidents, statement mentions become statements that refer to those incidents, links are
 * carried over to the resolved objects (links given as words are matched to a stored incident
 * when the words name its place), and unknown actors named in several documents become
 * candidate entities. Pure: the same records and decisions give the same result.
 */
export function resolveAll(records: ExtractionRecord[], options: ResolveOptions = {}): ResolutionViews {
  const incidentRecords: IncidentRecord[] = [];
  const statementRecords: StatementRecord[] = [];
  for (const r of records) {
    for (const mention of r.extraction.incidents)
      incidentRecords.push({ mention, source: sourceOf(r, mention.id, mention.confidence, mention.role) });
    for (const mention of r.extraction.statements)
      statementRecords.push({ mention, source: sourceOf(r, mention.id, mention.confidence) });
  }

  // Incidents invoked as the cause of revenge are earlier events, recalled.
  const invoked = new Set(
    records.flatMap((r) => r.extraction.links.flatMap((l) => (typeof l.to === 'string' ? [l.to] : []))),
  );
  const incidentClusters = clusterIncidents(incidentRecords, options.decisions, invoked, options.groupFamily);
  const incidentByMention = new Map<string, string>();
  for (const c of incidentClusters) for (const m of c.members) incidentByMention.set(m.mention.id, c.id);
  const incidentOf = (id: string) => incidentByMention.get(id);
  const statementClusters = clusterStatements(statementRecords, incidentOf);
  const statementByMention = new Map<string, string>();
  for (const c of statementClusters) for (const m of c.members) statementByMention.set(m.mention.id, c.id);

  const incidents = incidentClusters.map((c): Resolved<ResolvedIncident> => ({
    id: c.id,
    members: c.members.map((m) => ({ mentionId: m.mention.id, docId: m.source.docId })),
    views: clearanceViews(
      c.members,
      (m) => m.source.marking,
      (visible) => reconcileIncident({ ...c, members: visible }),
    ),
  }));
  const everything = incidents.flatMap((i) => i.views.filter((v) => v.maxLevel === 4).map((v) => v.value));
  const links = resolveLinks(
    records,
    (id) => incidentByMention.get(id) ?? statementByMention.get(id),
    (text, day) =>
      options.placesIn ? matchEventText(options.placesIn(text), day, everything)?.id : undefined,
  );
  // A statement refers to the incidents its document reports with it and to those it invokes.
  const invokedBy = new Map<string, string[]>();
  for (const l of links)
    if (typeof l.to === 'string' && l.from.startsWith('stm-'))
      invokedBy.set(l.from, [...(invokedBy.get(l.from) ?? []), l.to]);
  const statements = statementClusters.map((c): Resolved<ResolvedStatement> => ({
    id: c.id,
    members: c.members.map((m) => ({ mentionId: m.mention.id, docId: m.source.docId })),
    views: clearanceViews(
      c.members,
      (m) => m.source.marking,
      (visible) => reconcileStatement({ ...c, members: visible }, incidentOf, invokedBy.get(c.id)),
    ),
  }));

  return {
    incidents,
    statements,
    links: links.flatMap((l) =>
      clearanceViews(
        l.parts,
        (p) => p.source.marking,
        (visible) => linkOf(l.from, l.to, visible),
      ),
    ),
    candidates: candidateEntities(records, options.candidateMinDocuments ?? 2),
  };
}

function sourceOf(
  r: ExtractionRecord,
  id: string,
  confidence: number,
  role?: 'main' | 'background',
): MentionSource {
  const s: MentionSource = { id, docId: r.docId, marking: r.marking, confidence };
  if (r.publishedAt) s.publishedAt = r.publishedAt;
  if (r.title) s.title = r.title;
  if (r.url) s.url = r.url;
  if (role) s.role = role;
  return s;
}

interface LinkPart {
  source: { docId: string; marking: ExtractionRecord['marking'] };
  evidence: Evidence[];
}

/** Links of all documents, carried over to resolved ids and merged when they join the same two objects. */
function resolveLinks(
  records: ExtractionRecord[],
  resolvedOf: (mentionId: string) => string | undefined,
  matchText: (text: string, beforeDay: number | undefined) => string | undefined,
): { from: string; to: string | { text: string }; parts: LinkPart[] }[] {
  const byKey = new Map<string, { from: string; to: string | { text: string }; parts: LinkPart[] }>();
  for (const r of records) {
    const day = r.publishedAt ? dayNumber(r.publishedAt) : Number.NaN;
    for (const link of r.extraction.links) {
      const from = resolvedOf(link.from);
      if (!from) continue;
      const to =
        typeof link.to === 'string'
          ? resolvedOf(link.to)
          : (matchText(link.to.text, Number.isNaN(day) ? undefined : day) ?? link.to);
      if (!to || to === from) continue;
      const key = `${from}\n${typeof to === 'string' ? to : `text:${nameKey(to.text)}`}`;
      const part = { source: { docId: r.docId, marking: r.marking }, evidence: link.evidence };
      const existing = byKey.get(key);
      if (existing) existing.parts.push(part);
      else byKey.set(key, { from, to, parts: [part] });
    }
  }
  return [...byKey.values()];
}

function linkOf(from: string, to: string | { text: string }, parts: LinkPart[]): ResolvedLink {
  const evidence: SourcedEvidence[] = parts
    .flatMap((p) => p.evidence.map((e) => ({ ...e, docId: p.source.docId })))
    .slice(0, 5);
  return {
    from,
    to,
    kind: 'retaliation-for',
    evidence,
    sources: parts.map((p) => p.source),
    confidence: combinedConfidence(parts.map(() => 0.6)),
  };
}

/** A name that reads as a proper name: every word capitalised but for particles ("Abu Bakr al-Baghdadi"). */
function properName(name: string): boolean {
  const words = name.split(/[\s]+/).filter(Boolean);
  if (words.length < 2 || words.length > 8) return false;
  if (/^(?:a|an|the|some|several|two|three|his|her|their)$/i.test(words[0]!)) return false;
  return words.every(
    (w) =>
      /^[\p{Lu}\d]/u.test(w) ||
      /^(?:al|el|bin|ibn|bint|de|of|the|and|for|van|von|du|la|le|ul|ud)(?:-|$)/i.test(w),
  );
}

/** Unknown groups and people named in at least `minDocuments` documents, for an analyst to review. */
function candidateEntities(
  records: ExtractionRecord[],
  minDocuments: number,
): ClearanceView<CandidateEntity>[] {
  const seen = new Map<
    string,
    { name: string; kind: 'group' | 'person'; sightings: { r: ExtractionRecord; evidence: Evidence[] }[] }
  >();
  const note = (
    r: ExtractionRecord,
    ref: ActorRef | null,
    kind: 'group' | 'person',
    evidence: Evidence[],
  ) => {
    if (!ref || ref.id !== null || !properName(ref.name)) return;
    const key = nameKey(ref.name);
    const entry = seen.get(key) ?? { name: ref.name, kind, sightings: [] };
    seen.set(key, entry);
    if (!entry.sightings.some((s) => s.r.docId === r.docId)) entry.sightings.push({ r, evidence });
  };
  for (const r of records) {
    for (const i of r.extraction.incidents)
      for (const p of i.perpetrators)
        if (p.kind === 'group')
          note(
            r,
            p,
            'group',
            i.evidence.filter((e) => e.field === 'perpetrators'),
          );
    for (const s of r.extraction.statements) {
      note(r, s.organization, 'group', s.evidence.slice(0, 1));
      note(r, s.speaker, 'person', s.evidence.slice(0, 1));
    }
  }
  const out: ClearanceView<CandidateEntity>[] = [];
  for (const [key, entry] of [...seen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (entry.sightings.length < minDocuments) continue;
    out.push(
      ...clearanceViews(
        entry.sightings,
        (s) => s.r.marking,
        (visible): CandidateEntity | undefined => {
          if (visible.length < minDocuments) return undefined;
          const dates = visible.flatMap((s) => (s.r.publishedAt ? [s.r.publishedAt] : [])).sort();
          const candidate: CandidateEntity = {
            key,
            name: entry.name,
            kind: entry.kind,
            docIds: visible.map((s) => s.r.docId),
            evidence: visible
              .flatMap((s) => s.evidence.slice(0, 1).map((e) => ({ ...e, docId: s.r.docId })))
              .slice(0, 5),
          };
          if (dates.length > 0) {
            candidate.firstSeen = dates[0]!;
            candidate.lastSeen = dates[dates.length - 1]!;
          }
          return candidate;
        },
      ),
    );
  }
  return out;
}

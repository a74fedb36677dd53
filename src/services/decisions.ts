import { AppError } from '../errors.js';
import type { ResolutionDecision, ResolvedIncident } from '../pipeline/resolution.js';
import type { Store } from '../store/store.js';
import type { ResolveSummary } from './resolve.js';

/** Who decided, when, and what the decider may see (the reports of incidents above it are not theirs to move). */
export interface Decider {
  author: string;
  at: string;
  /** The decider's clearance (0 = TLP:CLEAR … 4 = TLP:RED; all when left out, as on the command line). */
  clearance?: number;
}

/** What a merge or split did once resolution ran again. */
export interface DecisionOutcome {
  kind: 'merge' | 'split';
  decisions: ResolutionDecision[];
  /** The incident the first report now belongs to (the merged one, or the one split off). */
  incident?: string;
  /** For a split: the incident the other reports stay in. */
  other?: string;
  summary: ResolveSummary;
}

/** An incident the decider may see, or `incident_not_found` (404). */
export async function incidentFor(store: Store, id: string, clearance?: number): Promise<ResolvedIncident> {
  const incident = await store.getIncident(id, clearance);
  if (!incident) throw new AppError('incident_not_found', 404, `no incident ${id}`);
  return incident;
}

/**
 * An analyst's decision that incidents are one: every report of the first is paired with every
 * report of the others (only reports the decider may see). Needs two or more ids (`merge_needs_two`).
 */
export async function mergeDecisions(
  store: Store,
  ids: string[],
  by: Decider,
): Promise<ResolutionDecision[]> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new AppError('merge_needs_two', 400, 'merge needs at least two incident ids');
  const incidents = await Promise.all(unique.map((id) => incidentFor(store, id, by.clearance)));
  const [first, ...rest] = incidents;
  return rest.flatMap((other) =>
    first!.mentions.flatMap((a) =>
      other.mentions.map((b): ResolutionDecision => ({
        kind: 'merge',
        a: a.id,
        b: b.id,
        author: by.author,
        createdAt: by.at,
      })),
    ),
  );
}

/**
 * An analyst's decision that a document's report is not about an incident: each of its reports
 * is split from each of the incident's other reports. The document must report the incident
 * (`split_not_member`, 400) and not be its only source (`split_last_report`, 409).
 */
export async function splitDecisions(
  store: Store,
  id: string,
  documentId: string,
  by: Decider,
): Promise<ResolutionDecision[]> {
  const incident = await incidentFor(store, id, by.clearance);
  const out = incident.mentions.filter((m) => m.docId === documentId);
  if (out.length === 0)
    throw new AppError('split_not_member', 400, `document ${documentId} is not a report of ${id}`);
  const stay = incident.mentions.filter((m) => m.docId !== documentId);
  if (stay.length === 0)
    throw new AppError('split_last_report', 409, `${id} has no other report to split from`);
  return out.flatMap((a) =>
    stay.map((b): ResolutionDecision => ({
      kind: 'split',
      a: a.id,
      b: b.id,
      author: by.author,
      createdAt: by.at,
    })),
  );
}

/**
 * Record decisions (kept across re-resolution; a later merge undoes a split and back), resolve
 * again with `resolve` so that they take effect, and tell where the reports ended up.
 */
export async function applyDecisions(
  store: Store,
  decisions: ResolutionDecision[],
  resolve: () => Promise<ResolveSummary>,
): Promise<DecisionOutcome> {
  const first = decisions[0];
  if (!first) throw new AppError('nothing_to_decide', 400, 'the incidents have no reports to decide on');
  await store.addResolutionDecisions(decisions);
  const summary = await resolve();
  const incident = await store.incidentOfMention(first.a);
  const other = first.kind === 'split' ? await store.incidentOfMention(first.b) : undefined;
  return {
    kind: first.kind,
    decisions,
    ...(incident ? { incident } : {}),
    ...(other ? { other } : {}),
    summary,
  };
}

import type { Mention } from '../doc.js';
import type { ResolvedIncident } from '../pipeline/resolution.js';
import type { ApiToken, User } from '../store/accounts.js';
import type { StoredAlert, StoreStats } from '../store/store.js';
import type { CandidateDecision } from '../pipeline/candidate-decisions.js';
import type { CandidateOutcome } from '../services/candidates.js';
import type { Dashboard } from '../services/dashboard.js';
import type { DecisionOutcome } from '../services/decisions.js';
import type { DocumentView } from '../services/documents.js';

/** An account as the API shows it: never its password hash, failures or lock. */
export function toUserResponse(u: User) {
  return {
    username: u.username,
    role: u.role,
    clearance: u.clearance,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    ...(u.updatedAt ? { updatedAt: u.updatedAt } : {}),
    ...(u.lastLoginAt ? { lastLoginAt: u.lastLoginAt } : {}),
  };
}

/** An API token as listed (its secret is never stored, so never shown again). */
export function toTokenResponse(t: ApiToken) {
  return {
    id: t.id,
    username: t.username,
    name: t.name,
    scopes: t.scopes,
    createdAt: t.createdAt,
    ...(t.lastUsedAt ? { lastUsedAt: t.lastUsedAt } : {}),
    ...(t.revokedAt ? { revokedAt: t.revokedAt } : {}),
  };
}

/** A resolved incident as lists show it: its fields and reporting documents, without evidence. */
export function toIncidentSummary(i: ResolvedIncident) {
  const documents = new Map(i.mentions.map((m) => [m.docId, { id: m.docId, title: m.title ?? null }]));
  return {
    id: i.id,
    type: i.type,
    types: i.types,
    date: i.date,
    location: i.location,
    perpetrators: i.perpetrators,
    claimedBy: i.claimedBy,
    weapons: i.weapons,
    killed: i.killed,
    wounded: i.wounded,
    role: i.role,
    confidence: i.confidence,
    mentionCount: i.mentions.length,
    documents: [...documents.values()],
    ...(i.firstReported ? { firstReported: i.firstReported } : {}),
    ...(i.lastReported ? { lastReported: i.lastReported } : {}),
  };
}

/** An alert without its subject key and webhook deliveries (configuration, not the analyst's business). */
export function toAlertResponse(a: StoredAlert) {
  return {
    id: a.id,
    rule: a.rule,
    severity: a.severity,
    subjects: a.subjects,
    explanation: a.explanation,
    evidence: a.evidence,
    level: a.level,
    createdAt: a.createdAt,
    acknowledged: a.acknowledged,
    ...(a.eventDate ? { eventDate: a.eventDate } : {}),
    ...(a.acknowledgedBy ? { acknowledgedBy: a.acknowledgedBy } : {}),
    ...(a.acknowledgedAt ? { acknowledgedAt: a.acknowledgedAt } : {}),
  };
}

/**
 * Store counts for a reader. The counts of reviews and ingest messages are not split by marking,
 * so only readers cleared for everything (TLP:RED) get them.
 */
export function toStatsResponse(s: StoreStats, clearance: number) {
  const { reviews, messages, ...visible } = s;
  return clearance >= 4 ? { ...visible, reviews, messages } : visible;
}

/** An annotation mention: kind, offsets, text, and what it was linked to. */
export function toMentionResponse(m: Mention) {
  return {
    kind: m.kind,
    start: m.start,
    end: m.end,
    text: m.text,
    ...(m.entity ? { entity: { id: m.entity.id, name: m.entity.name, kind: m.entity.kind } } : {}),
    ...(m.place ? { place: m.place } : {}),
    ...(m.value !== undefined ? { value: m.value } : {}),
  };
}

/** A document with its text (as JSON text, never markup), extraction and annotation mentions. */
export function toDocumentDetailResponse(v: DocumentView) {
  const d = v.document;
  return {
    document: {
      id: d.id,
      source: d.source,
      marking: d.marking,
      retrievedAt: d.retrievedAt,
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
      ...(d.source.url ? { url: d.source.url } : {}),
      ...(d.byline ? { byline: d.byline } : {}),
      ...(d.language ? { language: d.language } : {}),
    },
    extraction: v.extraction,
    mentions: v.mentions.map(toMentionResponse),
  };
}

/** What a merge or split did: where the reports are now, and how many incidents there are. */
export function toDecisionResponse(o: DecisionOutcome) {
  return {
    kind: o.kind,
    decisions: o.decisions.length,
    incidents: o.summary.incidents,
    ...(o.incident ? { incident: o.incident } : {}),
    ...(o.other ? { other: o.other } : {}),
  };
}

/** A decision about a candidate, with the id of the entity it resolves the name to (none when rejected). */
export function toCandidateDecisionResponse(d: CandidateDecision) {
  return {
    key: d.key,
    name: d.name,
    decision: d.decision,
    ...(d.decision === 'accepted' ? { entityId: d.entity.id, entity: d.entity } : {}),
    ...(d.decision === 'alias' ? { entityId: d.entityId } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
    author: d.author,
    createdAt: d.createdAt,
    level: d.level,
  };
}

/** What a decision about a candidate, or its undoing, did: the decision, and the counts after resolving again. */
export function toCandidateOutcomeResponse(o: CandidateOutcome) {
  return {
    decision: toCandidateDecisionResponse(o.decision),
    incidents: o.summary.incidents,
    candidates: o.summary.candidates,
  };
}

/** The dashboard with its alerts in their API form. */
export function toDashboardResponse(d: Dashboard) {
  return { ...d, alerts: d.alerts.map(toAlertResponse) };
}

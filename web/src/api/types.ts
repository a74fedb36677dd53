/**
 * Shapes of the REST API's answers (docs/api.md). They mirror the server's response types; the
 * app reads them defensively (optional fields are optional) because the contract may grow.
 */

/** TLP markings, from most to least shareable; a clearance is an index into this list. */
export const TLP_MARKINGS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export type Tlp = (typeof TLP_MARKINGS)[number];

export type Role = 'viewer' | 'analyst' | 'admin';

export interface User {
  username: string;
  role: Role;
  /** 0 = TLP:CLEAR … 4 = TLP:RED (a marking name is accepted too). */
  clearance: number | Tlp;
  mustChangePassword?: boolean;
}

export interface Session {
  user: User;
  csrfToken: string;
}

/** A page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface DateValue {
  value: string;
  precision: 'day' | 'week' | 'month' | 'year';
}

export interface PlaceRef {
  city?: string;
  admin1?: string;
  country: string;
  countryCode: string;
  lat: number;
  lon: number;
  geonamesId?: number;
  approximate?: boolean;
}

export interface ActorRef {
  id: string | null;
  name: string;
  aliases?: string[];
  kind?: string;
  ideology?: string;
  text?: string;
}

export type Count = { value: number } | { min: number; max: number };

export interface Evidence {
  field: string;
  start: number;
  end: number;
  text: string;
  docId?: string;
}

export interface MentionSource {
  id: string;
  docId: string;
  publishedAt?: string;
  title?: string;
  url?: string;
  marking?: Tlp;
  role?: 'main' | 'background';
  confidence?: number;
}

export interface CasualtyReport {
  mentionId: string;
  docId: string;
  publishedAt?: string;
  killed: Count | null;
  wounded: Count | null;
}

/** An analyst's decision on a field. */
export interface Review {
  subjectId: string;
  field: string;
  action: ReviewAction;
  value?: unknown;
  author?: string;
  createdAt?: string;
}

export type ReviewAction = 'confirm' | 'correct' | 'reject';

/** What a review did: the document mentions it was recorded on and, for incidents, the resolved incident they now form. */
export interface ReviewOutcome {
  mentions: string[];
  incident?: string;
}

export interface Incident {
  id: string;
  type: string;
  types?: string[];
  date: DateValue | null;
  location: PlaceRef | null;
  perpetrators: ActorRef[];
  targets?: { type: string; text: string }[];
  weapons?: string[];
  killed: Count | null;
  wounded: Count | null;
  killedLatest?: Count | null;
  woundedLatest?: Count | null;
  perpetratorsKilled?: Count | null;
  perpetratorsWounded?: Count | null;
  suicide?: boolean | null;
  claimedBy?: (ActorRef & { outlet?: ActorRef })[];
  casualtyReports?: CasualtyReport[];
  role?: 'main' | 'background';
  mentions?: MentionSource[];
  /** The list endpoint gives the documents instead of the mentions. */
  documents?: { id: string; title?: string | null; url?: string; publishedAt?: string }[];
  mentionCount?: number;
  evidence?: Evidence[];
  mergeReasons?: string[];
  confidence?: number;
  firstReported?: string;
  lastReported?: string;
  reviews?: Review[];
}

/** One incident with what hangs from it. */
export interface IncidentDetail extends Incident {
  statements?: Statement[];
  chains?: Chain[];
}

export interface Statement {
  id: string;
  type: string;
  speaker: ActorRef | null;
  organization: ActorRef | null;
  outlet: ActorRef | null;
  platform: ActorRef | null;
  medium: string | null;
  date: DateValue | null;
  quote: string | null;
  refersTo: string[];
  mentions?: MentionSource[];
  evidence?: Evidence[];
  confidence?: number;
  reviews?: Review[];
}

export interface ChainNode {
  id: string;
  kind: 'incident' | 'statement' | 'events';
  date?: string;
  label: string;
  actors: string[];
  ideologies: string[];
}

export interface ChainEdge {
  from: string;
  to: string;
  kind: string;
  evidence: Evidence[];
}

export interface Chain {
  id: string;
  start?: string;
  end?: string;
  nodes: ChainNode[];
  edges: ChainEdge[];
  ideologies: string[];
}

export interface Alert {
  id: number;
  rule: string;
  severity: 'low' | 'medium' | 'high';
  subjects: string[];
  explanation: string;
  evidence?: Evidence[];
  eventDate?: string;
  createdAt: string;
  acknowledged: boolean;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
}

export interface Dashboard {
  alerts: Alert[];
  incidentsPerWeek: { week: string; count: number }[];
  topGroups: { id: string; name: string; incidents: number }[];
  latestStatements: Statement[];
}

export interface DocumentSummary {
  id: string;
  title?: string;
  publishedAt?: string;
  url?: string;
  marking?: Tlp;
}

/** An annotation of a document: a place, group, person, outlet, platform, date, quantity or quote. */
export interface Mention {
  kind: string;
  start: number;
  end: number;
  text?: string;
  entity?: { id: string; name: string; kind: string };
  place?: PlaceRef;
  /** Dates: `{value, precision}`; quantities: `{value, qualifier}`; quotes: `{inner, speaker}`. */
  value?: unknown;
}

export interface Extraction {
  id?: string;
  incidents: (Omit<Incident, 'id'> & { id: string })[];
  statements: Statement[];
  links?: { from: string; to: string | { text: string }; kind: string; evidence: Evidence[] }[];
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  source?: { kind?: string; url?: string; feed?: string; channel?: string };
  byline?: string;
  language?: string;
  retrievedAt?: string;
  extraction?: Extraction | null;
  mentions?: Mention[];
}

export interface SearchHit {
  id: string;
  title?: string;
  publishedAt?: string;
  url?: string;
  snippet: string;
  score?: number;
  marking?: Tlp;
}

/** A knowledge-base entry (data/kb): groups, outlets, platforms, people. */
export interface Entity {
  id: string;
  kind: string;
  name: string;
  aliases?: string[];
  ideology?: string;
  /** Groups: the parent group's id; outlets: the group they belong to. */
  parent?: string;
  group?: string;
  affiliates?: string[];
  gtdName?: string;
  countries?: string[];
  founded?: number;
  died?: number;
  note?: string;
  outletType?: string;
  platformType?: string;
  roles?: { role: string; group?: string; from?: number; to?: number }[];
}

/** An entity with the incidents and statements that name it. */
export interface EntityDetail extends Entity {
  incidents?: Incident[];
  statements?: Statement[];
}

export interface Stats {
  documents: number;
  incidents: number;
  statements: number;
  resolvedIncidents?: number;
  resolvedStatements?: number;
  alerts?: number;
  [key: string]: number | undefined;
}

/** What `POST /api/ingest` did when it stored and resolved at once (200). */
export interface IngestStored {
  kind: 'stored';
  read: number;
  stored: number;
  duplicates: number;
  skipped: number;
  problems: IngestProblem[];
  /** Incidents after resolving again. */
  incidents: number;
  newAlerts: number;
}

/** What `POST /api/ingest` did in queue mode (202): the documents wait for `vigil worker` processes. */
export interface IngestQueued {
  kind: 'queued';
  read: number;
  /** Jobs queued for the workers. */
  jobs: number;
  /** Documents in those jobs. */
  documents: number;
  duplicates: number;
  skipped: number;
  problems: IngestProblem[];
}

/** What `POST /api/ingest` did (see `toIngestResult` in client.ts for the answers it comes from). */
export type IngestResult = IngestStored | IngestQueued;

/** A document that could not be read or stored, and why (`source:line ruleId reason`). */
export interface IngestProblem {
  source: string;
  ruleId: string;
  reason: string;
}

/** What a merge or split did once resolution ran again. */
export interface DecisionResult {
  kind: 'merge' | 'split';
  /** The incident the first report now belongs to (the merged one, or the one split off). */
  incident?: string;
  /** For a split: the incident the other reports stay in. */
  other?: string;
  decisions: number;
  incidents: number;
}

/** An actor named in several documents that the knowledge base does not know. */
export interface Candidate {
  key: string;
  name: string;
  kind: 'group' | 'person';
  docIds: string[];
  firstSeen?: string;
  lastSeen?: string;
  evidence: Evidence[];
}

/** What an analyst decided about a candidate: a new entity, an alias of a knowledge-base entity, or not an actor. */
export type CandidateVerdict = 'accepted' | 'alias' | 'rejected';

/** An analyst's decision about a candidate (docs/api.md `POST /api/candidates/:key/decision`). */
export interface CandidateDecision {
  key: string;
  /** The candidate's name as it was listed. */
  name: string;
  decision: CandidateVerdict;
  /** The accepted entity's id, or the knowledge-base entity of an alias. */
  entityId?: string;
  entity?: { id: string; name: string; kind: 'group' | 'person'; ideology?: string; aliases: string[] };
  reason?: string;
  author: string;
  createdAt: string;
  level: number;
}

/** What the analyst sends to decide about a candidate. */
export interface CandidateDecisionInput {
  decision: CandidateVerdict;
  entityId?: string;
  name?: string;
  ideology?: string;
  aliases?: string[];
  reason?: string;
}

/** What a decision about a candidate, or its undoing, did once resolution ran again. */
export interface CandidateOutcome {
  decision: CandidateDecision;
  incidents: number;
  candidates: number;
}

/** An account, as admins see it. */
export interface Account {
  username: string;
  role: Role;
  clearance: number;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt?: string;
  lastLoginAt?: string;
}

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** An API token as listed (never its secret). */
export interface ApiToken {
  id: string;
  username: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/** One line of the audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actor?: string;
  action: string;
  target?: string;
  outcome: 'ok' | 'denied' | 'failed';
  ip?: string;
  detail?: Record<string, unknown>;
}

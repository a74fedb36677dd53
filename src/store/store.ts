import type { SourceDocument, Tlp } from '../ingest/source-document.js';
import type { CandidateDecision } from '../pipeline/candidate-decisions.js';
import type { Extraction } from '../pipeline/extraction.js';
import type {
  CandidateEntity,
  ExtractionRecord,
  ResolutionDecision,
  ResolvedIncident,
  ResolvedLink,
  ResolvedStatement,
  SourcedEvidence,
} from '../pipeline/resolution.js';
import type { ResolutionViews } from '../pipeline/resolve.js';

/** A document as stored: the source document with its id, content hash, marking and retrieval time. */
export type StoredDocument = Omit<SourceDocument, 'marking'> & {
  id: string;
  contentHash: string;
  marking: Tlp;
  retrievedAt: string;
};

/** A document to store, with its extraction. */
export interface DocumentWrite {
  document: StoredDocument;
  extraction: Extraction;
  /** Version of the pipeline that produced the extraction (for reprocessing). */
  pipelineVersion: string;
}

/** Result of writing one document. */
export interface WriteResult {
  id: string;
  /** False when a document with the same content was already stored (nothing written). */
  created: boolean;
}

/** Full-text search with filters. */
export interface SearchQuery {
  text: string;
  /** Publication date range, ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** ISO country code of an incident of the document. */
  country?: string;
  /**
   * Id of a group named in the document: a knowledge-base entity, or an entity accepted from the
   * candidates. Names that candidate decisions the reader may see resolve to it (accepted as it,
   * or made an alias of it) count, as the decisions stand when searching.
   */
  group?: string;
  /** GTD attack type of an incident of the document. */
  type?: string;
  /** Only documents a reader with this clearance may read (0 = TLP:CLEAR … 4 = TLP:RED). */
  clearance?: number;
  limit?: number;
  offset?: number;
}

/** One search hit. */
export interface SearchHit {
  id: string;
  title?: string;
  publishedAt?: string;
  url?: string;
  /** A short excerpt around the match, with the matched words in [brackets]. */
  snippet: string;
  score: number;
}

/** Counts of what the store holds. */
export interface StoreStats {
  documents: number;
  incidents: number;
  statements: number;
  links: number;
  entities: number;
  reviews: number;
  messages: number;
  /** Incidents and statements after cross-document resolution. */
  resolvedIncidents: number;
  resolvedStatements: number;
  alerts: number;
}

/** Full clearance: the store's owner on the command line sees everything (TLP:RED). */
export const FULL_CLEARANCE = 4;

/** What a reader may see: the highest TLP level they are cleared for (0 = TLP:CLEAR … 4 = TLP:RED). */
export interface Clearance {
  clearance?: number;
}

/** Filters of the resolved incident list. */
export interface IncidentQuery extends Clearance {
  /** Incident date range, ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** ISO country code. */
  country?: string;
  /** GTD attack type. */
  type?: string;
  /** Knowledge-base id of a perpetrator or claimant. */
  group?: string;
  /** Only incidents some document is about (not only recalled in passing). */
  mainOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** Filters of the resolved statement list. */
export interface StatementQuery extends Clearance {
  type?: string;
  /** Knowledge-base id of the organisation, speaker or outlet. */
  actor?: string;
  /** Id of a resolved incident the statement refers to. */
  incident?: string;
  limit?: number;
  offset?: number;
}

/** A rule that fired, with what it fired on (DESIGN.md `Alert`). */
export interface Alert {
  /** Id of the rule in the alert configuration. */
  rule: string;
  severity: 'low' | 'medium' | 'high';
  /** One alert per subject: the rule and the ids it fired on. */
  subjectKey: string;
  /** Ids of the incidents and statements the alert is about. */
  subjects: string[];
  explanation: string;
  evidence: SourcedEvidence[];
  /** Clearance needed to see the alert: the most restrictive marking of its sources. */
  level: number;
  /** Date of the event that fired the rule. */
  eventDate?: string;
  createdAt: string;
}

/** Filters of the alert list. */
export interface AlertQuery extends Clearance {
  unacknowledged?: boolean;
  /** Only alerts created at or after this ISO time (for delivering recent alerts to webhooks). */
  createdSince?: string;
  /** At most this many (default 100). */
  limit?: number;
}

/** An alert as stored. */
export interface StoredAlert extends Alert {
  id: number;
  acknowledged: boolean;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  deliveries: AlertDelivery[];
}

/** What happened when an alert was sent to a webhook. */
export interface AlertDelivery {
  target: string;
  status: 'delivered' | 'failed';
  attempts: number;
  lastError?: string;
  updatedAt: string;
}

/** An analyst's decision on one field of an incident or statement; reviews win over re-extraction. */
export interface Review {
  subjectId: string;
  field: string;
  action: 'confirm' | 'correct' | 'reject';
  value?: unknown;
  author: string;
  createdAt: string;
}

/** A problem met while ingesting, kept so that an analyst can see what was skipped and why. */
export interface StoredMessage {
  source: string;
  ruleId: string;
  reason: string;
  severity: 'error' | 'warning' | 'info';
  createdAt: string;
}

/** A feed Vigil polls. */
export interface Feed {
  url: string;
  /** Marking given to the feed's documents. */
  marking: Tlp;
  etag?: string;
  lastModified?: string;
  addedAt: string;
  polledAt?: string;
  lastError?: string;
  /** Documents stored (or queued for the workers) from the feed so far. */
  documents: number;
}

/** The outcome of one poll, saved once its documents are stored (or queued). */
export interface FeedPoll {
  etag?: string;
  lastModified?: string;
  /** Keys of the entries read in this poll. */
  newItemKeys: string[];
  documents: number;
  error?: string;
  polledAt: string;
}

/**
 * Vigil's storage (DESIGN.md "Storage and scale"). Every method is asynchronous so that the
 * PostgreSQL implementation can follow without changing callers; the contract every
 * implementation passes is `runStoreContract` in store-contract.ts.
 */
export interface Store {
  /**
   * Store documents with their extractions. Each document is written whole or not at all;
   * a document whose content hash is already stored is skipped. When the promise resolves the
   * batch is durable (it survives a crash of the process or the machine).
   */
  putDocuments(writes: DocumentWrite[]): Promise<WriteResult[]>;
  /** Whether content with this hash is stored (to skip extraction of duplicates). */
  hasContent(contentHash: string): Promise<boolean>;
  /** A document, if it exists and a reader with `clearance` (default: all) may read it. */
  getDocument(id: string, clearance?: number): Promise<StoredDocument | undefined>;
  /** The stored extraction of a document, with reviews applied (same clearance rule as getDocument). */
  getExtraction(id: string, clearance?: number): Promise<Extraction | undefined>;
  /** Documents in storage order, a page at a time (for reprocessing and exports). */
  listDocuments(after: string | undefined, limit: number): Promise<StoredDocument[]>;
  /** Replace a document's machine extraction (reprocessing); reviews are kept and still apply. */
  replaceExtraction(id: string, extraction: Extraction, pipelineVersion: string): Promise<void>;
  addReview(review: Review): Promise<void>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Keep problems met while ingesting (skipped files, bad lines, refused URLs). */
  addMessages(messages: StoredMessage[]): Promise<void>;
  /** The latest problems, newest first. */
  listMessages(limit: number): Promise<StoredMessage[]>;
  /** Add a feed (adding one twice keeps the first). Returns false when it was already there. */
  addFeed(url: string, marking: Tlp, addedAt: string): Promise<boolean>;
  listFeeds(): Promise<Feed[]>;
  /** Keys of a feed's entries already read. */
  feedItemKeys(url: string): Promise<Set<string>>;
  saveFeedPoll(url: string, poll: FeedPoll): Promise<void>;
  /** Counts of what a reader with `clearance` (default: all) may see. */
  stats(clearance?: number): Promise<StoreStats>;

  /** Every document's extraction (reviews applied) with its date and marking, a page at a time, for resolution. */
  listExtractionRecords(after: string | undefined, limit: number): Promise<ExtractionRecord[]>;
  /** Replace the cross-document resolution (incidents, statements, links, candidate entities) in one transaction. */
  saveResolution(resolution: ResolutionViews): Promise<void>;
  listIncidents(query: IncidentQuery): Promise<ResolvedIncident[]>;
  getIncident(id: string, clearance?: number): Promise<ResolvedIncident | undefined>;
  /** The resolved incident a mention belongs to. */
  incidentOfMention(mentionId: string): Promise<string | undefined>;
  listStatements(query: StatementQuery): Promise<ResolvedStatement[]>;
  getStatement(id: string, clearance?: number): Promise<ResolvedStatement | undefined>;
  /** Every resolved link a reader may see. */
  listLinks(clearance?: number): Promise<ResolvedLink[]>;
  /** Unknown actors named in several documents, for review. */
  listCandidates(clearance?: number): Promise<CandidateEntity[]>;
  /** Analysts' merge and split decisions, oldest first. */
  listResolutionDecisions(): Promise<ResolutionDecision[]>;
  addResolutionDecisions(decisions: ResolutionDecision[]): Promise<void>;
  /** Analysts' decisions about candidate entities a reader may see (by their `level`), newest first. */
  listCandidateDecisions(clearance?: number): Promise<CandidateDecision[]>;
  /**
   * Keep a decision about a candidate, replacing any earlier one about the same key. An accepted
   * entity's id must not be another key's accepted entity (the database refuses it).
   */
  saveCandidateDecision(decision: CandidateDecision): Promise<void>;
  /** Forget the decision about a candidate; false when there was none. */
  deleteCandidateDecision(key: string): Promise<boolean>;
  /** Store alerts; one per subject key. Returns the alerts that were new. */
  addAlerts(alerts: Alert[]): Promise<StoredAlert[]>;
  /** Alerts, newest first. */
  listAlerts(query: AlertQuery): Promise<StoredAlert[]>;
  /** Mark an alert as seen; false when there is no such alert. */
  acknowledgeAlert(id: number, by: string, at: string): Promise<boolean>;
  recordAlertDelivery(alertId: number, delivery: AlertDelivery): Promise<void>;
  /**
   * Run `fn` (a resolution: read the extractions, save the resolution, add its alerts) while no
   * other resolution of this store runs, so that runs never save over each other out of order.
   * On PostgreSQL this holds across processes and machines (an advisory lock); on SQLite, within
   * the process.
   */
  withResolveLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

import type { DateValue, PlaceRef } from '../doc.js';
import type { Tlp } from '../ingest/source-document.js';
import type {
  ActorRef,
  Count,
  Evidence,
  Extraction,
  IncidentMention,
  StatementMention,
} from './extraction.js';

/** One document's extraction with what cross-document resolution needs to know of the document. */
export interface ExtractionRecord {
  docId: string;
  /** Publication date `YYYY-MM-DD…`, when known. */
  publishedAt?: string;
  title?: string;
  url?: string;
  marking: Tlp;
  extraction: Extraction;
}

/** Evidence carried from a document into a resolved object: the document it is in comes with it. */
export type SourcedEvidence = Evidence & { docId: string };

/** One document's report of a resolved incident or statement. */
export interface MentionSource {
  /** Id of the mention in the document's extraction. */
  id: string;
  docId: string;
  publishedAt?: string;
  title?: string;
  url?: string;
  marking: Tlp;
  role?: 'main' | 'background';
  confidence: number;
}

/** A casualty figure as one document reported it (figures grow over time). */
export interface CasualtyReport {
  mentionId: string;
  docId: string;
  publishedAt?: string;
  killed: Count | null;
  wounded: Count | null;
}

/** One incident across every document that reports it (DESIGN.md `Incident`). */
export interface ResolvedIncident {
  id: string;
  type: string;
  types: string[];
  date: DateValue | null;
  location: PlaceRef | null;
  perpetrators: ActorRef[];
  targets: { type: string; text: string }[];
  weapons: string[];
  /** The highest figure reported (death tolls rise as the wounded die and bodies are found). */
  killed: Count | null;
  wounded: Count | null;
  /** The figure of the most recently published report that gives one. */
  killedLatest: Count | null;
  woundedLatest: Count | null;
  perpetratorsKilled: Count | null;
  perpetratorsWounded: Count | null;
  suicide: boolean | null;
  claimedBy: (ActorRef & { outlet?: ActorRef })[];
  /** Every figure, report by report, oldest first. */
  casualtyReports: CasualtyReport[];
  /** `main` when at least one document is about the incident; `background` when it is only recalled. */
  role: 'main' | 'background';
  mentions: MentionSource[];
  evidence: SourcedEvidence[];
  /** Why the mentions were merged, one line per merge. */
  mergeReasons: string[];
  confidence: number;
  firstReported?: string;
  lastReported?: string;
}

/** One statement across every document that reports it (DESIGN.md `Statement`). */
export interface ResolvedStatement {
  id: string;
  type: string;
  speaker: ActorRef | null;
  organization: ActorRef | null;
  outlet: ActorRef | null;
  platform: ActorRef | null;
  medium: string | null;
  date: DateValue | null;
  quote: string | null;
  /** Ids of resolved incidents the statement refers to. */
  refersTo: string[];
  mentions: MentionSource[];
  evidence: SourcedEvidence[];
  confidence: number;
}

/** A link between resolved statements and incidents (DESIGN.md `Link`). */
export interface ResolvedLink {
  from: string;
  /** A resolved incident id, or the words naming events that are not an incident in the store. */
  to: string | { text: string };
  kind: 'retaliation-for';
  evidence: SourcedEvidence[];
  /** Documents stating the link, with their markings (what a reader must be cleared for). */
  sources: { docId: string; marking: Tlp }[];
  confidence: number;
}

/** An actor named in several documents that the knowledge base does not know: for an analyst to review. */
export interface CandidateEntity {
  /** Normalised name, the candidate's key. */
  key: string;
  name: string;
  kind: 'group' | 'person';
  docIds: string[];
  firstSeen?: string;
  lastSeen?: string;
  /** Sentences naming it. */
  evidence: SourcedEvidence[];
}

/** An analyst's decision about two incident mentions: they report the same incident, or not. */
export interface ResolutionDecision {
  kind: 'merge' | 'split';
  /** Incident mention ids. */
  a: string;
  b: string;
  author: string;
  createdAt: string;
}

/** An incident mention with its document (the unit incident resolution works on). */
export interface IncidentRecord {
  mention: IncidentMention;
  source: MentionSource;
}

/** A statement mention with its document. */
export interface StatementRecord {
  mention: StatementMention;
  source: MentionSource;
}

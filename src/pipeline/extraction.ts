import type { DateValue, PlaceRef, Span } from '../doc.js';

/** The evidence for one field: the sentence (or words) of the document that states it. */
export interface Evidence extends Span {
  field: string;
  text: string;
}

/** A knowledge-base entity as carried in extractions (perpetrators, claimants, speakers…). */
export interface ActorRef {
  /** Knowledge-base id; null for an unnamed actor ("a far-right gunman"). */
  id: string | null;
  name: string;
  aliases?: string[];
  kind?: string;
  /** For unnamed actors: the ideology the text gives ("far-right"). */
  ideology?: string;
  /** The words of the text that name the actor. */
  text?: string;
}

/** A number of people: exact, or a range when the text gives several figures. */
export type Count = { value: number } | { min: number; max: number };

/** A single number for a count: the exact value, or the upper bound of a range. */
export function countValue(c: Count | null): number | undefined {
  if (!c) return undefined;
  return 'value' in c ? c.value : c.max;
}

/** A count as people read it: "50", or "40–50" for a range. */
export function countText(c: Count): string {
  return 'value' in c ? String(c.value) : `${c.min}–${c.max}`;
}

/** One incident reported by one document (DESIGN.md "The extraction contract"). */
export interface IncidentMention {
  id: string;
  type: string;
  types: string[];
  date: DateValue | null;
  location: PlaceRef | null;
  perpetrators: ActorRef[];
  targets: { type: string; text: string }[];
  weapons: string[];
  killed: Count | null;
  wounded: Count | null;
  perpetratorsKilled: Count | null;
  perpetratorsWounded: Count | null;
  suicide: boolean | null;
  claimedBy: (ActorRef & { outlet?: ActorRef })[];
  role: 'main' | 'background';
  evidence: Evidence[];
  confidence: number;
}

/** One statement reported by one document. */
export interface StatementMention {
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
  evidence: Evidence[];
  confidence: number;
}

/** A link between a statement or incident and the incident (or events) it invokes. */
export interface LinkMention {
  from: string;
  to: string | { text: string };
  kind: 'retaliation-for';
  evidence: Evidence[];
}

/** Everything `vigil extract` reports for one document. */
export interface Extraction {
  id: string;
  incidents: IncidentMention[];
  statements: StatementMention[];
  links: LinkMention[];
  entities: { id: string; kind: string; name: string; spans: [number, number][] }[];
  messages: { ruleId: string; reason: string; severity: string; start?: number; end?: number }[];
}

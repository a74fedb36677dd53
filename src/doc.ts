/**
 * The one document object every stage reads and extends (CONVENTIONS.md §1).
 * `text` is never changed after ingest; everything else points into it by character offsets.
 */

/** A half-open character range `[start, end)` into `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Severity of a message recorded on a document or a batch. */
export type Severity = 'error' | 'warning' | 'info';

/** An expected problem, recorded instead of thrown (CONVENTIONS.md §3). */
export interface Message {
  ruleId: string;
  reason: string;
  severity: Severity;
  span?: Span;
  /** 1-based line of the input the problem was found on (batch-level messages). */
  line?: number;
  source?: string;
}

/** Reference to a knowledge-base entity, as carried by mentions and extractions. */
export interface EntityRef {
  id: string;
  name: string;
  kind: string;
}

/** A resolved place, as carried by place mentions and incident locations. */
export interface PlaceRef {
  city?: string;
  admin1?: string;
  country: string;
  countryCode: string;
  lat: number;
  lon: number;
  geonamesId?: number;
  /** The place is not in the gazetteer: its coordinates are those of its region or country. */
  approximate?: boolean;
}

/** Temporal precision of a resolved date. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date resolved against the publication date: `2019-03-15`, `2019-W11`, `2019-03`, `2019`. */
export interface DateValue {
  value: string;
  precision: DatePrecision;
}

/** A number read from text: exact, a lower bound ("at least 20"), an upper bound, or vague ("dozens"). */
export interface QuantityValue {
  value: number;
  /** `exact` (20), `min` ("at least 20", "more than 50"), `max` ("up to 20"), `approx` ("about 20", "dozens"). */
  qualifier: 'exact' | 'min' | 'max' | 'approx';
}

/** A quote and, where found, who said it. */
export interface QuoteValue {
  /** Offsets of the quoted words without the quotation marks. */
  inner: Span;
  speaker?: { text: string; start: number; end: number; entity?: EntityRef };
}

/** Kinds of mentions the annotation stages produce. */
export type MentionKind =
  'place' | 'group' | 'person' | 'outlet' | 'platform' | 'date' | 'quantity' | 'quote';

/** A piece of text that a stage recognised; `doc.text.slice(start, end) === text`. */
export interface Mention extends Span {
  kind: MentionKind;
  text: string;
  entity?: EntityRef;
  place?: PlaceRef;
  value?: DateValue | QuantityValue | QuoteValue;
  /** Identifier of the rule or list that produced it (for explanations). */
  ruleId?: string;
}

/** Token as produced by the sentence/token stage. */
export interface Token extends Span {
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, …). */
  pos: string;
}

/** The document object passed through the pipeline. */
export interface Doc {
  id: string;
  text: string;
  title?: string;
  /** Publication date `YYYY-MM-DD`, the anchor for relative dates. */
  published?: string;
  url?: string;
  sentences: Span[];
  tokens: Token[];
  mentions: Mention[];
  messages: Message[];
}

/** Create a fresh document with no annotations. */
export function createDoc(input: {
  id: string;
  text: string;
  title?: string;
  published?: string;
  url?: string;
}): Doc {
  return { ...input, sentences: [], tokens: [], mentions: [], messages: [] };
}

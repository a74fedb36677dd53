import type { Message } from '../doc.js';

/** Traffic Light Protocol markings (FIRST TLP 2.0), from most to least shareable. */
export const TLP_MARKINGS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
/** A TLP marking. */
export type Tlp = (typeof TLP_MARKINGS)[number];

/**
 * Where a document came from (DESIGN.md `Document.source`). `dataset`: a record of a dataset or a
 * STIX bundle (`vigil import`), with the dataset and the record's id in the document's `meta`.
 */
export interface DocumentSource {
  kind: 'file' | 'url' | 'feed' | 'telegram' | 'stdin' | 'dataset';
  /** File the document was read from. */
  path?: string;
  /** 1-based line or record number inside the file, for messages. */
  line?: number;
  url?: string;
  /** Feed URL for feed items. */
  feed?: string;
  /** Channel name or id for channel exports. */
  channel?: string;
  messageId?: number;
}

/**
 * A document as a source reader produces it, before it is stored: the text is final (never
 * changed after ingest); the store gives it its id (a hash of source and normalised text).
 */
export interface SourceDocument {
  source: DocumentSource;
  text: string;
  title?: string;
  /** ISO 8601 date or date-time of publication. */
  publishedAt?: string;
  /** Author or byline, when the source gives one. */
  byline?: string;
  language?: string;
  /** Marking; readers leave it unset and ingestion applies the source's default. */
  marking?: Tlp;
  /** Source-specific facts kept with the document (Telegram views, forwarded-from, media, CSV extra columns). */
  meta?: Record<string, unknown>;
}

/**
 * Whether a document's extraction comes from its text, so that `vigil reprocess` may extract it
 * again; false for documents whose incident was built from a dataset record's fields (`vigil
 * import`, which sets `meta.structured`).
 */
export function extractedFromText(doc: { meta?: Record<string, unknown> }): boolean {
  return doc.meta?.structured !== true;
}

/** One item read from a source: a document, or a problem with where and why. */
export type SourceItem = { doc: SourceDocument } | { problem: Message };

/** A problem item: `{ problem: { ruleId, reason, severity: 'error', source } }`. */
export function sourceProblem(ruleId: string, reason: string, source: string, line?: number): SourceItem {
  const problem: Message = { ruleId, reason, severity: 'error', source };
  if (line !== undefined) problem.line = line;
  return { problem };
}

import { createDoc } from '../doc.js';
import type { InputDocument } from '../ingest/read-inputs.js';
import { expandInputs, readSource, type SourceOptions } from '../ingest/read-sources.js';
import type { SourceDocument, Tlp } from '../ingest/source-document.js';
import type { Resources } from '../kb/resources.js';
import { extract } from '../pipeline/extract.js';
import type { Extraction } from '../pipeline/extraction.js';
import { contentHash, documentId } from '../store/document-id.js';
import type { DocumentWrite, Store } from '../store/store.js';

/** The version recorded with each extraction; `vigil reprocess` brings older ones up to date. */
export const PIPELINE_VERSION = 'vigil-0.1.0';

/** Progress of an ingest run, reported after every stored batch. */
export interface IngestProgress {
  /** Inputs (files, URLs) finished, of the total. */
  inputsDone: number;
  inputsTotal: number;
  read: number;
  stored: number;
  duplicates: number;
  skipped: number;
}

/** What an ingest run did, with every skipped item and its reason. */
export interface IngestSummary extends IngestProgress {
  problems: { source: string; ruleId: string; reason: string }[];
}

/** Options of {@link ingest}. */
export interface IngestOptions extends SourceOptions {
  /** Marking given to documents whose source sets none (default TLP:CLEAR). */
  marking?: Tlp;
  /** Extracts documents; the default runs inline, a pool spreads them over worker threads. */
  extractor?: Extractor;
  /** Documents per durable write (each document is still written whole or not at all). */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  now?: () => Date;
}

/** Turns documents into extractions, in order, possibly on other threads. */
export interface Extractor {
  extractMany(docs: InputDocument[]): Promise<Extraction[]>;
}

/** Inline extraction with loaded resources. */
export function inlineExtractor(resources: Resources): Extractor {
  return { extractMany: async (docs) => docs.map((d) => extract(createDoc(d), resources)) };
}

/**
 * Read inputs (files, folders, URLs), skip content already stored, extract and store the rest
 * in durable batches. Idempotent: running it again over the same inputs stores nothing twice and
 * completes a batch a crash interrupted.
 */
export async function ingest(
  inputs: string[],
  store: Store,
  options: IngestOptions & { extractor: Extractor },
): Promise<IngestSummary> {
  const files = await expandInputs(inputs);
  const summary: IngestSummary = {
    inputsDone: 0,
    inputsTotal: files.length,
    read: 0,
    stored: 0,
    duplicates: 0,
    skipped: 0,
    problems: [],
  };
  const batchSize = options.batchSize ?? 64;
  const now = options.now ?? (() => new Date());
  const seen = new Set<string>();
  let pending: { doc: SourceDocument; hash: string; input: InputDocument; retrieved: Date }[] = [];

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const extractions = await options.extractor.extractMany(pending.map((p) => p.input));
    const writes = pending.map((p, i) =>
      toWrite(p.doc, p.hash, p.input.id, extractions[i]!, options, p.retrieved),
    );
    pending = [];
    const results = await store.putDocuments(writes);
    for (const r of results) {
      if (r.created) summary.stored++;
      else summary.duplicates++;
    }
    options.onProgress?.({ ...summary });
  };

  for (const file of files) {
    for await (const item of readSource(file, options)) {
      if ('problem' in item) {
        summary.skipped++;
        const p = item.problem;
        const where = p.source ?? file;
        summary.problems.push({
          source: p.line && !where.endsWith(`:${p.line}`) ? `${where}:${p.line}` : where,
          ruleId: p.ruleId,
          reason: p.reason,
        });
        continue;
      }
      summary.read++;
      const doc = item.doc;
      const hash = contentHash(doc.text);
      if (seen.has(hash) || (await store.hasContent(hash))) {
        summary.duplicates++;
        continue;
      }
      seen.add(hash);
      pending.push({ doc, hash, input: toInput(doc), retrieved: now() });
      if (pending.length >= batchSize) await flush();
    }
    summary.inputsDone++;
  }
  await flush();
  options.onProgress?.({ ...summary });
  return summary;
}

function toInput(doc: SourceDocument): InputDocument {
  const input: InputDocument = {
    id: documentId(doc.source, doc.text),
    text: doc.text,
    source: doc.source.path ?? doc.source.url ?? doc.source.kind,
  };
  if (doc.title) input.title = doc.title;
  if (doc.publishedAt) input.published = doc.publishedAt.slice(0, 10);
  if (doc.source.url) input.url = doc.source.url;
  return input;
}

function toWrite(
  doc: SourceDocument,
  hash: string,
  id: string,
  extraction: Extraction,
  options: IngestOptions,
  retrieved: Date,
): DocumentWrite {
  const document: DocumentWrite['document'] = {
    id,
    contentHash: hash,
    source: doc.source,
    text: doc.text,
    marking: doc.marking ?? options.marking ?? 'TLP:CLEAR',
    retrievedAt: retrieved.toISOString(),
  };
  if (doc.title) document.title = doc.title;
  if (doc.publishedAt) document.publishedAt = doc.publishedAt;
  if (doc.byline) document.byline = doc.byline;
  if (doc.language) document.language = doc.language;
  if (doc.meta) document.meta = doc.meta;
  return { document, extraction, pipelineVersion: PIPELINE_VERSION };
}

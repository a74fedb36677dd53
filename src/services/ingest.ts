import { createDoc } from '../doc.js';
import type { InputDocument } from '../ingest/read-inputs.js';
import { expandInputs, readSource, type SourceOptions } from '../ingest/read-sources.js';
import { readFeed, type ReadFeedOptions } from '../ingest/read-feed.js';
import type { SourceDocument, SourceItem, Tlp } from '../ingest/source-document.js';
import type { Resources } from '../kb/resources.js';
import { extract } from '../pipeline/extract.js';
import type { Extraction } from '../pipeline/extraction.js';
import { contentHash, documentId } from '../store/document-id.js';
import type { DocumentWrite, Store, StoredDocument } from '../store/store.js';

/** The version recorded with each extraction; `vigil reprocess` brings older ones up to date. */
export const PIPELINE_VERSION = 'vigil-0.1.0';

/** Progress of an ingest run, reported after every stored batch. */
export interface IngestProgress {
  /** Inputs (files, URLs) finished, of the total. */
  inputsDone: number;
  inputsTotal: number;
  read: number;
  stored: number;
  /** Documents handed to the job queue instead of being stored here (`vigil ingest --queue`). */
  queued: number;
  duplicates: number;
  skipped: number;
}

/** What an ingest run did, with every skipped item and its reason. */
export interface IngestSummary extends IngestProgress {
  problems: { source: string; ruleId: string; reason: string }[];
}

/** Options of {@link ingest} whatever is done with the documents read. */
export interface IngestBaseOptions extends SourceOptions {
  /** Marking given to documents whose source sets none (default TLP:CLEAR). */
  marking?: Tlp;
  /** Documents per batch: per durable write, or per queued job (each document is still written whole or not at all). */
  batchSize?: number;
  /** A batch also closes once its texts reach this many characters (default: no limit). */
  batchChars?: number;
  onProgress?: (p: IngestProgress) => void;
  now?: () => Date;
}

/**
 * Options of {@link ingest}: new documents are extracted here by `extractor` (inline with
 * {@link inlineExtractor}, or on worker threads) and stored, or handed batch by batch to
 * `enqueue` (a job queue; workers extract and store them).
 */
export type IngestOptions = IngestBaseOptions &
  ({ extractor: Extractor } | { enqueue: (documents: StoredDocument[]) => Promise<void> });

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
export async function ingest(inputs: string[], store: Store, options: IngestOptions): Promise<IngestSummary> {
  const files = await expandInputs(inputs);
  const sink = new DocumentSink(store, options, files.length);
  for (const file of files) {
    for await (const item of readSource(file, options)) await sink.add(item, file);
    sink.summary.inputsDone++;
  }
  return sink.finish();
}

/** What polling the feeds did, per feed. */
export interface FeedsSummary extends IngestSummary {
  feeds: { url: string; documents: number; notModified: boolean; error?: string }[];
}

/**
 * Poll every stored feed once (conditional GET), and ingest its new entries like files (or queue
 * them, with `enqueue`). A feed's validators and read entries are saved only after its documents
 * are stored (or queued), so a crash repeats the poll instead of losing entries.
 */
export async function pollFeeds(
  store: Store,
  options: IngestOptions & Omit<ReadFeedOptions, 'allowPrivate'>,
): Promise<FeedsSummary> {
  const feeds = await store.listFeeds();
  const sink = new DocumentSink(store, options, feeds.length);
  const perFeed: FeedsSummary['feeds'] = [];
  const now = options.now ?? (() => new Date());
  for (const feed of feeds) {
    const state = {
      seen: await store.feedItemKeys(feed.url),
      ...(feed.etag ? { etag: feed.etag } : {}),
      ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
    };
    const known = new Set(state.seen);
    const result = await readFeed(feed.url, state, { allowPrivate: options.allowPrivate ?? false });
    const handled = () => sink.summary.stored + sink.summary.queued;
    const before = handled();
    let error: string | undefined;
    for (const item of result.items) {
      if ('doc' in item) item.doc.marking ??= feed.marking;
      else error ??= item.problem.reason;
      await sink.add(item, feed.url);
    }
    await sink.drain();
    const documents = handled() - before;
    await store.saveFeedPoll(feed.url, {
      ...(result.etag ? { etag: result.etag } : {}),
      ...(result.lastModified ? { lastModified: result.lastModified } : {}),
      newItemKeys: [...state.seen].filter((k) => !known.has(k)),
      documents,
      ...(error ? { error } : {}),
      polledAt: now().toISOString(),
    });
    perFeed.push({ url: feed.url, documents, notModified: result.notModified, ...(error ? { error } : {}) });
    sink.summary.inputsDone++;
  }
  return { ...(await sink.finish()), feeds: perFeed };
}

/** Takes source items one by one: counts problems, skips stored content, extracts and stores in batches. */
class DocumentSink {
  readonly summary: IngestSummary;
  private readonly seen = new Set<string>();
  private pending: StoredDocument[] = [];
  private pendingChars = 0;

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
    inputsTotal: number,
  ) {
    this.summary = {
      inputsDone: 0,
      inputsTotal,
      read: 0,
      stored: 0,
      queued: 0,
      duplicates: 0,
      skipped: 0,
      problems: [],
    };
  }

  async add(item: SourceItem, input: string): Promise<void> {
    if ('problem' in item) {
      const p = item.problem;
      const where = p.source ?? input;
      this.summary.skipped++;
      this.summary.problems.push({
        source: p.line && !where.endsWith(`:${p.line}`) ? `${where}:${p.line}` : where,
        ruleId: p.ruleId,
        reason: p.reason,
      });
      return;
    }
    this.summary.read++;
    const doc = item.doc;
    const hash = contentHash(doc.text);
    if (this.seen.has(hash) || (await this.store.hasContent(hash))) {
      this.summary.duplicates++;
      return;
    }
    this.seen.add(hash);
    this.pending.push(toStoredDocument(doc, hash, this.options, (this.options.now ?? (() => new Date()))()));
    this.pendingChars += doc.text.length;
    if (
      this.pending.length >= (this.options.batchSize ?? 64) ||
      this.pendingChars >= (this.options.batchChars ?? Infinity)
    )
      await this.flush();
  }

  private storing: Promise<void> = Promise.resolve();

  /**
   * Start extracting what is pending and store it once extracted, in order. The next batch is
   * read and extracted while this one is stored: at most two batches are in flight. With a job
   * queue, the batch is queued instead (in order too).
   */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    const options = this.options;
    const previous = this.storing;
    if ('enqueue' in options) {
      this.storing = previous.then(async () => {
        await options.enqueue(batch);
        this.summary.queued += batch.length;
        options.onProgress?.({ ...this.summary });
      });
    } else {
      const extractions = options.extractor.extractMany(batch.map(toInput));
      this.storing = previous.then(async () => {
        const results = await this.store.putDocuments(toWrites(batch, await extractions));
        for (const r of results) {
          if (r.created) this.summary.stored++;
          else this.summary.duplicates++;
        }
        options.onProgress?.({ ...this.summary });
      });
    }
    await previous;
  }

  /** Everything pending extracted and durably stored. */
  async drain(): Promise<void> {
    await this.flush();
    await this.storing;
  }

  async finish(): Promise<IngestSummary> {
    await this.drain();
    const createdAt = (this.options.now ?? (() => new Date()))().toISOString();
    await this.store.addMessages(
      this.summary.problems.map((p) => ({
        source: p.source,
        ruleId: p.ruleId,
        reason: p.reason,
        severity: 'error',
        createdAt,
      })),
    );
    this.options.onProgress?.({ ...this.summary });
    return this.summary;
  }
}

/** The extraction input for a document (its id is the stored document id). */
export function toInput(doc: SourceDocument): InputDocument {
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

/** Documents with their extractions (in the same order), as one batch to store. */
export function toWrites(documents: StoredDocument[], extractions: Extraction[]): DocumentWrite[] {
  return documents.map((document, i) => ({
    document,
    extraction: extractions[i]!,
    pipelineVersion: PIPELINE_VERSION,
  }));
}

function toStoredDocument(
  doc: SourceDocument,
  hash: string,
  options: IngestBaseOptions,
  retrieved: Date,
): StoredDocument {
  const document: StoredDocument = {
    id: documentId(doc.source, doc.text),
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
  return document;
}

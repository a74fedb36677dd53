import { extractedFromText } from '../ingest/source-document.js';
import type { Store, StoredDocument } from '../store/store.js';
import {
  ingest,
  PIPELINE_VERSION,
  toInput,
  toWrites,
  type IngestBaseOptions,
  type IngestSummary,
} from './ingest.js';
import { expiryFor, sendJobs, type JobKind, type JobQueue } from './jobs.js';
import { requestResolve } from './resolve-jobs.js';

/** Documents per ingest job, and text characters per job at most. */
const INGEST_JOB_DOCUMENTS = 32;
const INGEST_JOB_CHARS = 1_000_000;

/** Data of an ingest job: documents read elsewhere (`vigil ingest --queue`, the API), to extract and store. */
export interface IngestJobData {
  documents: StoredDocument[];
}

/**
 * Extract and store a batch of documents read elsewhere, then ask for a resolve job. Content
 * already stored is skipped before extraction; the store's content-hash dedupe makes storing
 * twice impossible even when two workers run the same job. The resolve job is asked for even
 * when everything was already stored: this may be the job run again after its worker stored
 * the batch and died.
 */
export const ingestJob: JobKind<IngestJobData> = {
  name: 'ingest',
  coalesce: false,
  expireInSeconds: (data) => expiryFor(data.documents.reduce((n, d) => n + d.text.length, 0)),
  async run(data, { store, extractor, queue }) {
    const fresh: StoredDocument[] = [];
    for (const d of data.documents) if (!(await store.hasContent(d.contentHash))) fresh.push(d);
    const extractions = await extractor.extractMany(fresh.map(toInput));
    const results = await store.putDocuments(toWrites(fresh, extractions));
    if (data.documents.length > 0) await requestResolve(queue);
    const stored = results.filter((r) => r.created).length;
    return { documents: data.documents.length, stored, duplicates: data.documents.length - stored };
  },
};

/** Data of an extract job: stored documents to extract again (`vigil reprocess --queue`). */
export interface ExtractJobData {
  ids: string[];
  /** Characters of their texts, for the job's expiry. */
  chars: number;
}

/** Extract stored documents again with this version's pipeline (analysts' reviews are kept), then ask for a resolve job. */
export const extractJob: JobKind<ExtractJobData> = {
  name: 'extract',
  coalesce: false,
  expireInSeconds: (data) => expiryFor(data.chars),
  async run(data, { store, extractor, queue }) {
    const documents: StoredDocument[] = [];
    for (const id of data.ids) {
      const d = await store.getDocument(id);
      // Imported records keep the incident built from their fields.
      if (d && extractedFromText(d)) documents.push(d);
    }
    const extractions = await extractor.extractMany(documents.map(toInput));
    for (const [i, d] of documents.entries())
      await store.replaceExtraction(d.id, extractions[i]!, PIPELINE_VERSION);
    if (documents.length > 0) await requestResolve(queue);
    return { documents: data.ids.length, reprocessed: documents.length };
  },
};

/** Options of `ingest` and `pollFeeds` that hand what they read to the queue, with the number of jobs queued so far. */
export interface QueueingOptions {
  batchSize: number;
  batchChars: number;
  enqueue: (documents: StoredDocument[]) => Promise<void>;
  jobs: () => number;
}

/** Queue the documents an ingest reads as ingest jobs of at most 32 documents or a million characters. */
export function queueingOptions(queue: JobQueue): QueueingOptions {
  let jobs = 0;
  return {
    batchSize: INGEST_JOB_DOCUMENTS,
    batchChars: INGEST_JOB_CHARS,
    enqueue: async (documents) => {
      await sendJobs(queue, ingestJob, [{ documents }]);
      jobs++;
    },
    jobs: () => jobs,
  };
}

/**
 * `vigil ingest --queue`: read inputs as {@link ingest} does (problems listed, content already
 * stored or read twice skipped) and queue the new documents as ingest jobs for the workers.
 */
export async function ingestToQueue(
  inputs: string[],
  store: Store,
  queue: JobQueue,
  options: IngestBaseOptions,
): Promise<IngestSummary & { jobs: number }> {
  const { jobs, ...queueing } = queueingOptions(queue);
  const summary = await ingest(inputs, store, { ...options, ...queueing });
  return { ...summary, jobs: jobs() };
}

/** `vigil reprocess --queue`: queue every stored document for extraction again, a page per job. */
export async function reprocessToQueue(
  store: Store,
  queue: JobQueue,
): Promise<{ documents: number; jobs: number }> {
  let documents = 0;
  let jobs = 0;
  for (
    let page = await store.listDocuments(undefined, INGEST_JOB_DOCUMENTS);
    page.length > 0;
    page = await store.listDocuments(page[page.length - 1]!.id, INGEST_JOB_DOCUMENTS)
  ) {
    await sendJobs(queue, extractJob, [
      { ids: page.map((d) => d.id), chars: page.reduce((n, d) => n + d.text.length, 0) },
    ]);
    documents += page.length;
    jobs++;
  }
  return { documents, jobs };
}

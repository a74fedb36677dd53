import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../errors.js';
import type { Tlp } from '../ingest/source-document.js';
import { tlpLevel } from '../pipeline/clearance-views.js';
import { auditAs } from './audit.js';
import type { Principal, ServiceContext } from './context.js';
import { queueingOptions, type QueueingOptions } from './document-jobs.js';
import { ingest, pollFeeds, type IngestOptions, type IngestSummary } from './ingest.js';

/** What an analyst sends to be ingested: an uploaded file, a web page, or a feed to follow. */
export type IngestRequest = { file: { filename: string; data: Buffer } } | { url: string } | { feed: string };

/** What ingesting did, and what resolving again found. */
export interface IngestOutcome {
  read: number;
  stored: number;
  duplicates: number;
  skipped: number;
  problems: IngestSummary['problems'];
  /** Incidents after resolving again. */
  incidents: number;
  /** Alerts raised by the new documents. */
  newAlerts: number;
}

/** What was queued for the workers (`vigil serve --queue`): nothing is stored yet. */
export interface QueuedIngestOutcome {
  read: number;
  /** Documents handed to the workers, in `queuedJobs` ingest jobs. */
  queuedDocuments: number;
  queuedJobs: number;
  /** Documents whose content was already stored (or read twice). */
  duplicates: number;
  skipped: number;
  problems: IngestSummary['problems'];
}

/**
 * Ingest what an analyst sent through the existing pipeline (services/ingest.ts): an uploaded
 * file (any type `vigil ingest` reads, by its name's extension), a URL fetched safely, or a feed
 * added to the polled feeds and polled. Documents get `marking`, which may not be above the
 * analyst's own clearance (`marking_above_clearance`, 403). The documents read are extracted by
 * the server's extractor, stored and resolved again; or, when the server queues
 * (`ctx.ingestion.queue`), queued as ingest jobs for the workers, who store them and resolve.
 * Audited either way.
 */
export async function ingestRequest(
  ctx: ServiceContext,
  who: Principal,
  request: IngestRequest,
  marking: Tlp,
): Promise<IngestOutcome | QueuedIngestOutcome> {
  if (tlpLevel(marking) > who.clearance)
    throw new AppError('marking_above_clearance', 403, `you may not ingest documents marked ${marking}`);
  const base = { marking, allowPrivate: ctx.allowPrivateUrls, now: () => ctx.now() };
  let queueing: QueueingOptions | undefined;
  let options: IngestOptions;
  if ('queue' in ctx.ingestion) {
    queueing = queueingOptions(ctx.ingestion.queue);
    const { batchSize, batchChars, enqueue } = queueing;
    options = { ...base, batchSize, batchChars, enqueue };
  } else options = { ...base, extractor: ctx.ingestion.extractor };
  const { summary, target } = await readRequest(ctx, request, marking, options);
  await auditAs(ctx, who, 'ingest', target, {
    marking,
    kind: Object.keys(request)[0],
    ...(queueing ? { queued: summary.queued } : { stored: summary.stored }),
    skipped: summary.skipped,
  });
  const common = {
    read: summary.read,
    duplicates: summary.duplicates,
    skipped: summary.skipped,
    problems: summary.problems,
  };
  if (queueing) return { ...common, queuedDocuments: summary.queued, queuedJobs: queueing.jobs() };
  const resolved = await ctx.resolver.run();
  return {
    ...common,
    stored: summary.stored,
    incidents: resolved.incidents,
    newAlerts: resolved.newAlerts.length,
  };
}

/** Read (and store or queue) what was sent; `target` names it for the audit log. */
async function readRequest(
  ctx: ServiceContext,
  request: IngestRequest,
  marking: Tlp,
  options: IngestOptions,
): Promise<{ summary: IngestSummary; target: string }> {
  if ('url' in request)
    return { summary: await ingest([request.url], ctx.store, options), target: request.url };
  if ('feed' in request) {
    await ctx.store.addFeed(request.feed, marking, ctx.now().toISOString());
    return { summary: await pollFeeds(ctx.store, options), target: request.feed };
  }
  const name = safeFileName(request.file.filename);
  const dir = await mkdtemp(join(tmpdir(), 'vigil-upload-'));
  try {
    const path = join(dir, name);
    await writeFile(path, request.file.data);
    const summary = await ingest([path], ctx.store, options);
    for (const p of summary.problems) p.source = p.source.split(dir).join('upload');
    return { summary, target: name };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An uploaded file's name as a plain file name: no folders, no hidden files, only safe characters. */
export function safeFileName(filename: string): string {
  const name = basename(filename.replaceAll('\\', '/'))
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return name || 'upload.txt';
}

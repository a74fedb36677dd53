import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../errors.js';
import type { Tlp } from '../ingest/source-document.js';
import { tlpLevel } from '../pipeline/clearance-views.js';
import { auditAs } from './audit.js';
import type { Principal, ServiceContext } from './context.js';
import { ingest, inlineExtractor, pollFeeds, type IngestSummary } from './ingest.js';

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

/**
 * Ingest what an analyst sent through the existing pipeline (services/ingest.ts): an uploaded
 * file (any type `vigil ingest` reads, by its name's extension), a URL fetched safely, or a feed
 * added to the polled feeds and polled. Documents get `marking`, which may not be above the
 * analyst's own clearance (`marking_above_clearance`, 403). Resolves again afterwards and audits.
 */
export async function ingestRequest(
  ctx: ServiceContext,
  who: Principal,
  request: IngestRequest,
  marking: Tlp,
): Promise<IngestOutcome> {
  if (tlpLevel(marking) > who.clearance)
    throw new AppError('marking_above_clearance', 403, `you may not ingest documents marked ${marking}`);
  const options = {
    marking,
    allowPrivate: ctx.allowPrivateUrls,
    extractor: inlineExtractor(ctx.resources),
    now: () => ctx.now(),
  };
  let summary: IngestSummary;
  let target: string;
  if ('file' in request) {
    const name = safeFileName(request.file.filename);
    target = name;
    const dir = await mkdtemp(join(tmpdir(), 'vigil-upload-'));
    try {
      const path = join(dir, name);
      await writeFile(path, request.file.data);
      summary = await ingest([path], ctx.store, options);
      for (const p of summary.problems) p.source = p.source.split(dir).join('upload');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else if ('url' in request) {
    target = request.url;
    summary = await ingest([request.url], ctx.store, options);
  } else {
    target = request.feed;
    await ctx.store.addFeed(request.feed, marking, ctx.now().toISOString());
    summary = await pollFeeds(ctx.store, options);
  }
  const resolved = await ctx.resolver.run();
  const outcome: IngestOutcome = {
    read: summary.read,
    stored: summary.stored,
    duplicates: summary.duplicates,
    skipped: summary.skipped,
    problems: summary.problems,
    incidents: resolved.incidents,
    newAlerts: resolved.newAlerts.length,
  };
  await auditAs(ctx, who, 'ingest', target, {
    marking,
    kind: Object.keys(request)[0],
    stored: summary.stored,
    skipped: summary.skipped,
  });
  return outcome;
}

/** An uploaded file's name as a plain file name: no folders, no hidden files, only safe characters. */
export function safeFileName(filename: string): string {
  const name = basename(filename.replaceAll('\\', '/'))
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return name || 'upload.txt';
}

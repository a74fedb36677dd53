import { exportStore, type ExportFormat } from '../export/export-store.js';
import { auditAs } from './audit.js';
import type { Principal, ServiceContext } from './context.js';

/** An export ready to send: its media type, file name and content in chunks. */
export interface ExportFile {
  contentType: string;
  filename: string;
  chunks: AsyncIterable<string>;
}

const FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  stix: { contentType: 'application/stix+json;version=2.1', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
};

/**
 * The resolved store in one format (src/export), only what the analyst may see: every read of the
 * export passes the analyst's clearance to the store. Audited before it is sent.
 */
export async function exportFor(
  ctx: ServiceContext,
  who: Principal,
  format: ExportFormat,
): Promise<ExportFile> {
  const file = FILES[format];
  await auditAs(ctx, who, 'export', format, { clearance: who.clearance });
  return {
    contentType: file.contentType,
    filename: `vigil-export-${ctx.now().toISOString().slice(0, 10)}.${file.extension}`,
    chunks: exportStore(ctx.store, ctx.resources.kb, format, who.clearance),
  };
}

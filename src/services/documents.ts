import { createDoc, type Mention } from '../doc.js';
import { AppError } from '../errors.js';
import { annotate } from '../pipeline/annotate.js';
import { tlpLevel } from '../pipeline/clearance-views.js';
import type { Extraction } from '../pipeline/extraction.js';
import type { DocumentSummary } from '../store/listing.js';
import type { SearchHit, SearchQuery, StoredDocument } from '../store/store.js';
import type { Principal, ServiceContext } from './context.js';
import type { Page, Paging } from './page.js';

/** A document with what Vigil read in it: its extraction (reviews applied) and annotation mentions. */
export interface DocumentView {
  document: StoredDocument;
  extraction: Extraction;
  mentions: Mention[];
}

/** Filters of a search (docs/api.md `GET /api/search`). */
export type SearchFilters = Omit<SearchQuery, 'clearance' | 'limit' | 'offset'>;

/** Documents the reader may see, newest first. */
export async function listDocuments(
  ctx: ServiceContext,
  who: Principal,
  paging: Paging,
): Promise<Page<DocumentSummary>> {
  const page = await ctx.listing.listDocumentSummaries({ clearance: who.clearance, ...paging });
  return { ...page, ...paging };
}

/**
 * One document the reader may see, with its extraction and the mentions the annotation stages
 * find in it (places, actors, people, dates, quantities, quotes, each with its offsets).
 * `document_not_found` when it does not exist or is marked above the reader's clearance — the
 * marking is checked again here, besides the store's query, so that no store can leak one.
 */
export async function documentView(ctx: ServiceContext, who: Principal, id: string): Promise<DocumentView> {
  const [document, extraction] = await Promise.all([
    ctx.store.getDocument(id, who.clearance),
    ctx.store.getExtraction(id, who.clearance),
  ]);
  if (!document || !extraction || tlpLevel(document.marking) > who.clearance)
    throw new AppError('document_not_found', 404, `no document ${id}`);
  const doc = annotate(
    createDoc({
      id,
      text: document.text,
      ...(document.title ? { title: document.title } : {}),
      ...(document.publishedAt ? { published: document.publishedAt.slice(0, 10) } : {}),
    }),
    ctx.resources,
  );
  return { document, extraction, mentions: doc.mentions };
}

/** Full-text search over the documents the reader may see, best first, with how many match. */
export async function searchDocuments(
  ctx: ServiceContext,
  who: Principal,
  filters: SearchFilters,
  paging: Paging,
): Promise<Page<SearchHit>> {
  const query = { ...filters, clearance: who.clearance };
  const [items, total] = await Promise.all([
    ctx.store.search({ ...query, ...paging }),
    ctx.listing.countSearch(query),
  ]);
  return { items, total, ...paging };
}

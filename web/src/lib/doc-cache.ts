import { api } from '../api/client';
import type { DocumentDetail, DocumentSummary } from '../api/types';

/**
 * Documents read once per session: the incident page, the reader and the source credits of
 * evidence (which names a document by id only) share them. At most `MAX` full texts are kept.
 */
const MAX = 40;
const cache = new Map<string, Promise<DocumentDetail>>();

/** A document with its text, extraction and annotations (cached). */
export function getDocument(id: string): Promise<DocumentDetail> {
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const p = api.document(id);
  cache.set(id, p);
  p.catch(() => cache.delete(id));
  while (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return p;
}

/** Title, URL, date and marking of a document (for credits and lists). */
export async function getDocumentSummary(id: string): Promise<DocumentSummary> {
  const d = await getDocument(id);
  return {
    id: d.id ?? id,
    title: d.title,
    url: d.url ?? d.source?.url,
    publishedAt: d.publishedAt,
    marking: d.marking,
  };
}

/** Forget a document (after a review changed its extraction). */
export function forgetDocument(id: string): void {
  cache.delete(id);
}

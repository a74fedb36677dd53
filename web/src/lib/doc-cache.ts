import { api } from '../api/client';
import type { DocumentDetail, DocumentSummary } from '../api/types';

/**
 * Documents read once per session: the incident page, the reader and the source credits of
 * evidence (which names a document by id only) share them. At most `MAX` full texts are kept.
 */
const MAX = 40;
/** Documents fetched at once: a page crediting many sources must not hold up the others' requests. */
const PARALLEL = 4;
const cache = new Map<string, Promise<DocumentDetail>>();
let inFlight = 0;
const waiting: (() => void)[] = [];

/** `fetch()` once fewer than PARALLEL documents are being fetched. */
async function limited<T>(fetch: () => Promise<T>): Promise<T> {
  if (inFlight >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  try {
    return await fetch();
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

/** A document with its text, extraction and annotations (cached). */
export function getDocument(id: string): Promise<DocumentDetail> {
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const p = limited(() => api.document(id));
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

import { AppError } from '../errors.js';
import { htmlToDocument } from './read-html.js';
import { decodeBody, safeFetch, type SafeFetchOptions, type SafeFetchResult } from './safe-fetch.js';
import { sourceProblem, type DocumentSource, type SourceItem } from './source-document.js';

/** Options for {@link fetchArticle}: the {@link safeFetch} limits and address policy. */
export type FetchArticleOptions = Omit<SafeFetchOptions, 'accept' | 'ifNoneMatch' | 'ifModifiedSince'>;

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1';
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Fetch one web page with {@link safeFetch} and read its article into a document
 * (`source: { kind: 'url', url: <final URL after redirects> }`), through `htmlToDocument`.
 * A `text/plain` page becomes a document as it is; other content types are an
 * `ingest:unsupported` problem. Fetch failures (refused address, timeout, HTTP error, too large…)
 * are an `ingest:fetch` problem naming the URL; nothing expected is thrown.
 */
export async function fetchArticle(url: string, options: FetchArticleOptions = {}): Promise<SourceItem> {
  let response: SafeFetchResult;
  try {
    response = await safeFetch(url, { ...options, accept: HTML_ACCEPT });
  } catch (err) {
    if (err instanceof AppError) return sourceProblem('ingest:fetch', `${url}: ${err.message}`, url);
    throw err;
  }
  const mediaType = (response.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const source: DocumentSource = { kind: 'url', url: response.url };
  let item: SourceItem;
  if (mediaType === '' || HTML_TYPES.has(mediaType)) {
    item = htmlToDocument(decodeBody(response.body, response.contentType), source);
  } else if (mediaType === 'text/plain') {
    const text = decodeBody(response.body, response.contentType);
    if (text.trim() === '') return sourceProblem('ingest:empty-text', `${url}: the page has no text`, url);
    item = { doc: { source, text } };
  } else {
    return sourceProblem('ingest:unsupported', `${url}: content type "${mediaType}" is not a web page`, url);
  }
  if ('doc' in item && response.url !== normalised(url)) {
    item.doc.meta = { ...item.doc.meta, requestedUrl: url };
  }
  return item;
}

function normalised(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

import { createHash } from 'node:crypto';
import { parseFeed, DetectError, type AnyFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { AppError } from '../errors.js';
import { htmlToDocument } from './read-html.js';
import { decodeBody, safeFetch, type SafeFetchOptions, type SafeFetchResult } from './safe-fetch.js';
import { sourceProblem, type SourceDocument, type SourceItem } from './source-document.js';

/** What is remembered about a feed between polls. */
export interface FeedState {
  /** `ETag` of the last successful fetch, sent as `If-None-Match`. */
  etag?: string;
  /** `Last-Modified` of the last successful fetch, sent as `If-Modified-Since`. */
  lastModified?: string;
  /** Keys of entries already read (guid/id, else link); {@link readFeed} adds the new ones. */
  seen: Set<string>;
}

/** The outcome of one poll of a feed. */
export interface FeedResult {
  /** Documents for new entries, and problems (fetch failure, malformed feed, empty entry). */
  items: SourceItem[];
  /** Validators to keep for the next poll (unchanged after a failure). */
  etag?: string;
  lastModified?: string;
  /** True when the server answered 304: nothing changed since the last poll. */
  notModified: boolean;
}

/** Options for {@link readFeed}: the {@link safeFetch} limits and address policy. */
export type ReadFeedOptions = Omit<SafeFetchOptions, 'accept' | 'ifNoneMatch' | 'ifModifiedSince'>;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Feed content shorter than this (as plain text) is stripped of tags rather than run through Readability. */
const SHORT_CONTENT_CHARS = 500;

/**
 * Poll an RSS, Atom, RDF or JSON feed with a conditional GET (from `state.etag` and
 * `state.lastModified`) and return a document for each entry whose key — guid/id, else link,
 * else a hash of title and text — is not in `state.seen`; the keys of new entries are added to
 * `state.seen` and kept in `doc.meta.feedItemKey`. A document's text comes from the entry's
 * full content (`content:encoded`, Atom `content`, JSON `content_html`/`content_text`), else
 * its description or summary, else its title; HTML is turned into text. Its source is
 * `{ kind: 'feed', feed: url, url: link }`.
 *
 * Fetch failures are an `ingest:fetch` problem, an unparseable feed an `ingest:feed-malformed`
 * problem, both naming the feed URL; nothing expected is thrown. XML entity declarations are
 * never expanded (feedsmith parses with entity processing off), so an entity bomb or an external
 * entity is inert: its references stay as literal text.
 */
export async function readFeed(
  url: string,
  state: FeedState,
  options: ReadFeedOptions = {},
): Promise<FeedResult> {
  const unchanged: Pick<FeedResult, 'etag' | 'lastModified'> = {};
  if (state.etag !== undefined) unchanged.etag = state.etag;
  if (state.lastModified !== undefined) unchanged.lastModified = state.lastModified;
  const failed = (item: SourceItem): FeedResult => ({ items: [item], notModified: false, ...unchanged });

  let response: SafeFetchResult;
  try {
    response = await safeFetch(url, {
      ...options,
      accept: FEED_ACCEPT,
      ifNoneMatch: state.etag,
      ifModifiedSince: state.lastModified,
    });
  } catch (err) {
    if (err instanceof AppError) return failed(sourceProblem('ingest:fetch', `${url}: ${err.message}`, url));
    throw err;
  }
  if (response.notModified) {
    return {
      items: [],
      notModified: true,
      ...unchanged,
      ...(response.etag !== undefined ? { etag: response.etag } : {}),
      ...(response.lastModified !== undefined ? { lastModified: response.lastModified } : {}),
    };
  }

  let parsed: AnyFeed;
  try {
    parsed = parseFeed(decodeBody(response.body, response.contentType));
  } catch (err) {
    const reason =
      err instanceof DetectError
        ? 'not an RSS, Atom, RDF or JSON feed'
        : `malformed feed: ${causeMessage(err) ?? 'cannot be parsed'}`;
    return failed(sourceProblem('ingest:feed-malformed', `${url}: ${reason}`, url));
  }

  const items: SourceItem[] = [];
  for (const entry of entriesOf(parsed)) {
    const item = toItem(entry, url, response.url, state.seen);
    if (item) items.push(item);
  }
  const result: FeedResult = { items, notModified: false };
  if (response.etag !== undefined) result.etag = response.etag;
  if (response.lastModified !== undefined) result.lastModified = response.lastModified;
  return result;
}

/** One feed entry, whatever the format. */
interface Entry {
  id?: string;
  link?: string;
  title?: string;
  titleIsHtml?: boolean;
  html?: string;
  text?: string;
  published?: string;
  byline?: string;
  language?: string;
}

function entriesOf(parsed: AnyFeed): Entry[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.guid?.value,
        link: item.link,
        title: item.title,
        html: item.content?.encoded ?? item.description,
        published: item.pubDate ?? item.dc?.dates?.[0],
        byline: item.authors?.[0]?.name ?? item.authors?.[0]?.email ?? item.dc?.creators?.[0],
        language: parsed.feed.language ?? parsed.feed.dc?.languages?.[0],
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.rdf?.about,
        link: item.link,
        title: item.title,
        html: item.content?.encoded ?? item.description,
        published: item.dc?.dates?.[0],
        byline: item.dc?.creators?.[0],
        language: item.dc?.languages?.[0] ?? parsed.feed.dc?.languages?.[0],
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const link =
          entry.links?.find((l) => l.rel === undefined || l.rel === 'alternate') ?? entry.links?.[0];
        const body =
          atomText(entry.content?.src === undefined ? entry.content : undefined) ?? atomText(entry.summary);
        return {
          id: entry.id,
          link: link?.href,
          title: entry.title?.value,
          titleIsHtml: isHtmlType(entry.title?.type),
          ...body,
          published: entry.published ?? entry.updated,
          byline: entry.authors?.[0]?.name,
        };
      });
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.id,
        link: item.url ?? item.external_url,
        title: item.title,
        html: item.content_html,
        text: item.content_html === undefined ? (item.content_text ?? item.summary) : undefined,
        published: item.date_published ?? item.date_modified,
        byline: item.authors?.[0]?.name,
        language: item.language ?? parsed.feed.language,
      }));
  }
}

/** Atom text constructs: `html` and `xhtml` are markup, `text` (the default) is plain. */
function atomText(
  value: { value?: string; type?: string } | undefined,
): Pick<Entry, 'html' | 'text'> | undefined {
  if (value?.value === undefined) return undefined;
  return isHtmlType(value.type) ? { html: value.value } : { text: value.value };
}

function isHtmlType(type: string | undefined): boolean {
  return type === 'html' || type === 'xhtml' || type === 'text/html';
}

function toItem(entry: Entry, feedUrl: string, finalUrl: string, seen: Set<string>): SourceItem | undefined {
  const link = entry.link === undefined ? undefined : absolute(entry.link, finalUrl);
  const title = entry.title && entry.titleIsHtml ? fragmentText(entry.title) : entry.title?.trim();
  const body = entry.html !== undefined ? htmlText(entry.html, feedUrl, link) : entry.text?.trim();
  const text = body || title || '';
  const key = entry.id?.trim() || link || (text ? `sha256:${sha256(`${title ?? ''}\n${text}`)}` : undefined);
  if (key !== undefined && seen.has(key)) return undefined;
  if (key !== undefined) seen.add(key);
  if (text === '') {
    return sourceProblem(
      'ingest:feed-empty-item',
      `${feedUrl}: entry ${key ?? '(no id)'} has no text`,
      feedUrl,
    );
  }

  const doc: SourceDocument = { source: { kind: 'feed', feed: feedUrl }, text };
  if (link !== undefined) doc.source.url = link;
  if (title) doc.title = title;
  const published = isoDate(entry.published);
  if (published !== undefined) doc.publishedAt = published;
  if (entry.byline) doc.byline = entry.byline;
  if (entry.language) doc.language = entry.language;
  if (key !== undefined) doc.meta = { feedItemKey: key };
  return { doc };
}

/** Text of an entry's HTML: a plain strip for short content, Readability (through `htmlToDocument`) for long. */
function htmlText(html: string, feedUrl: string, link: string | undefined): string {
  const stripped = fragmentText(html);
  if (stripped.length < SHORT_CONTENT_CHARS) return stripped;
  const page = `<!doctype html><html><head><meta charset="utf-8"></head><body><article>${html}</article></body></html>`;
  const read = htmlToDocument(page, {
    kind: 'feed',
    feed: feedUrl,
    ...(link !== undefined ? { url: link } : {}),
  });
  return 'doc' in read && read.doc.text.trim() !== '' ? read.doc.text : stripped;
}

interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

const BLOCK_ELEMENTS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI ' +
    'MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'
  ).split(' '),
);

/** Plain text of an HTML fragment: tags dropped, entities decoded, blocks on their own lines. */
function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as {
    document: { body: TextNode; querySelectorAll(selector: string): ArrayLike<{ remove(): void }> };
  };
  for (const node of Array.from(
    document.querySelectorAll('script, style, noscript, template, iframe, object'),
  )) {
    node.remove();
  }
  const parts: string[] = [];
  const walk = (node: TextNode): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeName === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_ELEMENTS.has(node.nodeName);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(document.body);
  return parts
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function absolute(link: string, base: string): string {
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return link.trim();
  }
}

/** An ISO 8601 date-time for RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and W3CDTF (Dublin Core) dates. */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function causeMessage(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : undefined;
}

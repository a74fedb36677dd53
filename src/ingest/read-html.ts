import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { MAX_INPUT_BYTES } from './read-text-file.js';
import {
  sourceProblem,
  type DocumentSource,
  type SourceDocument,
  type SourceItem,
} from './source-document.js';

/** Below this many characters of text, Readability's result is taken to be no article at all. */
export const MIN_ARTICLE_CHARS = 200;

/** The few DOM members used here (the project compiles without the DOM library). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  remove(): void;
}
interface DomDocument {
  documentElement: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK_ELEMENTS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER ' +
    'FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'
  ).split(' '),
);
const CELL_ELEMENTS = new Set(['TD', 'TH']);
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'SVG',
  'HEAD',
]);

/** Meta names and properties giving the publication time, most specific first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'article:published',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date.issued',
  'dcterms.issued',
  'date',
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The article of an HTML page as a document: its main text found by Mozilla Readability on a
 * linkedom DOM (which never runs scripts or loads anything; `<script>`, `<style>` and the like are
 * removed first), with title, byline, publication time and language.
 *
 * - `text`: the article's blocks (paragraphs, headings, list items…) separated by blank lines,
 *   white space inside each collapsed to single spaces; `<br>` keeps a line break.
 * - `publishedAt`: the first ISO 8601 value of the `article:published_time` / `og:…` /
 *   `datePublished` / `date` meta tags, then JSON-LD `datePublished`, then a `<time datetime>`.
 * - `title`: Readability's, else `og:title`, else `<title>`; `byline`: Readability's, else the
 *   `author` meta; `language`: `<html lang>`, else `Content-Language` or `og:locale`.
 *
 * Problems (one-line reasons, never a throw): `ingest:too-large` for a page over 20 MB (UTF-8
 * bytes), `ingest:no-article` when Readability finds nothing or fewer than
 * {@link MIN_ARTICLE_CHARS} characters of text.
 */
export function htmlToDocument(html: string, source: DocumentSource): SourceItem {
  const where = source.url ?? source.path ?? source.feed ?? source.kind;
  if (html.length > MAX_INPUT_BYTES || Buffer.byteLength(html, 'utf8') > MAX_INPUT_BYTES) {
    return sourceProblem('ingest:too-large', 'the HTML page is over the 20 MB limit', where);
  }
  if (html.trim() === '') {
    return sourceProblem('ingest:no-article', 'no article found: the page is empty', where);
  }
  let article: ReturnType<Readability<DomNode>['parse']>;
  let page: PageMeta;
  try {
    const { document } = parseHTML(wholeDocument(html)) as unknown as { document: DomDocument };
    for (const node of Array.from(document.querySelectorAll(UNSAFE_ELEMENTS))) node.remove();
    // Read the metadata first: Readability changes the document as it works.
    page = pageMeta(document);
    article = new Readability<DomNode>(document as never, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch (err) {
    return sourceProblem(
      'ingest:no-article',
      `no article found: the page could not be read (${oneLine((err as Error).message)})`,
      where,
    );
  }
  if (!article?.content) {
    return sourceProblem(
      'ingest:no-article',
      'no article found: Readability found no main text on the page',
      where,
    );
  }
  const text = blockText(article.content);
  if (text.length < MIN_ARTICLE_CHARS) {
    return sourceProblem(
      'ingest:no-article',
      `no article found: the main text is ${text.length} characters, under the ${MIN_ARTICLE_CHARS} needed`,
      where,
    );
  }

  const doc: SourceDocument = { source, text };
  const title = clean(article.title) ?? page.title;
  if (title) doc.title = title;
  const byline = clean(article.byline) ?? page.author;
  if (byline) doc.byline = byline.replace(/^by\s+/i, '');
  const published = page.publishedAt ?? isoDate(article.publishedTime);
  if (published) doc.publishedAt = published;
  if (page.language) doc.language = page.language;
  return { doc };
}

/** Elements removed before anything else looks at the page (JSON-LD scripts are data, and kept). */
const UNSAFE_ELEMENTS =
  'script:not([type="application/ld+json"]), style, noscript, template, iframe, frame, object, embed';

/**
 * linkedom builds no implied `<html>`, `<head>` or `<body>` (a fragment's first element becomes the
 * document element), so markup without an `<html>` tag is wrapped: leading `<title>`, `<meta>`,
 * `<link>` and `<base>` elements go into the head, the rest into the body.
 */
function wholeDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<(?:head|body)[\s>]/i.test(html)) return `<!doctype html><html>${html.replace(DOCTYPE, '')}</html>`;
  const head = LEADING_HEAD.exec(html.replace(DOCTYPE, ''))?.[0] ?? '';
  const body = html.replace(DOCTYPE, '').slice(head.length);
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

const DOCTYPE = /^\s*<!doctype[^>]*>/i;
const LEADING_HEAD = /^(?:\s*<title\b[^>]*>[^<]*<\/title>|\s*<(?:meta|link|base)\b[^>]*>)*/i;

/** Metadata of the page, read before Readability changes the document. */
interface PageMeta {
  title?: string;
  author?: string;
  publishedAt?: string;
  language?: string;
}

function pageMeta(document: DomDocument): PageMeta {
  const meta = metaTags(document);
  const out: PageMeta = {};
  const title = clean(meta.get('og:title') ?? document.querySelectorAll('title')[0]?.textContent);
  if (title) out.title = title;
  const author = clean(meta.get('author') ?? meta.get('article:author'));
  if (author && !/^https?:/i.test(author)) out.author = author;
  const publishedAt = publishedTime(document, meta);
  if (publishedAt) out.publishedAt = publishedAt;
  const language = languageOf(document, meta);
  if (language) out.language = language;
  return out;
}

/** `<meta>` contents by lower-cased `property`, `name` or `itemprop` (the first of each wins). */
function metaTags(document: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = el.getAttribute('content') ?? el.getAttribute('datetime');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content.trim());
    }
  }
  return out;
}

function publishedTime(document: DomDocument, meta: Map<string, string>): string | undefined {
  for (const key of PUBLISHED_META) {
    const value = isoDate(meta.get(key));
    if (value) return value;
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; other sources may still give the date
    }
    const value = isoDate(findDatePublished(data, 0));
    if (value) return value;
  }
  const times = Array.from(document.querySelectorAll('time[datetime]'));
  const marked = times.find(
    (t) => t.hasAttribute('pubdate') || t.getAttribute('itemprop') === 'datePublished',
  );
  for (const t of marked ? [marked, ...times] : times) {
    const value = isoDate(t.getAttribute('datetime'));
    if (value) return value;
  }
  return undefined;
}

/** The first `datePublished` string in a JSON-LD value (objects, arrays and `@graph`). */
function findDatePublished(value: unknown, depth: number): string | undefined {
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findDatePublished(v, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.datePublished === 'string') return o.datePublished;
  for (const v of Object.values(o)) {
    const found = findDatePublished(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function languageOf(document: DomDocument, meta: Map<string, string>): string | undefined {
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang) return lang;
  const header = meta.get('content-language')?.split(',')[0]?.trim();
  if (header) return header;
  const locale = meta.get('og:locale')?.trim();
  return locale ? locale.replace('_', '-') : undefined;
}

/** An ISO 8601 date or date-time as given (a space before the time becomes `T`), or undefined. */
function isoDate(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v.replace(' ', 'T')))) return undefined;
  return v.replace(' ', 'T');
}

/**
 * Text of a DOM subtree: one block per paragraph-like element, blocks separated by a blank line,
 * white space collapsed inside a block, `<br>` as a line break, table cells separated by a space.
 */
function blockText(root: DomNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const block = current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (block !== '') blocks.push(block);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag);
    if (block) flush();
    if (CELL_ELEMENTS.has(tag)) current += ' ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (CELL_ELEMENTS.has(tag)) current += ' ';
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

function clean(s: string | null | undefined): string | undefined {
  const v = s?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 160);
}

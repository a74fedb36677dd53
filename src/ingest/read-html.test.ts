import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from './read-html.js';
import type { SourceDocument, SourceItem } from './source-document.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/ingest/html');
const page = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const source = { kind: 'url' as const, url: 'https://news.example.org/northtown' };

function doc(item: SourceItem): SourceDocument {
  if ('problem' in item) throw new Error(`${item.problem.ruleId} ${item.problem.reason}`);
  return item.doc;
}

function problem(item: SourceItem): string {
  if (!('problem' in item)) throw new Error(`expected a problem, got: ${item.doc.text.slice(0, 60)}`);
  expect(item.problem.reason).not.toContain('\n');
  return `${item.problem.ruleId} ${item.problem.reason}`;
}

const paragraph = (words: number, n: number): string =>
  `<p>Paragraph ${n}: ${'security forces said the situation was calm '.repeat(words)}</p>`;

describe('htmlToDocument', () => {
  it('reads the article: paragraphs separated by blank lines, metadata from the page', () => {
    const d = doc(htmlToDocument(page('article.html'), source));
    expect(d.source).toEqual(source);
    expect(d.title).toBe('Explosion at market in Northtown injures 12');
    expect(d.byline).toBe('Jane Doe');
    expect(d.publishedAt).toBe('2019-03-20T10:15:00Z');
    expect(d.language).toBe('en-GB');
    const paragraphs = d.text.split('\n\n');
    expect(paragraphs).toContain(
      'An improvised explosive device went off at the central market in Northtown on Wednesday morning, ' +
        'injuring twelve people, the regional police said. Two of the injured were in a serious condition.',
    );
    expect(paragraphs.at(-1)).toBe(
      'The regional governor condemned the attack and said security would be increased at markets ' +
        'and transport hubs across the province for the coming weeks.',
    );
    // White space normalised: no runs of spaces, no line breaks inside a paragraph.
    expect(d.text).not.toMatch(/ {2}|\n{3}|^\s|\s$/);
    for (const p of paragraphs) expect(p).not.toContain('\n');
  });

  it('leaves out navigation, footer, scripts and styles', () => {
    const d = doc(htmlToDocument(page('article.html'), source));
    expect(d.text).not.toMatch(/Home|All rights reserved|vigil|color: red|EXECUTED/);
  });

  it('never runs the page scripts or event handlers', () => {
    const g = globalThis as Record<string, unknown>;
    htmlToDocument(page('article.html'), source);
    expect([g.vigilScriptRan, g.vigilInlineRan, g.vigilOnloadRan]).toEqual([undefined, undefined, undefined]);
  });

  it('reports a page with no article as ingest:no-article, naming the page', () => {
    const item = htmlToDocument(page('no-article.html'), { kind: 'file', path: 'pages/login.html' });
    expect(problem(item)).toMatch(
      /^ingest:no-article no article found: the main text is \d+ characters, under the 200 needed$/,
    );
    expect('problem' in item && item.problem.source).toBe('pages/login.html');
  });

  it('reports an empty page as ingest:no-article', () => {
    expect(problem(htmlToDocument('  \n', source))).toBe(
      'ingest:no-article no article found: the page is empty',
    );
  });

  it('reads markup without an <html> element (a fragment) like a whole page', () => {
    const d = doc(
      htmlToDocument(`<title>Fragment</title>${[1, 2, 3].map((n) => paragraph(3, n)).join('')}`, source),
    );
    expect(d.title).toBe('Fragment');
    expect(d.text.split('\n\n').map((p) => p.slice(0, 12))).toEqual([
      'Paragraph 1:',
      'Paragraph 2:',
      'Paragraph 3:',
    ]);
  });

  it('rejects a page over 20 MB with ingest:too-large before parsing it', () => {
    const started = Date.now();
    const huge = `<html><body><p>${'a'.repeat(20 * 1024 * 1024)}</p></body></html>`;
    expect(problem(htmlToDocument(huge, source))).toBe(
      'ingest:too-large the HTML page is over the 20 MB limit',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts the 20 MB limit in UTF-8 bytes, not characters', () => {
    const html = `<p>${'é'.repeat(10 * 1024 * 1024 + 1)}</p>`; // 10 M characters, 20 MB of UTF-8
    expect(problem(htmlToDocument(html, source))).toBe(
      'ingest:too-large the HTML page is over the 20 MB limit',
    );
  });

  it('takes the date from JSON-LD when no meta tag gives it, then from <time datetime>', () => {
    const body = `<article><h1>Title here</h1>${[1, 2, 3].map((n) => paragraph(4, n)).join('')}</article>`;
    const withJsonLd = `<html><head><title>T</title><script type="application/ld+json">
      {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2021-06-01T08:00:00+02:00"}]}
      </script></head><body>${body}</body></html>`;
    expect(doc(htmlToDocument(withJsonLd, source)).publishedAt).toBe('2021-06-01T08:00:00+02:00');
    const withTime = `<html><head><title>T</title></head><body><time datetime="yesterday">x</time>
      <time datetime="2020-02-02">2 Feb</time>${body}</body></html>`;
    expect(doc(htmlToDocument(withTime, source)).publishedAt).toBe('2020-02-02');
  });

  it('ignores a date that is not ISO 8601 and leaves publishedAt unset', () => {
    const html = `<html><head><meta name="date" content="March 3rd"></head><body><article>${[1, 2, 3]
      .map((n) => paragraph(4, n))
      .join('')}</article></body></html>`;
    const d = doc(htmlToDocument(html, source));
    expect(d.publishedAt).toBeUndefined();
    expect(d.language).toBeUndefined();
  });

  it('keeps list items, headings and <br> line breaks as their own lines', () => {
    const html = `<html lang="fr"><body><article>
      ${paragraph(5, 1)}
      <h2>What we know</h2>
      <ul><li>Twelve injured</li><li>No claim so far</li></ul>
      <p>Line one<br>Line two</p>
      ${paragraph(5, 2)}
    </article></body></html>`;
    const d = doc(htmlToDocument(html, source));
    expect(d.language).toBe('fr');
    expect(d.text).toContain(
      '\n\nWhat we know\n\nTwelve injured\n\nNo claim so far\n\nLine one\nLine two\n\n',
    );
  });

  it('decodes entities and turns non-breaking spaces into spaces', () => {
    const html = `<html><body><article>${paragraph(6, 1)}<p>Caf&eacute;&nbsp;&amp;&nbsp;bar &lt;closed&gt;</p>${paragraph(6, 2)}</article></body></html>`;
    expect(doc(htmlToDocument(html, source)).text.split('\n\n')).toContain('Café & bar <closed>');
  });
});

import { startLocalServer } from '../../test/helpers/local-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchArticle } from './read-url.js';
import type { SourceItem } from './source-document.js';

const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bombing kills 12 in the capital</title></head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Bombing kills 12 in the capital</h1>
    <p>A car bomb exploded near the central market on Tuesday morning, killing at least 12 people and
    wounding dozens more, officials said. The blast destroyed several shops and damaged nearby buildings.</p>
    <p>No group has claimed responsibility for the attack. Police cordoned off the area and began an
    investigation, while ambulances carried the wounded to the city's main hospitals.</p>
    <p>The interior minister called the bombing a cowardly act and promised that those responsible
    would be found. It was the deadliest attack in the city this year.</p>
  </article>
  <footer>© News Corp</footer>
</body></html>`;

const NO_ARTICLE = `<!doctype html><html><head><title>Login</title></head><body><form><input name="u"></form></body></html>`;

const LATIN1_ARTICLE = Buffer.from(
  ARTICLE.replace('<meta charset="utf-8">', '').replace(
    'Tuesday morning',
    'Tuesday morning near the caf\xe9',
  ),
  'latin1',
);

function problemOf(item: SourceItem): { ruleId: string; reason: string; source?: string } {
  if (!('problem' in item))
    throw new Error(`expected a problem, got a document: ${item.doc.text.slice(0, 80)}`);
  return item.problem;
}

describe('fetchArticle', () => {
  let close: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    ({ base, close } = await startLocalServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(ARTICLE);
      } else if (path === '/moved') {
        res.writeHead(301, { location: '/article' });
        res.end();
      } else if (path === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        res.end(LATIN1_ARTICLE);
      } else if (path === '/login') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(NO_ARTICLE);
      } else if (path === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Statement: we claim the attack.\n');
      } else if (path === '/report.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      } else if (path === '/hang') {
        // never answers
      } else {
        res.writeHead(404);
        res.end();
      }
    }));
  });

  afterAll(() => close());

  const local = { allowPrivate: true };

  it('reads the article of a page, with the final URL after redirects as its source', async () => {
    const item = await fetchArticle(`${base}/moved`, local);
    if (!('doc' in item)) throw new Error(`expected a document, got ${item.problem.reason}`);
    expect(item.doc.source).toEqual({ kind: 'url', url: `${base}/article` });
    expect(item.doc.meta).toMatchObject({ requestedUrl: `${base}/moved` });
    expect(item.doc.title).toBe('Bombing kills 12 in the capital');
    expect(item.doc.text).toContain('A car bomb exploded near the central market on Tuesday morning');
    expect(item.doc.text).toContain('It was the deadliest attack in the city this year.');
    expect(item.doc.text).not.toContain('© News Corp');
  });

  it('does not record a requested URL when there was no redirect', async () => {
    const item = await fetchArticle(`${base}/article`, local);
    if (!('doc' in item)) throw new Error(item.problem.reason);
    expect(item.doc.meta?.['requestedUrl']).toBeUndefined();
  });

  it('decodes the page in the charset the server names', async () => {
    const item = await fetchArticle(`${base}/latin1`, local);
    if (!('doc' in item)) throw new Error(item.problem.reason);
    expect(item.doc.text).toContain('near the café');
  });

  it('reports a page with no article as a problem, not a document', async () => {
    const problem = problemOf(await fetchArticle(`${base}/login`, local));
    expect(problem.ruleId).toBe('ingest:no-article');
    expect(problem.source).toBe(`${base}/login`);
  });

  it('keeps a plain-text page as it is, and refuses other content types', async () => {
    const plain = await fetchArticle(`${base}/plain`, local);
    expect(plain).toEqual({
      doc: { source: { kind: 'url', url: `${base}/plain` }, text: 'Statement: we claim the attack.\n' },
    });
    expect(problemOf(await fetchArticle(`${base}/report.pdf`, local))).toEqual({
      ruleId: 'ingest:unsupported',
      reason: `${base}/report.pdf: content type "application/pdf" is not a web page`,
      severity: 'error',
      source: `${base}/report.pdf`,
    });
  });

  it('turns fetch failures into ingest:fetch problems naming the URL', async () => {
    expect(problemOf(await fetchArticle(`${base}/gone`, local))).toEqual({
      ruleId: 'ingest:fetch',
      reason: `${base}/gone: HTTP 404 from ${base}/gone`,
      severity: 'error',
      source: `${base}/gone`,
    });
    expect(problemOf(await fetchArticle(`${base}/article`)).reason).toBe(
      `${base}/article: refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address`,
    );
    expect(problemOf(await fetchArticle(`${base}/hang`, { ...local, timeoutMs: 200 })).reason).toBe(
      `${base}/hang: fetching ${base}/hang took longer than 200 ms`,
    );
    expect(problemOf(await fetchArticle('file:///etc/passwd', local)).reason).toBe(
      'file:///etc/passwd: refused to fetch file:///etc/passwd: only http and https URLs are fetched',
    );
  });
});

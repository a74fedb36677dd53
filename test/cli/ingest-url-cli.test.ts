import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../helpers/local-server.js';
import { vigilAsync } from '../helpers/run-vigil.js';

const article = `<!doctype html><html lang="en"><head><title>Gunmen attack hotel in Mogadishu</title>
<meta property="article:published_time" content="2019-03-01T10:00:00Z"></head><body><nav>Home | World</nav>
<article><h1>Gunmen attack hotel in Mogadishu</h1>
<p>Gunmen stormed a hotel in Mogadishu on Thursday, killing at least five people, police said.</p>
<p>Al-Shabaab claimed responsibility for the attack in a statement on its Radio Andalus.</p>
<p>Security forces ended the siege after several hours of fighting, officials said on Friday morning.</p></article>
<footer>© News</footer></body></html>`;

describe('vigil ingest URL', () => {
  let close: () => Promise<void>;
  let base = '';
  const db = join(mkdtempSync(join(tmpdir(), 'vigil-url-')), 'vigil.db');

  beforeAll(async () => {
    const started = await startLocalServer((req, res) => {
      if (req.url === '/redirect') res.writeHead(302, { location: 'http://127.0.0.1:1/secret' }).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
    });
    close = started.close;
    base = started.base;
  });
  afterAll(() => close());

  it('refuses a loopback address by default, with the reason', async () => {
    const r = await vigilAsync(['--db', db, 'ingest', '--workers', '0', `${base}/article`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${base}/article ingest:fetch ${base}/article: refused to connect to 127.0.0.1`,
    );
  });

  it('fetches the article text with --allow-private (local testing) and stores its extraction', async () => {
    const r = await vigilAsync([
      '--db',
      db,
      'ingest',
      '--workers',
      '0',
      '--allow-private',
      '--json',
      `${base}/article`,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ stored: 1 });
    const hits = JSON.parse(
      (await vigilAsync(['--db', db, 'search', '--json', '--group', 'al-shabaab', 'hotel'])).stdout,
    ) as { url: string; title: string }[];
    expect(hits).toEqual([
      expect.objectContaining({ url: `${base}/article`, title: 'Gunmen attack hotel in Mogadishu' }),
    ]);
  });
});

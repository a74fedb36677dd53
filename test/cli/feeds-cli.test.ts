import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../helpers/local-server.js';
import { vigil, vigilAsync } from '../helpers/run-vigil.js';

const rss = (items: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>${items.join('')}</channel></rss>`;
const item = (guid: string, title: string, text: string): string =>
  `<item><guid>${guid}</guid><title>${title}</title><link>https://news.example/${guid}</link><pubDate>Sun, 17 Mar 2019 10:00:00 GMT</pubDate><description>${text}</description></item>`;

describe('vigil feeds add, poll, list', () => {
  let close: () => Promise<void>;
  let url = '';
  let body = rss([
    item('a1', 'Kabul bomb', 'A suicide bomber killed 12 soldiers at a checkpoint in Kabul on Sunday.'),
  ]);
  const db = join(mkdtempSync(join(tmpdir(), 'vigil-feeds-')), 'vigil.db');

  beforeAll(async () => {
    const started = await startLocalServer((req, res) => {
      if (req.headers['if-none-match'] === '"v2"') {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: body.includes('a2') ? '"v2"' : '"v1"',
        })
        .end(body);
    });
    close = started.close;
    url = `${started.base}/feed.xml`;
  });
  afterAll(() => close());

  it('refuses a feed on a loopback address unless allowed, and says why in one line', async () => {
    expect(vigil(['--db', db, 'feeds', 'add', '--marking', 'TLP:GREEN', url]).stdout.trim()).toBe(
      `added ${url}`,
    );
    const r = await vigilAsync(['--db', db, 'feeds', 'poll', '--workers', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused to connect to 127.0.0.1');
  });

  it('ingests new entries, remembers them, and uses conditional GET', async () => {
    const first = JSON.parse(
      (await vigilAsync(['--db', db, 'feeds', 'poll', '--allow-private', '--workers', '0', '--json'])).stdout,
    ) as { stored: number };
    expect(first.stored).toBe(1);
    body = rss([
      item('a1', 'Kabul bomb', 'A suicide bomber killed 12 soldiers at a checkpoint in Kabul on Sunday.'),
      item('a2', 'Mogadishu attack', 'Gunmen stormed a hotel in Mogadishu, killing five people.'),
    ]);
    const second = JSON.parse(
      (await vigilAsync(['--db', db, 'feeds', 'poll', '--allow-private', '--workers', '0', '--json'])).stdout,
    ) as { stored: number; read: number };
    expect(second).toMatchObject({ stored: 1, read: 1 });
    const third = JSON.parse(
      (await vigilAsync(['--db', db, 'feeds', 'poll', '--allow-private', '--workers', '0', '--json'])).stdout,
    ) as {
      stored: number;
      feeds: { notModified: boolean }[];
    };
    expect(third.stored).toBe(0);
    expect(third.feeds[0]?.notModified).toBe(true);
    const list = JSON.parse(vigil(['--db', db, 'feeds', 'list', '--json']).stdout) as {
      url: string;
      documents: number;
      marking: string;
    }[];
    expect(list).toEqual([expect.objectContaining({ url, documents: 2, marking: 'TLP:GREEN' })]);
    const hits = JSON.parse(vigil(['--db', db, 'search', '--json', 'Mogadishu']).stdout) as { url: string }[];
    expect(hits[0]?.url).toBe('https://news.example/a2');
  });
});

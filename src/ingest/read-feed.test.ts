import type { IncomingMessage } from 'node:http';
import { startLocalServer } from '../../test/helpers/local-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed, type FeedState } from './read-feed.js';
import type { SourceDocument, SourceItem } from './source-document.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Wire</title>
    <link>https://news.example.org/</link>
    <description>Latest</description>
    <language>en</language>
    <item>
      <title>Blast in the market</title>
      <link>https://news.example.org/a/1</link>
      <guid isPermaLink="false">wire-1</guid>
      <pubDate>Mon, 15 Jan 2024 10:30:00 +0100</pubDate>
      <dc:creator>Jane Doe</dc:creator>
      <description>&lt;p&gt;Short teaser&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>An explosion hit the <b>central market</b> &amp; killed 3.</p><p>Police said more.</p><script>alert(1)</script>]]></content:encoded>
    </item>
    <item>
      <title>Headline only</title>
      <link>/a/2</link>
      <description>Gunmen attacked a checkpoint.</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom wire</title>
  <id>urn:feed</id>
  <updated>2024-02-02T00:00:00Z</updated>
  <entry>
    <id>urn:entry:1</id>
    <title type="html">Attack &lt;b&gt;claimed&lt;/b&gt; &amp;amp; denied</title>
    <updated>2024-02-02T08:00:00Z</updated>
    <published>2024-02-01T12:00:00Z</published>
    <link rel="alternate" href="https://atom.example.org/e/1"/>
    <author><name>Reporter</name></author>
    <content type="html">&lt;p&gt;The group claimed the attack.&lt;/p&gt;</content>
    <summary>Ignored summary</summary>
  </entry>
  <entry>
    <id>urn:entry:2</id>
    <title>Plain entry</title>
    <updated>2024-02-03T08:00:00Z</updated>
    <link href="https://atom.example.org/e/2"/>
    <summary>A &lt;plain&gt; text summary.</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/">
    <title>RDF wire</title>
    <link>https://rdf.example.org/</link>
    <description>d</description>
  </channel>
  <item rdf:about="https://rdf.example.org/i/1">
    <title>RDF item</title>
    <link>https://rdf.example.org/i/1</link>
    <description>Troops were deployed.</description>
    <dc:date>2024-03-01T09:00:00Z</dc:date>
  </item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON wire',
  language: 'fr',
  items: [
    {
      id: 'j1',
      url: 'https://json.example.org/1',
      title: 'JSON item',
      content_html: '<p>Un attentat\n   a eu <em>lieu</em> .<br>Deux morts.</p>',
      date_published: '2024-04-01T10:00:00+02:00',
      authors: [{ name: 'Agence' }],
    },
    { id: 'j2', title: 'Text item', content_text: 'Plain text body.' },
  ],
});

/** Billion laughs: each entity is ten of the previous; expanded, &lol9; would be 3 GB. */
function entityBomb(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++)
    entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>
<!DOCTYPE rss [${entities.join('\n')}]>
<rss version="2.0"><channel><title>Bomb</title><link>https://bomb.example/</link><description>d</description>
<item><title>&lol9;</title><guid>bomb-1</guid><description>&lol9; and &lol9;</description></item>
</channel></rss>`;
}

const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>XXE</title><link>https://x.example/</link><description>d</description>
<item><title>&xxe;</title><guid>xxe-1</guid><description>&xxe;</description></item>
</channel></rss>`;

const LONG_ARTICLE = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: security forces said the attack on the convoy near the border town ` +
    `killed several soldiers and wounded many more, according to local officials who spoke on condition of anonymity.</p>`,
).join('');

const LONG_RSS = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Long</title><link>https://long.example/</link><description>d</description>
<item><title>Long read</title><link>https://long.example/1</link><guid>long-1</guid>
<content:encoded><![CDATA[${LONG_ARTICLE}]]></content:encoded></item>
</channel></rss>`;

const EMPTY_ITEM_RSS = `<rss version="2.0"><channel><title>E</title><link>https://e.example/</link><description>d</description>
<item><guid>empty-1</guid></item><item><title>Kept</title><guid>kept-1</guid></item></channel></rss>`;

const LATIN1_RSS = Buffer.from(
  `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>L</title><link>https://l.example/</link>` +
    `<description>d</description><item><title>Caf\xe9</title><guid>l1</guid><description>D\xe9j\xe0 vu</description></item></channel></rss>`,
  'latin1',
);

function docs(items: SourceItem[]): SourceDocument[] {
  return items.flatMap((i) => ('doc' in i ? [i.doc] : []));
}

function problems(items: SourceItem[]): string[] {
  return items.flatMap((i) => ('problem' in i ? [`${i.problem.ruleId} ${i.problem.reason}`] : []));
}

describe('readFeed', () => {
  let close: () => Promise<void>;
  let base: string;
  const requests: IncomingMessage[] = [];

  beforeAll(async () => {
    ({ base, close } = await startLocalServer((req, res) => {
      requests.push(req);
      const path = req.url ?? '/';
      const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
        res.writeHead(200, { 'content-type': type, ...headers });
        res.end(body);
      };
      if (path === '/rss') {
        if (req.headers['if-none-match'] === '"rss-1"') {
          res.writeHead(304, { etag: '"rss-1"' });
          res.end();
        } else {
          send('application/rss+xml; charset=utf-8', RSS, {
            etag: '"rss-1"',
            'last-modified': 'Mon, 15 Jan 2024 10:00:00 GMT',
          });
        }
      } else if (path === '/atom') send('application/atom+xml', ATOM);
      else if (path === '/rdf') send('application/rdf+xml', RDF);
      else if (path === '/json') send('application/feed+json', JSON_FEED);
      else if (path === '/bomb') send('application/rss+xml', entityBomb());
      else if (path === '/xxe') send('application/rss+xml', XXE);
      else if (path === '/long') send('application/rss+xml', LONG_RSS);
      else if (path === '/empty-item') send('application/rss+xml', EMPTY_ITEM_RSS);
      else if (path === '/latin1') send('application/rss+xml', LATIN1_RSS);
      else if (path === '/malformed')
        send('application/rss+xml', '<rss version="2.0"><channel><title>Broken</ti');
      else if (path === '/not-a-feed') send('text/html', '<html><body><p>Hello</p></body></html>');
      else {
        res.writeHead(404);
        res.end();
      }
    }));
  });

  afterAll(() => close());

  const fresh = (): FeedState => ({ seen: new Set() });
  const local = { allowPrivate: true };

  it('reads RSS 2.0: full content over the teaser, dates, bylines, relative links resolved against the feed URL', async () => {
    const state = fresh();
    const result = await readFeed(`${base}/rss`, state, local);
    expect(result).toMatchObject({
      notModified: false,
      etag: '"rss-1"',
      lastModified: 'Mon, 15 Jan 2024 10:00:00 GMT',
    });
    expect(problems(result.items)).toEqual([]);
    expect(docs(result.items)).toEqual([
      {
        source: { kind: 'feed', feed: `${base}/rss`, url: 'https://news.example.org/a/1' },
        text: 'An explosion hit the central market & killed 3.\n\nPolice said more.',
        title: 'Blast in the market',
        publishedAt: '2024-01-15T09:30:00.000Z',
        byline: 'Jane Doe',
        language: 'en',
        meta: { feedItemKey: 'wire-1' },
      },
      {
        source: { kind: 'feed', feed: `${base}/rss`, url: `${base}/a/2` },
        text: 'Gunmen attacked a checkpoint.',
        title: 'Headline only',
        language: 'en',
        meta: { feedItemKey: `${base}/a/2` },
      },
    ]);
    expect([...state.seen]).toEqual(['wire-1', `${base}/a/2`]);
  });

  it('sends the stored validators and reports 304 as notModified with no items', async () => {
    const state: FeedState = {
      etag: '"rss-1"',
      lastModified: 'Mon, 15 Jan 2024 10:00:00 GMT',
      seen: new Set(),
    };
    const result = await readFeed(`${base}/rss`, state, local);
    expect(result).toEqual({
      items: [],
      notModified: true,
      etag: '"rss-1"',
      lastModified: 'Mon, 15 Jan 2024 10:00:00 GMT',
    });
    const last = requests.at(-1);
    expect(last?.headers['if-none-match']).toBe('"rss-1"');
    expect(last?.headers['if-modified-since']).toBe('Mon, 15 Jan 2024 10:00:00 GMT');
  });

  it('skips entries already seen, by guid or link', async () => {
    const state: FeedState = { seen: new Set(['wire-1']) };
    const first = await readFeed(`${base}/rss`, state, local);
    expect(docs(first.items).map((d) => d.title)).toEqual(['Headline only']);
    const second = await readFeed(`${base}/rss`, { seen: state.seen }, local);
    expect(second.items).toEqual([]);
    expect(second.notModified).toBe(false);
  });

  it('reads Atom: html content as text, html titles unescaped, text summaries kept as they are', async () => {
    const result = await readFeed(`${base}/atom`, fresh(), local);
    expect(docs(result.items)).toEqual([
      {
        source: { kind: 'feed', feed: `${base}/atom`, url: 'https://atom.example.org/e/1' },
        text: 'The group claimed the attack.',
        title: 'Attack claimed & denied',
        publishedAt: '2024-02-01T12:00:00.000Z',
        byline: 'Reporter',
        meta: { feedItemKey: 'urn:entry:1' },
      },
      {
        source: { kind: 'feed', feed: `${base}/atom`, url: 'https://atom.example.org/e/2' },
        text: 'A <plain> text summary.',
        title: 'Plain entry',
        publishedAt: '2024-02-03T08:00:00.000Z',
        meta: { feedItemKey: 'urn:entry:2' },
      },
    ]);
  });

  it('reads RDF (RSS 1.0) with its Dublin Core date', async () => {
    const result = await readFeed(`${base}/rdf`, fresh(), local);
    expect(docs(result.items)).toEqual([
      {
        source: { kind: 'feed', feed: `${base}/rdf`, url: 'https://rdf.example.org/i/1' },
        text: 'Troops were deployed.',
        title: 'RDF item',
        publishedAt: '2024-03-01T09:00:00.000Z',
        meta: { feedItemKey: 'https://rdf.example.org/i/1' },
      },
    ]);
  });

  it('reads JSON Feed: content_html as text, content_text as it is, the feed language', async () => {
    const result = await readFeed(`${base}/json`, fresh(), local);
    expect(docs(result.items)).toEqual([
      {
        source: { kind: 'feed', feed: `${base}/json`, url: 'https://json.example.org/1' },
        text: 'Un attentat a eu lieu .\nDeux morts.',
        title: 'JSON item',
        publishedAt: '2024-04-01T08:00:00.000Z',
        byline: 'Agence',
        language: 'fr',
        meta: { feedItemKey: 'j1' },
      },
      {
        source: { kind: 'feed', feed: `${base}/json` },
        text: 'Plain text body.',
        title: 'Text item',
        language: 'fr',
        meta: { feedItemKey: 'j2' },
      },
    ]);
  });

  it('reads long HTML content through htmlToDocument and keeps every paragraph', async () => {
    const result = await readFeed(`${base}/long`, fresh(), local);
    const [doc] = docs(result.items);
    expect(doc?.title).toBe('Long read');
    for (let i = 1; i <= 8; i++) expect(doc?.text).toContain(`Paragraph ${i}: security forces said`);
    expect(doc?.text).not.toContain('<p>');
  });

  it('decodes a feed in the charset its XML declaration names', async () => {
    const result = await readFeed(`${base}/latin1`, fresh(), { ...local });
    expect(docs(result.items).map((d) => [d.title, d.text])).toEqual([['Café', 'Déjà vu']]);
  });

  it('reports an entry without any text, and reads the rest', async () => {
    const result = await readFeed(`${base}/empty-item`, fresh(), local);
    expect(problems(result.items)).toEqual([
      `ingest:feed-empty-item ${base}/empty-item: entry empty-1 has no text`,
    ]);
    expect(docs(result.items).map((d) => d.text)).toEqual(['Kept']);
  });

  it('does not expand an entity bomb: parsed quickly, references left as literal text', async () => {
    const started = Date.now();
    const result = await readFeed(`${base}/bomb`, fresh(), local);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems(result.items)).toEqual([]);
    const [doc] = docs(result.items);
    expect(doc?.title).toBe('&lol9;');
    expect(doc?.text).toBe('&lol9; and &lol9;');
  });

  it('rejects a feed declaring an external entity, without reading the file', async () => {
    const result = await readFeed(`${base}/xxe`, fresh(), local);
    expect(problems(result.items)).toEqual([
      `ingest:feed-malformed ${base}/xxe: malformed feed: External entities are not supported`,
    ]);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('reports a malformed feed and a page that is not a feed, naming the feed URL and keeping the old validators', async () => {
    const state: FeedState = { etag: '"old"', seen: new Set() };
    const malformed = await readFeed(`${base}/malformed`, state, local);
    expect(malformed.items).toEqual([
      {
        problem: {
          ruleId: 'ingest:feed-malformed',
          reason: `${base}/malformed: malformed feed: title is not closed`,
          severity: 'error',
          source: `${base}/malformed`,
        },
      },
    ]);
    expect(malformed.etag).toBe('"old"');
    const notFeed = await readFeed(`${base}/not-a-feed`, fresh(), local);
    expect(problems(notFeed.items)).toEqual([
      `ingest:feed-malformed ${base}/not-a-feed: not an RSS, Atom, RDF or JSON feed`,
    ]);
  });

  it('turns fetch failures into problems: HTTP errors, and private addresses unless allowed', async () => {
    const missing = await readFeed(`${base}/gone`, fresh(), local);
    expect(problems(missing.items)).toEqual([`ingest:fetch ${base}/gone: HTTP 404 from ${base}/gone`]);
    const refused = await readFeed(`${base}/rss`, fresh());
    expect(problems(refused.items)).toEqual([
      `ingest:fetch ${base}/rss: refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address`,
    ]);
    expect(refused.notModified).toBe(false);
  });
});

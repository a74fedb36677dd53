import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  decodeBody,
  isRefusedHostName,
  refusedAddressKind,
  safeFetch,
  type ResolvedAddress,
  type SafeFetchOptions,
} from './safe-fetch.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 with a free port; `requests` records every path asked for. */
async function startServer(
  handler: Handler,
): Promise<{ server: Server; base: string; port: number; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, port, requests };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the fetch to fail');
}

/** A resolver mapping every name to the given addresses, without DNS. */
function resolveTo(...addresses: string[]): (hostname: string) => Promise<ResolvedAddress[]> {
  return async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

const local: SafeFetchOptions = { allowPrivate: true };

describe('safeFetch', () => {
  let server: Server;
  let base: string;
  let port: number;
  let requests: IncomingMessage[];

  beforeAll(async () => {
    ({ server, base, port, requests } = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      if (path === '/hello') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"' });
        res.end('héllo');
      } else if (path === '/echo-headers') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.headers));
      } else if (path === '/conditional') {
        const fresh =
          req.headers['if-none-match'] === '"v7"' ||
          req.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT';
        if (fresh) {
          res.writeHead(304, { etag: '"v7"' });
          res.end();
        } else {
          res.writeHead(200, { etag: '"v7"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' });
          res.end('fresh body');
        }
      } else if (path === '/big-declared') {
        res.writeHead(200, { 'content-length': String(2048) });
        res.end(Buffer.alloc(2048, 97));
      } else if (path === '/big-chunked') {
        // No Content-Length: the limit must be enforced while streaming.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(1024, 98);
        let sent = 0;
        const pump = () => {
          if (sent++ >= 1000 || res.destroyed) return res.end();
          res.write(chunk, pump);
        };
        pump();
      } else if (path === '/gzip-bomb') {
        const zipped = gzipSync(Buffer.alloc(5 * 1024 * 1024));
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(zipped.length) });
        res.end(zipped);
      } else if (path === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
        res.end(gzipSync('compressed text'));
      } else if (path === '/slow') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('start…'); // then never finishes
      } else if (path === '/hang') {
        // never answers
      } else if (path.startsWith('/loop/')) {
        const n = Number(path.slice('/loop/'.length));
        res.writeHead(302, { location: `/loop/${n + 1}` });
        res.end();
      } else if (path === '/redirect-relative') {
        res.writeHead(301, { location: 'hello' });
        res.end();
      } else if (path === '/redirect-twice') {
        res.writeHead(307, { location: `${base}/redirect-relative` });
        res.end();
      } else if (path === '/redirect-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
      } else if (path === '/redirect-loopback') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
        res.end();
      } else if (path === '/redirect-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        res.end();
      } else if (path === '/redirect-other-origin') {
        res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
        res.end();
      } else if (path === '/redirect-no-location') {
        res.writeHead(302);
        res.end();
      } else if (path === '/missing') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      } else if (path === '/secret') {
        res.writeHead(200);
        res.end('internal secret');
      } else {
        res.writeHead(500);
        res.end();
      }
    }));
  });

  afterAll(async () => {
    await stop(server);
  });

  it('fetches a body with its status, final URL, headers and content type', async () => {
    const result = await safeFetch(`${base}/hello`, local);
    expect(result).toMatchObject({
      status: 200,
      url: `${base}/hello`,
      contentType: 'text/plain; charset=utf-8',
      etag: '"v1"',
      notModified: false,
    });
    expect(result.headers['etag']).toBe('"v1"');
    expect(decodeBody(result.body, result.contentType)).toBe('héllo');
  });

  it('sends its user agent, the accept header and caller headers, caller headers winning', async () => {
    const result = await safeFetch(`${base}/echo-headers`, {
      ...local,
      accept: 'text/html',
      headers: { 'X-Test': 'yes', 'User-Agent': 'custom/1' },
    });
    const seen = JSON.parse(result.body.toString('utf8')) as Record<string, string>;
    expect(seen).toMatchObject({ accept: 'text/html', 'x-test': 'yes', 'user-agent': 'custom/1' });
  });

  it('decompresses gzip bodies', async () => {
    const result = await safeFetch(`${base}/gzip`, local);
    expect(result.body.toString('utf8')).toBe('compressed text');
  });

  describe('address checks', () => {
    it('refuses 127.0.0.1 unless private addresses are allowed, naming host and address', async () => {
      const error = await failure(safeFetch(`${base}/secret`));
      expect(error.code).toBe('fetch_refused_address');
      expect(error.message).toBe('refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address');
      expect(requests.some((r) => r.url === '/secret')).toBe(false);
    });

    it('refuses a public-looking host name that resolves to a loopback address', async () => {
      const error = await failure(
        safeFetch(`http://news.example.com:${port}/secret`, { lookup: resolveTo('127.0.0.1') }),
      );
      expect(error.code).toBe('fetch_refused_address');
      expect(error.message).toBe('refused to connect to news.example.com: 127.0.0.1 is a loopback address');
      expect(requests.some((r) => r.url === '/secret')).toBe(false);
    });

    it('refuses a host name when any of its addresses is internal (DNS answers mixing public and private)', async () => {
      const error = await failure(
        safeFetch(`http://mixed.example.com:${port}/secret`, {
          lookup: resolveTo('93.184.216.34', '10.0.0.5'),
        }),
      );
      expect(error.code).toBe('fetch_refused_address');
      expect(error.message).toContain('10.0.0.5 is a private address');
    });

    it('refuses IP literals for metadata, unspecified and IPv4-mapped IPv6 loopback without connecting', async () => {
      for (const [url, address] of [
        ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
        ['http://0.0.0.0/', '0.0.0.0'],
        ['http://[::1]/', '::1'],
        [`http://[::ffff:127.0.0.1]:${port}/secret`, '::ffff:7f00:1'],
        ['http://2130706433/', '127.0.0.1'], // decimal form of 127.0.0.1, normalised by the URL parser
      ] as const) {
        const error = await failure(safeFetch(url, { timeoutMs: 2000 }));
        expect(error.code, url).toBe('fetch_refused_address');
        expect(error.message, url).toContain(address);
      }
    });

    it('refuses local-only host names before resolving them', async () => {
      const lookups: string[] = [];
      const lookup = async (hostname: string) => {
        lookups.push(hostname);
        return [{ address: '93.184.216.34', family: 4 }];
      };
      for (const host of [
        'localhost',
        'LOCALHOST.',
        'metadata.google.internal',
        'printer.local',
        'app.localhost',
      ]) {
        const error = await failure(safeFetch(`http://${host}/`, { lookup }));
        expect(error.code, host).toBe('fetch_refused_address');
        expect(error.message, host).toContain('reserved for local or private networks');
      }
      expect(lookups).toEqual([]);
    });

    it('refuses a redirect from an allowed host to 127.0.0.1, and never requests the target', async () => {
      // example.test is exempted (allowHosts) and mapped to the local server; the redirect target is not exempt.
      const options: SafeFetchOptions = { allowHosts: ['example.test'], lookup: resolveTo('127.0.0.1') };
      const ok = await safeFetch(`http://example.test:${port}/hello`, options);
      expect(ok.body.toString('utf8')).toBe('héllo');

      const error = await failure(safeFetch(`http://example.test:${port}/redirect-loopback`, options));
      expect(error.code).toBe('fetch_refused_address');
      expect(error.message).toBe('refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address');
      expect(requests.some((r) => r.url === '/secret')).toBe(false);

      const metadata = await failure(safeFetch(`http://example.test:${port}/redirect-metadata`, options));
      expect(metadata.code).toBe('fetch_refused_address');
      expect(metadata.message).toContain('169.254.169.254 is a link-local address');
    });
  });

  describe('redirects', () => {
    it('follows relative and absolute redirects and reports the final URL', async () => {
      const result = await safeFetch(`${base}/redirect-twice`, local);
      expect(result.url).toBe(`${base}/hello`);
      expect(result.body.toString('utf8')).toBe('héllo');
    });

    it('gives up after maxRedirects', async () => {
      const error = await failure(safeFetch(`${base}/loop/0`, { ...local, maxRedirects: 3 }));
      expect(error.code).toBe('fetch_too_many_redirects');
      expect(error.message).toBe(`more than 3 redirects from ${base}/loop/0 (last to /loop/4)`);
    });

    it('refuses a redirect to a non-http scheme, and a non-http URL', async () => {
      const redirected = await failure(safeFetch(`${base}/redirect-file`, local));
      expect(redirected.code).toBe('fetch_bad_scheme');
      expect(redirected.message).toContain('file:///etc/passwd');
      const direct = await failure(safeFetch('ftp://example.org/feed.xml', local));
      expect(direct.code).toBe('fetch_bad_scheme');
      const garbage = await failure(safeFetch('not a url', local));
      expect(garbage.code).toBe('fetch_bad_scheme');
    });

    it('reports a redirect without Location as an HTTP error', async () => {
      const error = await failure(safeFetch(`${base}/redirect-no-location`, local));
      expect(error.code).toBe('fetch_http_error');
      expect(error.message).toContain('302');
    });

    it('drops credentials when a redirect leaves the origin', async () => {
      const other = await startServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.headers));
      });
      try {
        const target = encodeURIComponent(`${other.base}/`);
        const result = await safeFetch(`${base}/redirect-other-origin?to=${target}`, {
          ...local,
          headers: { Authorization: 'Bearer secret', Cookie: 'a=b', 'X-Keep': '1' },
        });
        const seen = JSON.parse(result.body.toString('utf8')) as Record<string, string>;
        expect(seen['authorization']).toBeUndefined();
        expect(seen['cookie']).toBeUndefined();
        expect(seen['x-keep']).toBe('1');
      } finally {
        await stop(other.server);
      }
    });
  });

  describe('limits and failures', () => {
    it('refuses a body whose declared length is over maxBytes', async () => {
      const error = await failure(safeFetch(`${base}/big-declared`, { ...local, maxBytes: 1024 }));
      expect(error.code).toBe('fetch_too_large');
      expect(error.message).toBe(`${base}/big-declared is larger than 1024 bytes`);
    });

    it('stops streaming a body without Content-Length once it passes maxBytes', async () => {
      const started = Date.now();
      const error = await failure(safeFetch(`${base}/big-chunked`, { ...local, maxBytes: 64 * 1024 }));
      expect(error.code).toBe('fetch_too_large');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('applies maxBytes to the decompressed size (gzip bomb)', async () => {
      const error = await failure(safeFetch(`${base}/gzip-bomb`, { ...local, maxBytes: 1024 * 1024 }));
      expect(error.code).toBe('fetch_too_large');
    });

    it('times out a server that never answers, and one that never finishes the body', async () => {
      for (const path of ['/hang', '/slow']) {
        const started = Date.now();
        const error = await failure(safeFetch(`${base}${path}`, { ...local, timeoutMs: 300 }));
        expect(error.code, path).toBe('fetch_timeout');
        expect(error.message, path).toBe(`fetching ${base}${path} took longer than 300 ms`);
        expect(Date.now() - started, path).toBeLessThan(3000);
      }
    });

    it('reports HTTP errors with their status', async () => {
      const error = await failure(safeFetch(`${base}/missing`, local));
      expect(error.code).toBe('fetch_http_error');
      expect(error.message).toBe(`HTTP 404 from ${base}/missing`);
    });

    it('reports a refused connection as fetch_failed with the reason', async () => {
      const closed = await startServer(() => undefined);
      await stop(closed.server);
      const error = await failure(safeFetch(`${closed.base}/`, local));
      expect(error.code).toBe('fetch_failed');
      expect(error.message).toContain('ECONNREFUSED');
    });
  });

  describe('conditional GET', () => {
    it('returns notModified on 304 for If-None-Match and for If-Modified-Since', async () => {
      const first = await safeFetch(`${base}/conditional`, local);
      expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v7"' });
      expect(first.lastModified).toBe('Mon, 01 Jan 2024 00:00:00 GMT');

      const byEtag = await safeFetch(`${base}/conditional`, { ...local, ifNoneMatch: '"v7"' });
      expect(byEtag).toMatchObject({ status: 304, notModified: true, etag: '"v7"' });
      expect(byEtag.body.length).toBe(0);

      const byDate = await safeFetch(`${base}/conditional`, {
        ...local,
        ifModifiedSince: 'Mon, 01 Jan 2024 00:00:00 GMT',
      });
      expect(byDate.notModified).toBe(true);
    });
  });
});

describe('refusedAddressKind', () => {
  it('names the kind of each internal address and passes public ones', () => {
    const cases: Array<[string, string | undefined]> = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['::1', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['fd12:3456::1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['fe80::1', 'link-local'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['100.64.0.1', 'shared (CGNAT)'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:a00:1', 'private'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 of 169.254.169.254
      ['2002:7f00:1::', 'loopback'], // 6to4 of 127.0.0.1
      ['8.8.8.8', undefined],
      ['93.184.216.34', undefined],
      ['172.32.0.1', undefined],
      ['100.128.0.1', undefined],
      ['2606:4700::1111', undefined],
      ['::ffff:8.8.8.8', undefined],
      ['not-an-ip', 'invalid'],
    ];
    for (const [address, kind] of cases) expect(refusedAddressKind(address), address).toBe(kind);
  });
});

describe('isRefusedHostName', () => {
  it('refuses local-only names and passes ordinary ones', () => {
    expect(
      ['localhost', 'localhost.', 'metadata.google.internal', 'metadata', 'nas.home.arpa'].map(
        isRefusedHostName,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(['example.org', 'localhost.example.org', 'internal.example.com'].map(isRefusedHostName)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('decodeBody', () => {
  it('uses the header charset, else a BOM, else the XML or meta declaration, else UTF-8', () => {
    const latin1 = Buffer.from('caf\xe9', 'latin1');
    expect(decodeBody(latin1, 'text/html; charset=ISO-8859-1')).toBe('café');
    expect(
      decodeBody(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('café')]),
        'text/html; charset=latin1',
      ),
    ).toBe('café');
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a>'), latin1]);
    expect(decodeBody(xml, 'application/rss+xml')).toContain('café');
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><p>'), latin1]);
    expect(decodeBody(html)).toContain('café');
    expect(decodeBody(Buffer.from('café'), 'text/plain; charset=no-such-charset')).toBe('café');
  });
});

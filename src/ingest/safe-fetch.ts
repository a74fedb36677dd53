/**
 * HTTP(S) GET for untrusted URLs (pages and feeds named by users or by feeds).
 *
 * Every connection goes through one connector that refuses loopback, private, link-local, CGNAT,
 * multicast and reserved addresses — checked on the addresses a host name resolves to before
 * connecting, and again on the socket's remote address once connected, so DNS tricks and
 * redirects cannot reach an internal service. Redirects are followed by hand, one hop at a time,
 * each hop going through the same checks. Size and total time are bounded while streaming.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import { AppError } from '../errors.js';

/** Default limit on the (decoded) body size: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Default limit on the whole exchange, redirects and body included: 15 s. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Default number of redirects followed. */
export const DEFAULT_MAX_REDIRECTS = 5;

const USER_AGENT = 'Vigil/0.1 (news ingest)';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  /** 4 or 6. */
  family: number;
}

/** Resolves a host name to all its addresses (default: the system resolver, `dns.lookup`). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Options for {@link safeFetch}. */
export interface SafeFetchOptions {
  /** Allow loopback, private and other internal addresses (local test servers, intranet use). */
  allowPrivate?: boolean;
  /** Host names exempt from the address checks (an intranet feed you trust), compared case-insensitively. */
  allowHosts?: string[];
  /** Largest body accepted, after decompression (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** Time allowed for the whole fetch, redirects and body included (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Redirects followed before giving up (default {@link DEFAULT_MAX_REDIRECTS}). */
  maxRedirects?: number;
  /** Extra request headers; they override the defaults. */
  headers?: Record<string, string>;
  /** The `Accept` header (default: any type). */
  accept?: string;
  /** Conditional GET: the `ETag` from the last fetch. */
  ifNoneMatch?: string;
  /** Conditional GET: the `Last-Modified` from the last fetch. */
  ifModifiedSince?: string;
  /** `POST` sends `body` (webhooks); the default is `GET`. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Host name resolver; tests inject one to map names to local servers. */
  lookup?: Resolver;
}

/** What {@link safeFetch} returns. */
export interface SafeFetchResult {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Response headers, lower-case names, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body, decompressed; empty for 304. */
  body: Buffer;
  contentType?: string;
  /** True when the server answered 304 Not Modified to a conditional GET. */
  notModified: boolean;
  etag?: string;
  lastModified?: string;
}

/**
 * GET (or POST) `url` without letting it reach internal addresses (unless `allowPrivate`), following up to
 * `maxRedirects` redirects by hand, reading at most `maxBytes` within `timeoutMs`.
 *
 * @throws AppError with code `fetch_refused_address`, `fetch_bad_scheme`, `fetch_too_large`,
 *   `fetch_timeout`, `fetch_too_many_redirects`, `fetch_http_error` (status ≥ 400 or an unusable
 *   3xx) or `fetch_failed` (network error; the reason is in the message and `cause`).
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = httpUrl(url, url);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const agent = new Agent({
    connect: guardedConnector(options, timeoutMs),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  let headers = requestHeaders(options);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(current, {
        method: options.method ?? 'GET',
        headers,
        ...(options.body === undefined ? {} : { body: options.body }),
        signal: controller.signal,
        dispatcher: agent,
        maxRedirections: 0,
      });
      const status = response.statusCode;
      const responseHeaders = flattenHeaders(response.headers);

      if (REDIRECT_STATUSES.has(status)) {
        await response.body.dump();
        const location = responseHeaders['location'];
        if (location === undefined) {
          throw new AppError(
            'fetch_http_error',
            502,
            `HTTP ${status} without a Location header from ${current.href}`,
          );
        }
        if (redirects >= maxRedirects) {
          throw new AppError(
            'fetch_too_many_redirects',
            502,
            `more than ${maxRedirects} redirects from ${url} (last to ${location})`,
          );
        }
        const next = httpUrl(location, current.href);
        if (next.origin !== current.origin) headers = withoutCredentials(headers);
        current = next;
        continue;
      }

      const result: SafeFetchResult = {
        status,
        url: current.href,
        headers: responseHeaders,
        body: Buffer.alloc(0),
        notModified: status === 304,
      };
      if (responseHeaders['content-type'] !== undefined) result.contentType = responseHeaders['content-type'];
      if (responseHeaders['etag'] !== undefined) result.etag = responseHeaders['etag'];
      if (responseHeaders['last-modified'] !== undefined)
        result.lastModified = responseHeaders['last-modified'];

      if (status === 304) {
        await response.body.dump();
        return result;
      }
      if (status < 200 || status >= 300) {
        await response.body.dump();
        throw new AppError('fetch_http_error', 502, `HTTP ${status} from ${current.href}`);
      }
      result.body = await readLimited(response.body, responseHeaders, maxBytes, current.href);
      return result;
    }
  } catch (err) {
    throw toAppError(err, controller.signal.aborted, current.href, timeoutMs);
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => undefined);
  }
}

/**
 * Decode a fetched body to text: the charset from a byte-order mark, else from the
 * `Content-Type` header, else from an `<?xml encoding>` or `<meta charset>` declaration near the
 * start, else UTF-8. An unknown charset falls back to UTF-8.
 */
export function decodeBody(body: Buffer, contentType?: string): string {
  const label = bomCharset(body) ?? charsetParameter(contentType) ?? declaredCharset(body) ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/**
 * Why an IP address may not be fetched from: `'loopback'`, `'private'`, `'link-local'`,
 * `'unspecified'`, `'shared (CGNAT)'`, `'multicast'` or `'reserved'`; `undefined` for a public
 * address. IPv6 forms that embed an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that IPv4 address.
 */
export function refusedAddressKind(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'invalid';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of BLOCK_LISTS) if (list.check(address, type)) return kind;
  return undefined;
}

/**
 * True for host names that only make sense inside a private network and are refused without
 * resolving them: `localhost` and `*.localhost`, `*.internal` (`metadata.google.internal`),
 * `*.local` (mDNS), `*.home.arpa` and the bare `metadata`.
 */
export function isRefusedHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name === 'metadata' ||
    ['.localhost', '.internal', '.local', '.home.arpa'].some((suffix) => name.endsWith(suffix))
  );
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const REFUSED_RANGES: Array<[kind: string, cidrs: string[]]> = [
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['shared (CGNAT)', ['100.64.0.0/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  [
    'reserved',
    [
      '192.0.0.0/24',
      '192.0.2.0/24',
      '198.18.0.0/15',
      '198.51.100.0/24',
      '203.0.113.0/24',
      '240.0.0.0/4',
      '::/96',
      '64:ff9b:1::/48',
      '100::/64',
      '2001:db8::/32',
      'fec0::/10',
    ],
  ],
];

/** One BlockList per kind. Node matches IPv4-mapped IPv6 against IPv4 rules itself; NAT64 and 6to4 are added. */
const BLOCK_LISTS: Array<[string, BlockList]> = REFUSED_RANGES.map(([kind, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', bits = ''] = cidr.split('/');
    const prefix = Number(bits);
    if (isIP(network) === 4) {
      list.addSubnet(network, prefix, 'ipv4');
      list.addSubnet(`64:ff9b::${network}`, 96 + prefix, 'ipv6');
      list.addSubnet(`2002:${ipv4Hex(network)}::`, 16 + prefix, 'ipv6');
    } else {
      list.addSubnet(network, prefix, 'ipv6');
    }
  }
  return [kind, list];
});

function ipv4Hex(address: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function refused(host: string, address: string, kind: string): AppError {
  return new AppError(
    'fetch_refused_address',
    400,
    `refused to connect to ${host}: ${address} is a ${kind} address`,
  );
}

/** The connector every socket of a fetch is opened through: name, resolved-address and connected-address checks. */
function guardedConnector(options: SafeFetchOptions, timeoutMs: number): buildConnector.connector {
  const resolve = options.lookup ?? defaultResolver;
  const exempt = new Set((options.allowHosts ?? []).map((host) => host.toLowerCase()));
  const checked = (hostname: string): boolean => !options.allowPrivate && !exempt.has(hostname.toLowerCase());

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (all) => {
        const refusal = checked(hostname) ? firstRefused(hostname, all) : undefined;
        const family = familyNumber(lookupOptions.family);
        const addresses = all.filter((a) => family === 0 || a.family === family);
        const first = addresses[0];
        if (refusal) callback(refusal, '', 0);
        else if (!first) callback(notFound(hostname), '', 0);
        else if (lookupOptions.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
  const connect = buildConnector({ lookup, timeout: timeoutMs });

  return (connectOptions, callback) => {
    const host = connectOptions.hostname;
    if (checked(host)) {
      const kind = isIP(host) ? refusedAddressKind(host) : undefined;
      if (kind) return callback(refused(host, host, kind), null);
      if (isRefusedHostName(host)) {
        const reason = `refused to connect to ${host}: the name is reserved for local or private networks`;
        return callback(new AppError('fetch_refused_address', 400, reason), null);
      }
    }
    connect(connectOptions, (err, socket) => {
      if (err) return callback(err, null);
      // The address actually connected to; the lookup above already refused bad ones, this is the backstop.
      const remote = socket.remoteAddress;
      const kind = checked(host)
        ? remote === undefined
          ? 'unknown'
          : refusedAddressKind(remote)
        : undefined;
      if (kind) {
        socket.destroy();
        return callback(refused(host, remote ?? 'the connected address', kind), null);
      }
      callback(null, socket);
    });
  };
}

function firstRefused(hostname: string, addresses: ResolvedAddress[]): AppError | undefined {
  for (const { address } of addresses) {
    const kind = refusedAddressKind(address);
    if (kind) return refused(hostname, address, kind);
  }
  return undefined;
}

async function defaultResolver(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

function familyNumber(family: number | string | undefined): number {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  err.code = 'ENOTFOUND';
  return err;
}

/** Parse `value` against `base`; only http and https are fetched. */
function httpUrl(value: string, base: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    throw new AppError('fetch_bad_scheme', 400, `not a valid URL: ${value}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError(
      'fetch_bad_scheme',
      400,
      `refused to fetch ${parsed.href}: only http and https URLs are fetched`,
    );
  }
  return parsed;
}

function requestHeaders(options: SafeFetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
  if (options.ifModifiedSince !== undefined) headers['if-modified-since'] = options.ifModifiedSince;
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

/** Credentials meant for one origin are not sent on to another. */
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const rest = { ...headers };
  for (const name of ['authorization', 'cookie', 'proxy-authorization']) delete rest[name];
  return rest;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Read the body, decompressing it, and stop as soon as it passes `maxBytes`. */
async function readLimited(
  body: Readable,
  headers: Record<string, string>,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const tooLarge = () => new AppError('fetch_too_large', 502, `${url} is larger than ${maxBytes} bytes`);
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(body);
    throw tooLarge();
  }
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let stream: Readable = body;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = pipeline(body, createGunzip(), () => undefined);
  else if (encoding === 'deflate') stream = pipeline(body, createInflate(), () => undefined);
  else if (encoding === 'br') stream = pipeline(body, createBrotliDecompress(), () => undefined);
  else if (encoding !== 'identity' && encoding !== '') {
    discard(body);
    throw new AppError(
      'fetch_failed',
      502,
      `fetching ${url} failed: unsupported content-encoding "${encoding}"`,
    );
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      discard(body);
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Stop reading a response; destroying an undici body emits an abort error nobody needs. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function toAppError(err: unknown, timedOut: boolean, url: string, timeoutMs: number): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (timedOut || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
    return new AppError('fetch_timeout', 504, `fetching ${url} took longer than ${timeoutMs} ms`);
  }
  const message = err instanceof Error ? err.message : String(err);
  const reason = typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  const error = new AppError('fetch_failed', 502, `fetching ${url} failed: ${reason}`);
  error.cause = err;
  return error;
}

function bomCharset(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function charsetParameter(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

function declaredCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 1024).toString('latin1');
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}

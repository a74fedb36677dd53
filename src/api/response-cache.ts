import type { FastifyRequest } from 'fastify';
import type { ApiApp } from './api-types.js';

/** A cached answer: its body, and the data version it was computed at. */
interface Entry {
  stamp: string;
  body: string;
}

/** What the cache hooks remember about a request. */
interface CacheNote {
  key: string;
  stamp: string;
  hit: boolean;
}

const notes = new WeakMap<FastifyRequest, CacheNote>();

/**
 * Answers of the read routes, kept until the data changes: analysts' pages are read far more often
 * than the store changes, and some reads are costly (search snippets of long documents). An answer
 * is kept under the caller's clearance and the URL — the only things a `read` route's answer
 * depends on — with the data version it was computed at: the database's own (another process
 * wrote) and this server's generation, moved by every state-changing request before and after it
 * runs. Least recently used answers go first past `maxEntries` or `maxBytes`.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;

  constructor(
    private readonly dataVersion: () => Promise<string | undefined>,
    private readonly maxEntries = 1000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** Forget everything cached so far (this server is changing the data). */
  invalidate(): void {
    this.generation++;
  }

  /** The current data version, or undefined when the database cannot tell (nothing is cached then). */
  async stamp(): Promise<string | undefined> {
    const version = await this.dataVersion();
    return version === undefined ? undefined : `${version}/${this.generation}`;
  }

  /** The answer cached for `key` at data version `stamp`. */
  get(key: string, stamp: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  /** Keep an answer computed at data version `stamp`. */
  set(key: string, stamp: string, body: string): void {
    this.remove(key);
    if (body.length > this.maxBytes / 8) return;
    this.entries.set(key, { stamp, body });
    this.bytes += body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes)
      this.remove(this.entries.keys().next().value!);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }
}

/**
 * Serve `GET` requests of `read` routes from `cache` (after authentication: the key holds the
 * caller's clearance), keep their successful answers, and invalidate the cache around every
 * state-changing request. Register after the security hooks.
 */
export function registerResponseCache(app: ApiApp, cache: ResponseCache): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.principal) return; // public routes change nothing cached
    if (request.method !== 'GET') {
      if (request.method !== 'HEAD') cache.invalidate();
      return;
    }
    if (request.routeOptions.config.access !== 'read') return;
    const stamp = await cache.stamp();
    if (stamp === undefined) return;
    const key = `${request.principal.clearance}\u0000${request.url}`;
    const body = cache.get(key, stamp);
    notes.set(request, { key, stamp, hit: body !== undefined });
    if (body !== undefined) return reply.type('application/json; charset=utf-8').send(body);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const note = notes.get(request);
    if (note && !note.hit && reply.statusCode === 200 && typeof payload === 'string')
      cache.set(note.key, note.stamp, payload);
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    if (request.principal && request.method !== 'GET' && request.method !== 'HEAD') cache.invalidate();
  });
}

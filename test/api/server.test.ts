import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toErrorResponse } from '../../src/api/error-handler.js';
import { AppError } from '../../src/errors.js';
import { addUser, login, startApi, type ApiFixture } from '../helpers/api.js';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';frame-ancestors 'none';base-uri 'self';form-action 'self'";

describe('the web server', () => {
  let f: ApiFixture;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'vigil-web-'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><title>Vigil</title><script type="module" src="/app.js"></script>',
    );
    writeFileSync(join(web, 'app.js'), 'console.log("vigil");');
    f = await startApi([], { webDir: web });
    await addUser(f, 'ana', 'analyst', 4);
  });
  afterAll(async () => {
    await f?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('sends a strict Content-Security-Policy and security headers on every answer', async () => {
    for (const url of ['/api/health', '/', '/app.js', '/incidents/inc-1']) {
      const res = await f.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toBe(CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect((await f.app.inject({ url: '/api/health' })).headers['cache-control']).toBe('no-store');
  });

  it('serves the web app’s files, and its index.html for other pages, but JSON 404s under /api', async () => {
    const page = await f.app.inject({ url: '/incidents/inc-123?x=1' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Vigil</title>');
    expect((await f.app.inject({ url: '/app.js' })).body).toContain('console.log');
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/health'],
      ['GET', '/api'],
      ['POST', '/somewhere'],
    ] as const) {
      const res = await f.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: `no route ${method} ${url}` } });
    }
  });

  it('serves the OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await f.app.inject({ url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/incidents/{id}/split');
    expect(doc.paths['/api/search']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'from', 'to', 'country', 'group', 'type', 'limit', 'offset']),
    );
    expect(doc.paths['/api/reviews']!.post!.requestBody).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Error',
        'Incident',
        'IncidentSummary',
        'Statement',
        'Chain',
        'User',
        'ApiToken',
      ]),
    );
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'token']);
  });

  it('refuses bodies over the limit, bad JSON and wrong media types with the one error shape', async () => {
    const s = await login(f, 'ana');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
    const big = await f.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers,
      payload: JSON.stringify({
        subjectId: 'x',
        field: 'quote',
        action: 'correct',
        value: 'x'.repeat(2_000_000),
      }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const broken = await f.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers,
      payload: '{"subjectId":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'bad_request' } });
    const form = await f.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'subjectId=x',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });
});

describe('uploads', () => {
  it('refuses a file over the upload limit with 413', async () => {
    const f = await startApi([], { maxUploadBytes: 1000 });
    try {
      await addUser(f, 'ana', 'analyst', 4);
      const s = await login(f, 'ana');
      const boundary = 'vigilboundary';
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n` +
          `${'A bomb exploded. '.repeat(200)}\r\n--${boundary}--\r\n`,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      expect((await f.services.store.stats()).documents).toBe(0);
    } finally {
      await f.close();
    }
  });
});

describe('toErrorResponse', () => {
  it('keeps an AppError’s code and HTTP status, and makes other statuses 500', () => {
    expect(toErrorResponse(new AppError('incident_not_found', 404, 'no incident x'))).toEqual({
      status: 404,
      body: { error: { code: 'incident_not_found', message: 'no incident x' } },
      unexpected: false,
    });
    expect(toErrorResponse(new AppError('store_unreachable', 2, 'cannot reach PostgreSQL')).status).toBe(500);
  });

  it('turns zod errors into invalid_request with the path of the first problem', () => {
    const err = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } }).error!;
    expect(toErrorResponse(err)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request', message: expect.stringMatching(/^a\.b: /) } },
    });
  });

  it('hides the details of unexpected errors', () => {
    expect(toErrorResponse(new Error('SQLITE_CORRUPT at /secret/path'))).toEqual({
      status: 500,
      body: { error: { code: 'internal_error', message: 'internal error' } },
      unexpected: true,
    });
  });
});

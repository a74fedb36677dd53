import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, effectiveRole } from '../../src/services/auth.js';
import type { Role, TokenScope } from '../../src/store/accounts.js';
import { addUser, login, startApi, tokenOf, type ApiFixture } from '../helpers/api.js';
import { freshSchema, pgReachable } from '../helpers/postgres.js';

/** What a route needs (docs/api.md's role column). */
type Need = 'public' | 'user' | 'read' | 'write' | 'admin';

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** The documented path, to check that every route of the OpenAPI document is in the matrix. */
  path: string;
  need: Need;
  /** A body that does no harm when the request is allowed (invalid, or about nothing that exists). */
  payload?: unknown;
  /** Managing tokens needs a session or a token with the admin scope. */
  tokenManagement?: boolean;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/health', path: '/api/health', need: 'public' },
  { method: 'GET', url: '/api/openapi.json', path: '/api/openapi.json', need: 'public' },
  {
    method: 'POST',
    url: '/api/auth/login',
    path: '/api/auth/login',
    need: 'public',
    payload: { username: 'nobody', password: '' },
  },
  { method: 'GET', url: '/api/auth/me', path: '/api/auth/me', need: 'user' },
  {
    method: 'POST',
    url: '/api/auth/password',
    path: '/api/auth/password',
    need: 'user',
    payload: { current: '', next: '' },
  },
  { method: 'GET', url: '/api/users', path: '/api/users', need: 'admin' },
  { method: 'POST', url: '/api/users', path: '/api/users', need: 'admin', payload: { username: 'x' } },
  { method: 'PATCH', url: '/api/users/nobody', path: '/api/users/{username}', need: 'admin', payload: {} },
  { method: 'GET', url: '/api/tokens', path: '/api/tokens', need: 'user' },
  {
    method: 'POST',
    url: '/api/tokens',
    path: '/api/tokens',
    need: 'user',
    payload: { name: '', scopes: [] },
  },
  {
    method: 'DELETE',
    url: '/api/tokens/0000000000000000',
    path: '/api/tokens/{id}',
    need: 'user',
    tokenManagement: true,
  },
  { method: 'GET', url: '/api/stats', path: '/api/stats', need: 'read' },
  { method: 'GET', url: '/api/dashboard', path: '/api/dashboard', need: 'read' },
  { method: 'GET', url: '/api/documents', path: '/api/documents', need: 'read' },
  { method: 'GET', url: '/api/documents/doc_nope', path: '/api/documents/{id}', need: 'read' },
  { method: 'GET', url: '/api/search?q=attack', path: '/api/search', need: 'read' },
  { method: 'GET', url: '/api/incidents?all=true', path: '/api/incidents', need: 'read' },
  { method: 'GET', url: '/api/incidents/inc-nope', path: '/api/incidents/{id}', need: 'read' },
  { method: 'GET', url: '/api/statements', path: '/api/statements', need: 'read' },
  { method: 'GET', url: '/api/statements/stm-nope', path: '/api/statements/{id}', need: 'read' },
  { method: 'GET', url: '/api/chains', path: '/api/chains', need: 'read' },
  { method: 'GET', url: '/api/entities?kind=group', path: '/api/entities', need: 'read' },
  { method: 'GET', url: '/api/entities/taliban', path: '/api/entities/{id}', need: 'read' },
  { method: 'GET', url: '/api/candidates', path: '/api/candidates', need: 'read' },
  { method: 'GET', url: '/api/candidates/decisions', path: '/api/candidates/decisions', need: 'read' },
  {
    method: 'POST',
    url: '/api/candidates/nobody%20at%20all/decision',
    path: '/api/candidates/{key}/decision',
    need: 'write',
    payload: { decision: 'rejected' },
  },
  {
    method: 'DELETE',
    url: '/api/candidates/nobody%20at%20all/decision',
    path: '/api/candidates/{key}/decision',
    need: 'write',
  },
  { method: 'GET', url: '/api/alerts', path: '/api/alerts', need: 'read' },
  { method: 'POST', url: '/api/alerts/999999/ack', path: '/api/alerts/{id}/ack', need: 'write' },
  {
    method: 'POST',
    url: '/api/reviews',
    path: '/api/reviews',
    need: 'write',
    payload: { subjectId: 'inc-nope', field: 'type', action: 'confirm' },
  },
  {
    method: 'POST',
    url: '/api/incidents/merge',
    path: '/api/incidents/merge',
    need: 'write',
    payload: { ids: ['inc-nope', 'inc-none'] },
  },
  {
    method: 'POST',
    url: '/api/incidents/inc-nope/split',
    path: '/api/incidents/{id}/split',
    need: 'write',
    payload: { documentId: 'doc_nope' },
  },
  { method: 'POST', url: '/api/ingest', path: '/api/ingest', need: 'write', payload: {} },
  { method: 'GET', url: '/api/export?format=jsonl', path: '/api/export', need: 'write' },
  { method: 'GET', url: '/api/export?format=csv', path: '/api/export', need: 'write' },
  { method: 'GET', url: '/api/export?format=stix', path: '/api/export', need: 'write' },
  { method: 'GET', url: '/api/audit', path: '/api/audit', need: 'admin' },
  // Last: it ends the session.
  { method: 'POST', url: '/api/auth/logout', path: '/api/auth/logout', need: 'user' },
];

/** Someone calling the API: anonymous, a user's session, or a user's token. */
interface Caller {
  label: string;
  role?: Role;
  clearance?: number;
  scopes?: TokenScope[];
  headers: () => Promise<Record<string, string>>;
}

const RED_ONLY = { ids: ['wikinews-0107', 'wikinews-0022'], marking: 'TLP:RED' as const };

for (const backend of ['SQLite', 'PostgreSQL'] as const)
  describe.skipIf(backend === 'PostgreSQL' && !pgReachable)(
    `permissions: role × clearance × route (${backend})`,
    () => {
      let f: ApiFixture;
      const callers: Caller[] = [];
      /** Strings that only TLP:RED readers may ever receive: ids, URLs and titles of what only RED documents report. */
      const redMarkers: string[] = [];

      beforeAll(async () => {
        f = await startApi(
          [
            { ids: ['wikinews-0003'], marking: 'TLP:CLEAR' },
            { ids: ['wikinews-0002'], marking: 'TLP:GREEN' },
            RED_ONLY,
          ],
          { loginRateLimit: 100_000, ...(backend === 'PostgreSQL' ? { database: await freshSchema() } : {}) },
        );
        callers.push({ label: 'anonymous', headers: async () => ({}) });
        for (const role of ['viewer', 'analyst', 'admin'] as const)
          for (const clearance of [0, 1, 2, 3, 4]) {
            const username = `${role}${clearance}`;
            await addUser(f, username, role, clearance);
            let session: Awaited<ReturnType<typeof login>> | undefined;
            callers.push({
              label: `${username} (session)`,
              role,
              clearance,
              headers: async () => {
                session ??= await login(f, username);
                return { cookie: session.cookie, 'x-csrf-token': session.csrf };
              },
            });
          }
        for (const [username, scopes] of [
          ['admin4', ['read']],
          ['admin4', ['write']],
          ['admin1', ['admin']],
          ['analyst1', ['read']],
          ['analyst1', ['read', 'write']],
          ['viewer1', ['read']],
        ] as [string, TokenScope[]][]) {
          const user = (await f.stores.accounts.getUser(username))!;
          const token = await tokenOf(f, username, scopes);
          callers.push({
            label: `${username} (token ${scopes.join('+')})`,
            role: user.role,
            clearance: user.clearance,
            scopes,
            headers: async () => ({ authorization: `Bearer ${token}` }),
          });
        }
        callers.push({
          label: 'bad token',
          headers: async () => ({ authorization: 'Bearer vigil_notatokenatallreally' }),
        });

        const red = f.services.store;
        for (const d of (await f.services.listing.listDocumentSummaries({ limit: 100, offset: 0 })).items)
          if (d.marking === 'TLP:RED') redMarkers.push(d.id, d.url!, d.title!);
        const visibleBelowRed = new Set(
          (await red.listIncidents({ clearance: 3, limit: 500 })).map((i) => i.id),
        );
        for (const i of await red.listIncidents({ limit: 500 }))
          if (!visibleBelowRed.has(i.id)) redMarkers.push(i.id);
        for (const s of await red.listStatements({ limit: 500 })) redMarkers.push(s.id);
      });
      afterAll(async () => f?.close());

      it('covers every route of the OpenAPI document', async () => {
        const doc = (await f.app.inject({ url: '/api/openapi.json' })).json() as {
          paths: Record<string, Record<string, unknown>>;
        };
        const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
          Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
        );
        const tested = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
        expect(documented.filter((r) => !tested.has(r))).toEqual([]);
        expect(documented.length).toBeGreaterThanOrEqual(30);
      });

      it('has RED-only incidents, statements and documents to hide', () => {
        expect(redMarkers.filter((m) => m.startsWith('inc-')).length).toBeGreaterThan(0);
        expect(redMarkers.filter((m) => m.startsWith('stm-')).length).toBeGreaterThan(0);
      });

      it('answers every caller on every route as its role, token scopes and clearance allow, and never shows RED-only data below RED', async () => {
        const failures: string[] = [];
        for (const caller of callers) {
          for (const route of ROUTES) {
            const res = await f.app.inject({
              method: route.method,
              url: route.url,
              headers: await caller.headers(),
              ...(route.payload !== undefined ? { payload: route.payload as object } : {}),
            });
            const expected = expectation(route, caller);
            const problem = check(res, expected);
            if (problem) failures.push(`${caller.label} ${route.method} ${route.url}: ${problem}`);
            if (
              res.statusCode < 300 &&
              caller.clearance !== undefined &&
              caller.clearance < 4 &&
              route.need !== 'public'
            ) {
              const leaked = redMarkers.filter((m) => res.body.includes(m));
              if (leaked.length > 0)
                failures.push(
                  `${caller.label} ${route.method} ${route.url}: shows RED-only ${leaked.join(', ')}`,
                );
            }
          }
        }
        expect(failures).toEqual([]);
      });

      it('shows RED readers what RED documents report, in lists, search, counts, dashboard, chains, alerts and exports', async () => {
        const token = await tokenOf(f, 'admin4', ['write']);
        const green = await tokenOf(f, 'analyst1', ['write']);
        const get = async (t: string, url: string) =>
          (await f.app.inject({ url, headers: { authorization: `Bearer ${t}` } })).body;
        const redIncident = redMarkers.find((m) => m.startsWith('inc-'))!;
        const redDoc = redMarkers.find((m) => m.startsWith('doc_'))!;
        for (const [url, marker] of [
          ['/api/incidents?all=true&limit=500', redIncident],
          ['/api/documents?limit=500', redDoc],
          ['/api/search?q=drone&limit=500', redDoc],
          ['/api/chains', 'stm-'],
          ['/api/alerts', '"rule"'],
          ['/api/dashboard', '"rule"'],
          ['/api/dashboard', 'taliban'],
          ['/api/entities/taliban', 'inc-'],
          ['/api/export?format=jsonl', redIncident],
          ['/api/export?format=csv', 'Taliban'],
          ['/api/export?format=stix', 'Taliban'],
        ] as const) {
          expect(await get(token, url), `${url} for RED`).toContain(marker);
          expect(await get(green, url), `${url} for GREEN`).not.toContain(marker);
        }
        const count = async (t: string, url: string) =>
          (JSON.parse(await get(t, url)) as { total: number }).total;
        for (const url of [
          '/api/incidents?all=true',
          '/api/documents',
          '/api/search?q=the',
          '/api/statements',
          '/api/alerts',
        ])
          expect(await count(token, url), url).toBeGreaterThan(await count(green, url));
        const stats = async (t: string) => JSON.parse(await get(t, '/api/stats')) as Record<string, number>;
        const [redStats, greenStats] = [await stats(token), await stats(green)];
        expect(redStats.resolvedIncidents).toBeGreaterThan(greenStats.resolvedIncidents!);
        expect(greenStats).not.toHaveProperty('reviews');
        expect(
          (
            await f.app.inject({
              url: `/api/incidents/${redIncident}`,
              headers: { authorization: `Bearer ${green}` },
            })
          ).statusCode,
        ).toBe(404);
        expect(
          (
            await f.app.inject({
              url: `/api/documents/${redDoc}`,
              headers: { authorization: `Bearer ${green}` },
            })
          ).statusCode,
        ).toBe(404);
      });
    },
  );

type Expected = 'allowed' | 'unauthenticated' | 'forbidden';

function expectation(route: RouteCase, caller: Caller): Expected {
  if (route.need === 'public') return 'allowed';
  if (!caller.role) return 'unauthenticated';
  if (route.tokenManagement && caller.scopes && !caller.scopes.includes('admin')) return 'forbidden';
  if (route.need === 'user') return 'allowed';
  return can(effectiveRole(caller.role, caller.scopes), route.need) ? 'allowed' : 'forbidden';
}

function check(res: LightMyRequestResponse, expected: Expected): string | undefined {
  const s = res.statusCode;
  if (s >= 500) return `server error ${s} ${res.body}`;
  if (expected === 'unauthenticated' && s !== 401) return `expected 401, got ${s}`;
  if (expected === 'forbidden' && s !== 403) return `expected 403, got ${s}`;
  if (expected === 'allowed' && (s === 401 || s === 403) && !res.body.includes('invalid_credentials'))
    return `expected to be allowed, got ${s} ${res.body}`;
  if (s >= 400) {
    const body = res.json() as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')
      return `error without {error:{code,message}}: ${res.body}`;
  }
  return undefined;
}

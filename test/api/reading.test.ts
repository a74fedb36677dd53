import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, startApi, tokenOf, type ApiFixture } from '../helpers/api.js';

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

describe('reading routes', () => {
  let f: ApiFixture;
  let red: Record<string, string>;
  let green: Record<string, string>;
  const get = async <T>(url: string, headers: Record<string, string> = red): Promise<T> => {
    const res = await f.app.inject({ url, headers });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json() as T;
  };
  const status = async (url: string, headers: Record<string, string> = red) =>
    (await f.app.inject({ url, headers })).statusCode;

  beforeAll(async () => {
    f = await startApi([
      { ids: ['wikinews-0003', 'wikinews-0005', 'wikinews-0006'], marking: 'TLP:CLEAR' },
      { ids: ['wikinews-0002'], marking: 'TLP:GREEN' },
      { ids: ['wikinews-0107', 'wikinews-0022'], marking: 'TLP:RED' },
    ]);
    await addUser(f, 'vic', 'viewer', 4);
    await addUser(f, 'gina', 'viewer', 1);
    red = { authorization: `Bearer ${await tokenOf(f, 'vic', ['read'])}` };
    green = { authorization: `Bearer ${await tokenOf(f, 'gina', ['read'])}` };
  });
  afterAll(async () => f?.close());

  it('GET /api/health answers without login', async () => {
    expect(await get('/api/health', {})).toEqual({ status: 'ok', version: '0.1.0' });
  });

  it('GET /api/stats counts what the caller may see', async () => {
    const all = await get<Record<string, number>>('/api/stats');
    expect(all).toMatchObject({ documents: 6, reviews: 0 });
    const some = await get<Record<string, number>>('/api/stats', green);
    expect(some.documents).toBe(4);
    expect(some).not.toHaveProperty('messages');
  });

  it('GET /api/documents pages documents newest first with their marking, and /:id gives text, extraction and mentions', async () => {
    const page = await get<Page<{ id: string; publishedAt: string; marking: string; title: string }>>(
      '/api/documents?limit=2&offset=1',
    );
    expect([page.total, page.limit, page.offset, page.items.length]).toEqual([6, 2, 1, 2]);
    const all =
      await get<Page<{ id: string; publishedAt: string; marking: string; title: string }>>('/api/documents');
    const dates = all.items.map((d) => d.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.items[0]).not.toHaveProperty('text');
    const red22 = all.items.find((d) => d.title.includes('Maidan Wardak'))!;
    const detail = await get<{
      document: { text: string; marking: string; title: string; source: { kind: string } };
      extraction: { incidents: { id: string }[] };
      mentions: { kind: string; start: number; end: number; text: string; entity?: { id: string } }[];
    }>(`/api/documents/${red22.id}`);
    expect(detail.document.marking).toBe('TLP:RED');
    expect(detail.extraction.incidents.length).toBeGreaterThan(0);
    expect(detail.mentions.length).toBeGreaterThan(5);
    for (const m of detail.mentions) expect(detail.document.text.slice(m.start, m.end)).toBe(m.text);
    expect(detail.mentions.some((m) => m.kind === 'group' && m.entity?.id === 'taliban')).toBe(true);
    expect(await status(`/api/documents/${red22.id}`, green)).toBe(404);
    const missing = await f.app.inject({ url: '/api/documents/doc_nope', headers: red });
    expect(missing.json()).toEqual({
      error: { code: 'document_not_found', message: 'no document doc_nope' },
    });
    expect(await status('/api/documents?limit=0')).toBe(400);
    expect(await status('/api/documents?limit=501')).toBe(400);
  });

  it('GET /api/search finds documents with snippets and filters, counting all hits', async () => {
    const hits = await get<Page<{ id: string; snippet: string; title: string }>>(
      '/api/search?q=bomb&limit=1',
    );
    expect(hits.items).toHaveLength(1);
    expect(hits.total).toBeGreaterThan(1);
    expect(hits.items[0]!.snippet).toMatch(/\[bomb\]/i);
    const afghan = await get<Page<{ title: string }>>('/api/search?q=bomb&country=af');
    expect(afghan.items.map((h) => h.title)).toEqual([expect.stringContaining('Maidan Wardak')]);
    expect((await get<Page<unknown>>('/api/search?q=bomb&country=af', green)).total).toBe(0);
    expect((await get<Page<unknown>>('/api/search?q=bomb&from=2019-01-01&to=2019-12-31')).total).toBe(1);
    expect((await get<Page<unknown>>('/api/search?q=bomb&to=2018-12-31')).total).toBe(hits.total - 1);
    const bad = await f.app.inject({ url: '/api/search', headers: red });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringContaining('q') },
    });
    expect(await status('/api/search?q=bomb&from=yesterday')).toBe(400);
  });

  it('GET /api/incidents lists resolved incidents with filters, and /:id gives statements and chains', async () => {
    const main =
      await get<Page<{ id: string; type: string; location: { countryCode: string }; mentionCount: number }>>(
        '/api/incidents',
      );
    const all = await get<Page<{ id: string }>>('/api/incidents?all=true&limit=500');
    expect(all.total).toBeGreaterThanOrEqual(main.total);
    expect(main.items[0]).toMatchObject({ mentionCount: expect.any(Number), documents: expect.any(Array) });
    expect(main.items[0]).not.toHaveProperty('evidence');
    const af = await get<Page<{ id: string; location: { city: string } }>>('/api/incidents?country=AF');
    expect(af.items.map((i) => i.location.city)).toEqual(['Maydanshakhr']);
    expect((await get<Page<unknown>>('/api/incidents?country=AF', green)).total).toBe(0);
    expect((await get<Page<unknown>>('/api/incidents?group=taliban')).total).toBe(1);
    expect((await get<Page<unknown>>('/api/incidents?type=Hijacking')).total).toBe(0);
    expect((await get<Page<unknown>>('/api/incidents?from=2019-01-01&to=2019-01-31')).total).toBe(1);
    const chains = await get<Page<{ nodes: { id: string; kind: string }[] }>>('/api/chains');
    const chained = chains.items[0]!.nodes.find((n) => n.kind === 'incident')!.id;
    const detail = await get<{
      incident: { id: string; mentions: unknown[] };
      statements: unknown[];
      chains: unknown[];
    }>(`/api/incidents/${chained}`);
    expect(detail.incident.id).toBe(chained);
    expect(detail.incident.mentions.length).toBeGreaterThan(0);
    expect(detail.chains).toHaveLength(1);
    expect(await status('/api/incidents/inc-nope')).toBe(404);
    expect(await status('/api/incidents?all=maybe')).toBe(400);
  });

  it('GET /api/statements lists resolved statements by type, actor and incident, and /:id gives one', async () => {
    const all = await get<Page<{ id: string; type: string; refersTo: string[] }>>('/api/statements');
    expect(all.total).toBeGreaterThan(0);
    const first = all.items[0]!;
    expect((await get<Page<unknown>>(`/api/statements?type=${first.type}`)).total).toBeGreaterThan(0);
    expect((await get<Page<unknown>>('/api/statements?type=warning&actor=nobody')).total).toBe(0);
    if (first.refersTo[0])
      expect(
        (await get<Page<unknown>>(`/api/statements?incident=${first.refersTo[0]}`)).total,
      ).toBeGreaterThan(0);
    expect(await get<{ id: string }>(`/api/statements/${first.id}`)).toMatchObject({ id: first.id });
    expect(await status(`/api/statements/${first.id}`, green)).toBe(404);
    expect(await status('/api/statements/stm-nope')).toBe(404);
  });

  it('GET /api/chains gives retaliation chains with nodes, edges and evidence', async () => {
    const chains =
      await get<Page<{ id: string; nodes: unknown[]; edges: { evidence: { text: string }[] }[] }>>(
        '/api/chains',
      );
    expect(chains.total).toBeGreaterThan(0);
    expect(chains.items[0]!.edges[0]!.evidence[0]!.text).toContain('retaliation');
    expect((await get<Page<unknown>>('/api/chains', green)).total).toBe(0);
  });

  it('GET /api/entities lists the knowledge base by kind and words, and /:id gives incidents and statements', async () => {
    const groups = await get<Page<{ kind: string; name: string }>>('/api/entities?kind=group&limit=500');
    expect(groups.total).toBeGreaterThan(20);
    expect(new Set(groups.items.map((e) => e.kind))).toEqual(new Set(['group']));
    const found = await get<Page<{ id: string }>>('/api/entities?q=taleban');
    expect(found.items.map((e) => e.id)).toContain('taliban');
    const taliban = await get<{ entity: { aliases: string[] }; incidents: unknown[] }>(
      '/api/entities/taliban',
    );
    expect(taliban.entity.aliases.length).toBeGreaterThan(0);
    expect(taliban.incidents).toHaveLength(1);
    expect((await get<{ incidents: unknown[] }>('/api/entities/taliban', green)).incidents).toEqual([]);
    expect(await status('/api/entities/nope')).toBe(404);
    expect(await status('/api/entities?kind=martians')).toBe(400);
  });

  it('GET /api/candidates lists unknown actors for review', async () => {
    const page = await get<Page<{ key: string; docIds: string[] }>>('/api/candidates');
    for (const c of page.items) expect(c.docIds.length).toBeGreaterThan(1);
    expect(page.total).toBe(page.items.length);
  });

  it('GET /api/alerts lists alerts newest first, and unacknowledged ones', async () => {
    const alerts = await get<Page<{ id: number; acknowledged: boolean; level: number }>>('/api/alerts');
    expect(alerts.total).toBeGreaterThan(0);
    expect(alerts.items[0]).not.toHaveProperty('deliveries');
    expect((await get<Page<unknown>>('/api/alerts?unacknowledged=true')).total).toBe(alerts.total);
    const second = await get<Page<{ id: number }>>('/api/alerts?limit=1&offset=1');
    expect(second.items.map((a) => a.id)).toEqual(alerts.items.slice(1, 2).map((a) => a.id));
    expect((await get<Page<unknown>>('/api/alerts', green)).total).toBe(0);
  });

  it('GET /api/dashboard gives new alerts, incidents per week, top groups and latest statements', async () => {
    const d = await get<{
      alerts: unknown[];
      incidentsPerWeek: { week: string; count: number }[];
      topGroups: { id: string; name: string; incidents: number }[];
      latestStatements: unknown[];
    }>('/api/dashboard?weeks=8');
    expect(d.incidentsPerWeek).toHaveLength(8);
    expect(d.incidentsPerWeek.every((w) => /^\d{4}-W\d{2}$/.test(w.week))).toBe(true);
    expect(d.incidentsPerWeek.at(-1)!.count).toBeGreaterThan(0);
    expect(d.topGroups).toContainEqual({ id: 'taliban', name: 'Taliban', incidents: 1 });
    expect(d.alerts.length).toBeGreaterThan(0);
    expect(d.latestStatements.length).toBeGreaterThan(0);
    const g = await get<{ topGroups: { id: string }[]; alerts: unknown[] }>('/api/dashboard', green);
    expect(g.topGroups.map((t) => t.id)).not.toContain('taliban');
    expect(g.alerts).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, login, startApi, type ApiFixture, type TestSession } from '../helpers/api.js';
import { startLocalServer } from '../helpers/local-server.js';

interface Page<T> {
  items: T[];
  total: number;
}

interface IncidentSummary {
  id: string;
  type: string;
  killed: { value: number } | null;
  documents: { id: string; title: string | null }[];
}

/** A multipart/form-data body with fields and one file. */
function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = '----vigiltest7MA4YWxkTrZu0gW';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n${file.content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('analysts’ routes', () => {
  let f: ApiFixture;
  let ana: TestSession;
  let gina: TestSession;
  let root: TestSession;
  const as = (s: TestSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  const call = (s: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    f.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    f = await startApi([
      { ids: ['wikinews-0003', 'wikinews-0002'], marking: 'TLP:CLEAR' },
      { ids: ['wikinews-0022'], marking: 'TLP:RED' },
    ]);
    await addUser(f, 'ana', 'analyst', 4);
    await addUser(f, 'gina', 'analyst', 1);
    await addUser(f, 'root', 'admin', 4);
    [ana, gina, root] = [await login(f, 'ana'), await login(f, 'gina'), await login(f, 'root')];
  });
  afterAll(async () => f?.close());

  const incidents = async (s: TestSession = ana) =>
    ((await call(s, 'GET', '/api/incidents?limit=500')).json() as Page<IncidentSummary>).items;

  it('POST /api/reviews corrects a field and the resolved incident shows it at once', async () => {
    const target = (await incidents()).find((i) =>
      i.documents.some((d) => d.title?.includes('Maidan Wardak')),
    )!;
    const res = await call(ana, 'POST', '/api/reviews', {
      subjectId: target.id,
      field: 'killed',
      action: 'correct',
      value: { value: 40 },
    });
    expect(res.statusCode).toBe(201);
    const outcome = res.json() as { mentions: string[]; incident: string };
    expect(outcome.mentions).toHaveLength(1);
    const after = (await call(ana, 'GET', `/api/incidents/${outcome.incident}`)).json() as {
      incident: { killed: unknown };
    };
    expect(after.incident.killed).toEqual({ value: 40 });
    const mentionReview = await call(ana, 'POST', '/api/reviews', {
      subjectId: outcome.mentions[0],
      field: 'weapons',
      action: 'confirm',
    });
    expect(mentionReview.statusCode).toBe(201);
    const bad = [
      { subjectId: target.id, field: 'colour', action: 'correct', value: 'red' },
      { subjectId: target.id, field: 'killed', action: 'correct', value: 'many' },
      { subjectId: target.id, field: '*', action: 'correct', value: {} },
    ];
    for (const payload of bad) {
      const r = await call(ana, 'POST', '/api/reviews', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json()).toMatchObject({ error: { code: 'invalid_review' } });
    }
    const hidden = await call(gina, 'POST', '/api/reviews', {
      subjectId: target.id,
      field: 'type',
      action: 'confirm',
    });
    expect(hidden.statusCode).toBe(404);
    expect(
      (
        await call(gina, 'POST', '/api/reviews', {
          subjectId: outcome.mentions[0],
          field: 'type',
          action: 'confirm',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('POST /api/incidents/merge merges incidents and POST /api/incidents/:id/split takes a report out again', async () => {
    const before = await incidents();
    const [a, b] = before.filter((i) => i.documents.length === 1).slice(0, 2);
    const merged = await call(ana, 'POST', '/api/incidents/merge', {
      ids: [a!.id, b!.id],
      reason: 'same attack, two reports',
    });
    expect(merged.statusCode).toBe(200);
    const m = merged.json() as { kind: string; incident: string; incidents: number };
    expect(m).toMatchObject({ kind: 'merge', incidents: before.length - 1 });
    const one = (await call(ana, 'GET', `/api/incidents/${m.incident}`)).json() as {
      incident: { mentions: { docId: string }[] };
    };
    const docs = new Set(one.incident.mentions.map((x) => x.docId));
    expect(docs).toEqual(new Set([...a!.documents, ...b!.documents].map((d) => d.id)));
    const split = await call(ana, 'POST', `/api/incidents/${m.incident}/split`, {
      documentId: b!.documents[0]!.id,
    });
    expect(split.statusCode).toBe(200);
    expect(split.json()).toMatchObject({ kind: 'split', incidents: before.length });
    // The analysts' reasons are kept with the decisions in the audit log.
    const decided = (await call(root, 'GET', '/api/audit?action=merge&actor=ana')).json() as Page<{
      detail: { ids: string[]; reason?: string };
    }>;
    expect(decided.items[0]!.detail).toEqual({ ids: [a!.id, b!.id], reason: 'same attack, two reports' });
    expect((await call(ana, 'POST', '/api/incidents/merge', { ids: [a!.id] })).statusCode).toBe(400);
    expect(
      (await call(ana, 'POST', `/api/incidents/${a!.id}/split`, { documentId: 'doc_elsewhere' })).json(),
    ).toMatchObject({ error: { code: 'split_not_member' } });
    const isRed = (i: IncidentSummary) => i.documents.some((d) => d.title?.includes('Maidan Wardak'));
    const redOnly = before.find(isRed)!;
    const clear = before.find((i) => !isRed(i))!;
    const refused = await call(gina, 'POST', '/api/incidents/merge', { ids: [clear.id, redOnly.id] });
    expect(refused.statusCode).toBe(404);
  });

  it('POST /api/alerts/:id/ack acknowledges an alert the analyst may see', async () => {
    const [alert] = await f.services.store.addAlerts([
      {
        rule: 'test',
        severity: 'low',
        subjectKey: 'test:red',
        subjects: [],
        explanation: 'red only',
        evidence: [],
        level: 4,
        createdAt: new Date().toISOString(),
      },
    ]);
    expect((await call(gina, 'POST', `/api/alerts/${alert!.id}/ack`)).statusCode).toBe(404);
    expect((await call(ana, 'POST', `/api/alerts/${alert!.id}/ack`)).statusCode).toBe(204);
    const listed = (await call(ana, 'GET', '/api/alerts')).json() as Page<{
      id: number;
      acknowledgedBy: string;
    }>;
    expect(listed.items.find((x) => x.id === alert!.id)).toMatchObject({
      acknowledged: true,
      acknowledgedBy: 'ana',
    });
    expect((await call(ana, 'POST', '/api/alerts/99999/ack')).statusCode).toBe(404);
  });

  it('POST /api/ingest stores an uploaded file under its marking, resolves, and returns content only as JSON text', async () => {
    const text =
      'On Monday a suicide bomber killed 12 people at a police station in Kandahar, Afghanistan, officials said. <script>alert(1)</script> The Taliban claimed responsibility.';
    const upload = multipart({ marking: 'TLP:AMBER' }, { name: '../../etc/kandahar.txt', content: text });
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { ...as(ana), ...upload.headers },
      payload: upload.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ read: 1, stored: 1, skipped: 0 });
    const docs = (await call(ana, 'GET', '/api/documents?limit=500')).json() as Page<{
      id: string;
      marking: string;
      sourceKind: string;
    }>;
    const stored = docs.items.find((d) => d.marking === 'TLP:AMBER')!;
    const detail = await call(ana, 'GET', `/api/documents/${stored.id}`);
    expect(detail.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((detail.json() as { document: { text: string } }).document.text).toBe(text);
    expect(detail.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await call(gina, 'GET', `/api/documents/${stored.id}`)).statusCode).toBe(404);
    const kandahar = (await incidents()).filter((i) => i.documents.some((d) => d.id === stored.id));
    expect(kandahar).toHaveLength(1);
    const tooSecret = multipart({ marking: 'TLP:RED' }, { name: 'x.txt', content: 'A secret report.' });
    const refused = await f.app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { ...as(gina), ...tooSecret.headers },
      payload: tooSecret.payload,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'marking_above_clearance' } });
    const again = await f.app.inject({
      method: 'POST',
      url: '/api/ingest',
      headers: { ...as(ana), ...upload.headers },
      payload: upload.payload,
    });
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('POST /api/ingest fetches a URL and polls a feed', async () => {
    const article =
      '<html><head><title>Gunmen attack hotel in Mogadishu</title></head><body><article><h1>Gunmen attack hotel in Mogadishu</h1>' +
      '<p>Gunmen stormed a hotel in Mogadishu, Somalia, on Friday, killing at least 9 people, police said. Al-Shabaab claimed the attack.</p>' +
      '<p>Security forces ended the siege after several hours, officials said on Saturday.</p></article></body></html>';
    const feed = (base: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>${base}</link><description>x</description>` +
      `<item><title>Blast in Quetta</title><link>${base}/quetta</link><guid>${base}/quetta</guid><pubDate>Mon, 04 Mar 2019 10:00:00 GMT</pubDate>` +
      '<description>A bomb exploded at a market in Quetta, Pakistan, on Monday, killing 4 people, police said.</description></item></channel></rss>';
    const server = await startLocalServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(feed(`http://${req.headers.host}`));
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(article);
      }
    });
    try {
      const fromUrl = await call(ana, 'POST', '/api/ingest', { url: `${server.base}/mogadishu` });
      expect(fromUrl.statusCode, fromUrl.body).toBe(200);
      expect(fromUrl.json()).toMatchObject({ stored: 1 });
      const fromFeed = await call(ana, 'POST', '/api/ingest', {
        feed: `${server.base}/feed.xml`,
        marking: 'TLP:GREEN',
      });
      expect(fromFeed.statusCode, fromFeed.body).toBe(200);
      expect(fromFeed.json()).toMatchObject({ stored: 1 });
      const feeds = await f.services.store.listFeeds();
      expect(feeds).toEqual([
        expect.objectContaining({ url: `${server.base}/feed.xml`, marking: 'TLP:GREEN' }),
      ]);
      const bad = await call(ana, 'POST', '/api/ingest', { url: 'file:///etc/passwd' });
      expect(bad.statusCode).toBe(400);
      expect((await call(ana, 'POST', '/api/ingest', {})).statusCode).toBe(400);
    } finally {
      await server.close();
    }
  });

  it('GET /api/export sends STIX, CSV or JSON Lines as an attachment', async () => {
    for (const [format, type] of [
      ['stix', 'application/stix+json;version=2.1'],
      ['csv', 'text/csv; charset=utf-8'],
      ['jsonl', 'application/x-ndjson; charset=utf-8'],
    ] as const) {
      const res = await call(ana, 'GET', `/api/export?format=${format}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="vigil-export-\d{4}-\d{2}-\d{2}\.\w+"$/,
      );
      expect(res.body.length).toBeGreaterThan(100);
    }
    expect(JSON.parse((await call(ana, 'GET', '/api/export?format=stix')).body)).toMatchObject({
      type: 'bundle',
    });
    expect((await call(ana, 'GET', '/api/export?format=pdf')).statusCode).toBe(400);
  });

  it('/api/users lets admins create and change accounts, keeping one admin', async () => {
    const created = await call(root, 'POST', '/api/users', {
      username: 'New.User',
      password: 'a long enough password',
      role: 'viewer',
      clearance: 1,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'new.user',
      role: 'viewer',
      clearance: 1,
      mustChangePassword: true,
    });
    expect(
      (
        await call(root, 'POST', '/api/users', {
          username: 'new.user',
          password: 'a long enough password',
          role: 'viewer',
          clearance: 1,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(root, 'POST', '/api/users', {
          username: 'x y',
          password: 'a long enough password',
          role: 'viewer',
          clearance: 1,
        })
      ).json(),
    ).toMatchObject({ error: { code: 'invalid_username' } });
    expect(
      (
        await call(root, 'POST', '/api/users', {
          username: 'short',
          password: 'short',
          role: 'viewer',
          clearance: 1,
        })
      ).json(),
    ).toMatchObject({ error: { code: 'weak_password' } });
    const changed = await call(root, 'PATCH', '/api/users/new.user', { role: 'analyst', clearance: 3 });
    expect(changed.json()).toMatchObject({ role: 'analyst', clearance: 3 });
    expect((await call(root, 'PATCH', '/api/users/new.user', { colour: 'red' })).statusCode).toBe(400);
    expect((await call(root, 'PATCH', '/api/users/root', { role: 'viewer' })).json()).toMatchObject({
      error: { code: 'last_admin' },
    });
    const list = (await call(root, 'GET', '/api/users')).json() as Page<{ username: string }>;
    expect(list.items.map((u) => u.username)).toEqual(['ana', 'gina', 'new.user', 'root']);
    expect(JSON.stringify(list)).not.toContain('argon2');
  });

  it('GET /api/audit shows admins what was done, by action and actor', async () => {
    const page = (await call(root, 'GET', '/api/audit?limit=500')).json() as Page<{
      action: string;
      actor: string;
    }>;
    const actions = new Set(page.items.map((e) => e.action));
    for (const a of [
      'login',
      'review',
      'merge',
      'split',
      'alert.ack',
      'ingest',
      'export',
      'user.create',
      'user.update',
    ])
      expect(actions, a).toContain(a);
    const reviews = (await call(root, 'GET', '/api/audit?action=review&actor=ana')).json() as Page<{
      target: string;
    }>;
    expect(reviews.total).toBe(2);
    expect((await call(ana, 'GET', '/api/audit')).statusCode).toBe(403);
  });
});

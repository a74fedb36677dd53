import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, login, startApi, type ApiFixture, type TestSession } from '../helpers/api.js';
import { candidateReports } from '../helpers/candidates.js';
import { freshSchema, pgReachable } from '../helpers/postgres.js';

interface Page<T> {
  items: T[];
  total: number;
}
interface Candidate {
  key: string;
  name: string;
  kind: string;
}
interface Decision {
  key: string;
  name: string;
  decision: string;
  entityId?: string;
  entity?: { id: string; name: string; kind: string; ideology?: string; aliases: string[] };
  reason?: string;
  author: string;
  level: number;
}
interface Actor {
  id: string | null;
  name: string;
}
interface IncidentSummary {
  id: string;
  perpetrators: Actor[];
  location: { city: string };
}

for (const backend of ['SQLite', 'PostgreSQL'] as const)
  describe.skipIf(backend === 'PostgreSQL' && !pgReachable)(`candidate decisions (${backend})`, () => {
    let f: ApiFixture;
    let ana: TestSession;
    let gina: TestSession;
    const as = (s: TestSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
    const call = (s: TestSession, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      f.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
    const get = async <T>(s: TestSession, url: string) => (await call(s, 'GET', url)).json() as T;
    const candidates = async (s: TestSession = ana) =>
      (await get<Page<Candidate>>(s, '/api/candidates')).items.map((c) => c.name);
    const decisions = async (s: TestSession = ana) =>
      (await get<Page<Decision>>(s, '/api/candidates/decisions')).items;
    const perpetratorsIn = async (city: string) =>
      (await get<Page<IncidentSummary>>(ana, '/api/incidents?limit=500')).items
        .find((i) => i.location.city === city)!
        .perpetrators.map((p) => [p.id, p.name]);
    const searchByGroup = async (group: string, s: TestSession = ana) =>
      (await get<Page<{ title: string }>>(s, `/api/search?q=police&group=${group}`)).items
        .map((h) => h.title)
        .sort();
    const decide = (s: TestSession, name: string, body: object) =>
      call(s, 'POST', `/api/candidates/${encodeURIComponent(name)}/decision`, body);
    const undo = (s: TestSession, name: string) =>
      call(s, 'DELETE', `/api/candidates/${encodeURIComponent(name)}/decision`);

    beforeAll(async () => {
      f = await startApi([], backend === 'PostgreSQL' ? { database: await freshSchema() } : {});
      await f.stores.store.putDocuments(candidateReports());
      await f.services.resolver.run();
      await addUser(f, 'ana', 'analyst', 4);
      await addUser(f, 'gina', 'analyst', 1);
      [ana, gina] = [await login(f, 'ana'), await login(f, 'gina')];
    });
    afterAll(async () => f?.close());

    it('lists each reader the candidates their clearance allows', async () => {
      expect((await candidates()).sort()).toEqual([
        'Crimson Dawn Brigade',
        'Night Owl Movement',
        'Silver Lotus Front',
      ]);
      expect((await candidates(gina)).sort()).toEqual(['Crimson Dawn Brigade', 'Silver Lotus Front']);
      expect(await decisions()).toEqual([]);
    });

    it('makes an alias resolve the name to the knowledge-base entity, and undoing it makes it a candidate again', async () => {
      const res = await decide(gina, 'Silver Lotus Front', {
        decision: 'alias',
        entityId: 'taliban',
        reason: 'the local name of the Pakistani Taliban',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        decision: {
          key: 'silver lotus front',
          decision: 'alias',
          entityId: 'taliban',
          author: 'gina',
          level: 1,
        },
        candidates: 2,
      });
      expect(await candidates()).not.toContain('Silver Lotus Front');
      expect(await perpetratorsIn('Multan')).toEqual([['taliban', 'Taliban']]);
      const byTaliban = await get<Page<IncidentSummary>>(ana, '/api/incidents?group=taliban');
      expect(byTaliban.items.map((i) => i.location.city).sort()).toEqual(['Lahore', 'Multan']);
      const silverLotus = ['Silver Lotus Front attack in Lahore', 'Silver Lotus Front attack in Multan'];
      expect(await searchByGroup('taliban', gina)).toEqual(silverLotus);
      expect((await get<Page<unknown>>(gina, '/api/search?q=police&group=taliban')).total).toBe(2);
      expect(await decisions(gina)).toMatchObject([{ key: 'silver lotus front', decision: 'alias' }]);

      const undone = await undo(gina, 'silver lotus front');
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json()).toMatchObject({ decision: { decision: 'alias' }, candidates: 3 });
      expect(await candidates(gina)).toContain('Silver Lotus Front');
      expect(await perpetratorsIn('Multan')).toEqual([[null, 'Silver Lotus Front']]);
      expect(await searchByGroup('taliban', gina)).toEqual([]);
      expect(await decisions()).toEqual([]);
      expect((await undo(gina, 'Silver Lotus Front')).json()).toMatchObject({
        error: { code: 'decision_not_found' },
      });
    });

    it('makes an accepted candidate a new entity: listed with the actors, the perpetrator of its incidents', async () => {
      const res = await decide(ana, 'crimson dawn brigade', {
        decision: 'accepted',
        name: 'Crimson Dawn',
        ideology: 'ethno-nationalist',
        aliases: ['CDB'],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { decision: Decision }).decision).toMatchObject({
        name: 'Crimson Dawn Brigade',
        decision: 'accepted',
        entityId: 'crimson-dawn',
        entity: {
          id: 'crimson-dawn',
          name: 'Crimson Dawn',
          kind: 'group',
          ideology: 'ethno-nationalist',
          aliases: ['Crimson Dawn Brigade', 'CDB'],
        },
        level: 0,
      });
      expect(await perpetratorsIn('Peshawar')).toEqual([['crimson-dawn', 'Crimson Dawn']]);
      expect(await searchByGroup('crimson-dawn', gina)).toEqual([
        'Crimson Dawn Brigade attack in Peshawar',
        'Crimson Dawn Brigade attack in Quetta',
      ]);
      const listed = await get<Page<{ id: string; note?: string }>>(
        gina,
        '/api/entities?kind=group&q=crimson',
      );
      expect(listed.items).toMatchObject([{ id: 'crimson-dawn', note: expect.stringContaining('accepted') }]);
      const detail = await get<{ entity: { name: string }; incidents: unknown[] }>(
        gina,
        '/api/entities/crimson-dawn',
      );
      expect(detail.entity.name).toBe('Crimson Dawn');
      expect(detail.incidents).toHaveLength(2);
      const dashboard = await get<{ topGroups: { id: string }[] }>(gina, '/api/dashboard');
      expect(dashboard.topGroups.map((g) => g.id)).toContain('crimson-dawn');

      // Deciding again replaces the decision: rejected as not an actor, the name is no perpetrator.
      const rejected = await decide(ana, 'Crimson Dawn Brigade', { decision: 'rejected', reason: 'noise' });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(await perpetratorsIn('Peshawar')).toEqual([]);
      expect(await searchByGroup('crimson-dawn', gina)).toEqual([]);
      expect(await candidates()).not.toContain('Crimson Dawn Brigade');
      expect((await call(gina, 'GET', '/api/entities/crimson-dawn')).statusCode).toBe(404);
      expect(await decisions()).toMatchObject([
        { key: 'crimson dawn brigade', decision: 'rejected', reason: 'noise' },
      ]);
      expect((await undo(ana, 'Crimson Dawn Brigade')).statusCode).toBe(200);
      expect(await candidates()).toContain('Crimson Dawn Brigade');
      expect(await perpetratorsIn('Peshawar')).toEqual([[null, 'Crimson Dawn Brigade']]);
    });

    it('keeps a decision about a candidate only RED documents name from readers below RED', async () => {
      expect((await decide(gina, 'Night Owl Movement', { decision: 'rejected' })).statusCode).toBe(404);
      const res = await decide(ana, 'Night Owl Movement', { decision: 'rejected' });
      expect(res.json()).toMatchObject({ decision: { level: 4 } });
      expect((await decisions(ana)).map((d) => d.name)).toEqual(['Night Owl Movement']);
      expect(await decisions(gina)).toEqual([]);
      expect((await undo(gina, 'Night Owl Movement')).statusCode).toBe(404);
      expect((await undo(ana, 'Night Owl Movement')).statusCode).toBe(200);
    });

    it('refuses bad decisions in one line', async () => {
      const cases: [string, object, number, string][] = [
        ['Crimson Dawn Brigade', { decision: 'maybe' }, 400, 'invalid_request'],
        ['Crimson Dawn Brigade', { decision: 'alias' }, 400, 'entity_required'],
        ['Crimson Dawn Brigade', { decision: 'alias', entityId: 'no-such-group' }, 400, 'unknown_entity'],
        ['Crimson Dawn Brigade', { decision: 'accepted', name: '  ' }, 400, 'invalid_request'],
        ['Crimson Dawn Brigade', { decision: 'accepted', entityId: 'Crimson Dawn' }, 400, 'invalid_entity'],
        ['Crimson Dawn Brigade', { decision: 'accepted', entityId: 'taliban' }, 409, 'entity_exists'],
        ['Nobody Named This Front', { decision: 'rejected' }, 404, 'candidate_not_found'],
      ];
      for (const [name, body, status, code] of cases) {
        const res = await decide(ana, name, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(status);
        const error = (res.json() as { error: { code: string; message: string } }).error;
        expect(error.code, JSON.stringify(body)).toBe(code);
        expect(error.message).not.toContain('\n');
      }
      expect((await decide(ana, 'Crimson Dawn Brigade', { decision: 'maybe' })).json()).toEqual({
        error: {
          code: 'invalid_request',
          message: 'body decision: decision must be accepted, alias or rejected',
        },
      });
      expect(
        (await decide(ana, 'Crimson Dawn Brigade', { decision: 'alias', entityId: 'nope' })).json(),
      ).toEqual({
        error: { code: 'unknown_entity', message: 'no knowledge-base entity nope' },
      });
      // An accepted entity's id is its own.
      expect((await decide(ana, 'Crimson Dawn Brigade', { decision: 'accepted' })).statusCode).toBe(200);
      const twice = await decide(gina, 'Silver Lotus Front', {
        decision: 'accepted',
        entityId: 'crimson-dawn-brigade',
      });
      expect(twice.json()).toEqual({
        error: {
          code: 'entity_exists',
          message:
            'crimson-dawn-brigade is the entity accepted for "Crimson Dawn Brigade" already: choose another id',
        },
      });
      expect(await decisions()).toHaveLength(1);
    });

    it('writes every decision and undoing to the audit log', async () => {
      const { items } = await f.stores.accounts.listAudit({ limit: 50, offset: 0 });
      const mine = items
        .filter((e) => e.action.startsWith('candidate-'))
        .reverse()
        .map((e) => [e.action, e.actor, e.target, e.detail?.decision]);
      expect(mine.slice(0, 4)).toEqual([
        ['candidate-decision', 'gina', 'silver lotus front', 'alias'],
        ['candidate-undo', 'gina', 'silver lotus front', 'alias'],
        ['candidate-decision', 'ana', 'crimson dawn brigade', 'accepted'],
        ['candidate-decision', 'ana', 'crimson dawn brigade', 'rejected'],
      ]);
      expect(
        items.find((e) => e.action === 'candidate-decision' && e.target === 'silver lotus front')?.detail,
      ).toEqual({
        decision: 'alias',
        entityId: 'taliban',
        reason: 'the local name of the Pakistani Taliban',
      });
    });
  });

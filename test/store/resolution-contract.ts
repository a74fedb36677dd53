import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateDecision } from '../../src/pipeline/candidate-decisions.js';
import { resolveAll } from '../../src/pipeline/resolve.js';
import type { Alert, Store } from '../../src/store/store.js';
import { day, extractionRecord, incident, PLACES, statement } from '../helpers/mentions.js';
import { sampleWrite, type ContractDatabase } from './store-contract.js';

/** A small resolved store: Christchurch in a CLEAR and a RED report, Kabul only in RED, a statement about Christchurch. */
function resolution() {
  const nz = (id: string) =>
    incident(id, {
      date: day('2019-03-15'),
      location: PLACES.christchurch,
      perpetrators: [{ id: 'brenton-tarrant', name: 'Brenton Tarrant' }],
    });
  return resolveAll([
    extractionRecord('clear', '2019-03-15', { incidents: [nz('clear:i1')] }),
    extractionRecord(
      'red',
      '2019-03-16',
      {
        incidents: [
          nz('red:i1'),
          incident('red:i2', {
            type: 'Bombing/Explosion',
            types: ['Bombing/Explosion'],
            date: day('2019-03-16'),
            location: PLACES.kabul,
          }),
        ],
        statements: [
          statement('red:s1', {
            organization: { id: 'islamic-state', name: 'Islamic State' },
            refersTo: ['red:i1'],
          }),
        ],
        links: [{ from: 'red:s1', to: 'red:i1', kind: 'retaliation-for', evidence: [] }],
      },
      'TLP:RED',
    ),
  ]);
}

/**
 * The resolution half of the Store contract: resolved incidents, statements, links, decisions
 * and alerts, with every read filtered by clearance. Run by each implementation's tests.
 */
export function runResolutionContract(name: string, fresh: () => Promise<ContractDatabase>): void {
  describe(`Store resolution contract: ${name}`, () => {
    let database: ContractDatabase;
    let store: Store;
    beforeEach(async () => {
      database = await fresh();
      store = await database.open();
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    it('lists extraction records with the date and marking resolution needs', async () => {
      const w = sampleWrite('Extraction records for resolution.', { marking: 'TLP:AMBER' });
      await store.putDocuments([w]);
      const [record] = await store.listExtractionRecords(undefined, 10);
      expect(record).toMatchObject({ docId: w.document.id, marking: 'TLP:AMBER', publishedAt: '2019-03-16' });
      expect(record!.extraction.incidents[0]!.type).toBe('Bombing/Explosion');
      expect(await store.listExtractionRecords(w.document.id, 10)).toEqual([]);
    });

    it('hides documents above a reader’s clearance from reads, search and counts', async () => {
      const red = sampleWrite('Red kabul bombing report.', { marking: 'TLP:RED' });
      const clear = sampleWrite('Clear kabul bombing report.', { marking: 'TLP:CLEAR' });
      await store.putDocuments([red, clear]);
      expect(await store.getDocument(red.document.id, 1)).toBeUndefined();
      expect(await store.getExtraction(red.document.id, 1)).toBeUndefined();
      expect((await store.getDocument(red.document.id, 4))?.marking).toBe('TLP:RED');
      expect((await store.search({ text: 'kabul', clearance: 1 })).map((h) => h.id)).toEqual([
        clear.document.id,
      ]);
      expect(await store.search({ text: 'kabul' })).toHaveLength(2);
      const green = await store.stats(1);
      expect([green.documents, green.incidents, green.statements, green.entities]).toEqual([1, 1, 1, 1]);
      expect((await store.stats()).documents).toBe(2);
    });

    it('serves each reader the incidents their clearance allows, in SQL', async () => {
      await store.saveResolution(resolution());
      const everything = await store.listIncidents({ mainOnly: true });
      expect(everything.map((i) => [i.location?.city, i.mentions.length])).toEqual([
        ['Kabul', 1],
        ['Christchurch', 2],
      ]);
      const green = await store.listIncidents({ clearance: 1 });
      expect(green.map((i) => [i.location?.city, i.mentions.map((m) => m.docId)])).toEqual([
        ['Christchurch', ['clear']],
      ]);
      const kabul = everything[0]!.id;
      expect(await store.getIncident(kabul, 1)).toBeUndefined();
      expect((await store.getIncident(kabul))?.type).toBe('Bombing/Explosion');
      expect(await store.listStatements({ clearance: 3 })).toEqual([]);
      expect(await store.listLinks(3)).toEqual([]);
      expect(await store.listLinks()).toHaveLength(1);
    });

    it('filters incidents by date, country, type and group, and statements by incident and actor', async () => {
      await store.saveResolution(resolution());
      const nz = (await store.listIncidents({ country: 'nz' }))[0]!;
      expect(nz.location?.city).toBe('Christchurch');
      expect(await store.listIncidents({ from: '2019-03-16' })).toHaveLength(1);
      expect(await store.listIncidents({ to: '2019-03-15' })).toHaveLength(1);
      expect(await store.listIncidents({ type: 'Bombing/Explosion' })).toHaveLength(1);
      expect((await store.listIncidents({ group: 'brenton-tarrant' })).map((i) => i.id)).toEqual([nz.id]);
      expect(await store.listStatements({ incident: nz.id })).toHaveLength(1);
      expect(await store.listStatements({ actor: 'islamic-state' })).toHaveLength(1);
      expect(await store.listStatements({ actor: 'al-qaida' })).toHaveLength(0);
      expect(await store.incidentOfMention('clear:i1')).toBe(nz.id);
      const stats = await store.stats();
      expect([stats.resolvedIncidents, stats.resolvedStatements]).toEqual([2, 1]);
    });

    it('replaces the previous resolution whole', async () => {
      await store.saveResolution(resolution());
      await store.saveResolution(resolveAll([]));
      expect(await store.listIncidents({})).toEqual([]);
      expect(await store.listLinks()).toEqual([]);
    });

    it('keeps analysts’ decisions in order', async () => {
      const d = {
        kind: 'split' as const,
        a: 'x:i1',
        b: 'y:i1',
        author: 'ana',
        createdAt: '2026-01-01T00:00:00Z',
      };
      await store.addResolutionDecisions([d, { ...d, kind: 'merge', createdAt: '2026-01-02T00:00:00Z' }]);
      expect((await store.listResolutionDecisions()).map((x) => x.kind)).toEqual(['split', 'merge']);
    });

    it('keeps one decision per candidate, replaced by the next, hidden above its level, and forgets it', async () => {
      const by = { author: 'ana', reason: 'a splinter of the Taliban', level: 0 };
      const rejected: CandidateDecision = {
        ...by,
        key: 'crimson dawn brigade',
        name: 'Crimson Dawn Brigade',
        decision: 'rejected',
        createdAt: '2026-12-07T10:00:00Z',
      };
      const alias: CandidateDecision = {
        ...by,
        key: 'silver lotus front',
        name: 'Silver Lotus Front',
        decision: 'alias',
        entityId: 'taliban',
        createdAt: '2026-12-07T11:00:00Z',
        level: 3,
      };
      await store.saveCandidateDecision(rejected);
      await store.saveCandidateDecision(alias);
      expect(await store.listCandidateDecisions()).toEqual([alias, rejected]);
      expect(await store.listCandidateDecisions(2)).toEqual([rejected]);
      const accepted: CandidateDecision = {
        ...rejected,
        decision: 'accepted',
        entity: { id: 'crimson-dawn', name: 'Crimson Dawn', kind: 'group', aliases: ['CDB'] },
        createdAt: '2026-12-07T12:00:00Z',
      };
      await store.saveCandidateDecision(accepted);
      expect(await store.listCandidateDecisions()).toEqual([accepted, alias]);
      const sameId = { ...accepted, key: 'cdb', name: 'CDB' };
      await expect(store.saveCandidateDecision(sameId)).rejects.toThrow();
      expect(await store.deleteCandidateDecision(accepted.key)).toBe(true);
      expect(await store.deleteCandidateDecision(accepted.key)).toBe(false);
      expect(await store.listCandidateDecisions()).toEqual([alias]);
    });

    it('runs one resolution at a time under the resolve lock, and goes on after one that fails', async () => {
      const events: string[] = [];
      let release!: () => void;
      let started!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const firstStarted = new Promise<void>((r) => (started = r));
      const first = store.withResolveLock(async () => {
        events.push('first starts');
        started();
        await held;
        events.push('first ends');
        return 1;
      });
      const second = store.withResolveLock(async () => {
        events.push('second starts');
        throw new Error('second fails');
      });
      const third = store.withResolveLock(async () => {
        events.push('third starts');
        return 3;
      });
      await firstStarted;
      await new Promise((r) => setTimeout(r, 100));
      expect(events).toEqual(['first starts']);
      release();
      expect(await first).toBe(1);
      await expect(second).rejects.toThrow('second fails');
      expect(await third).toBe(3);
      expect(events.slice(0, 2)).toEqual(['first starts', 'first ends']);
      expect(events.slice(2).sort()).toEqual(['second starts', 'third starts']);
    });

    it('stores one alert per subject, filters by clearance and acknowledges', async () => {
      const alert: Alert = {
        rule: 'r',
        severity: 'high',
        subjectKey: 'r:stm-1',
        subjects: ['stm-1'],
        explanation: 'why',
        evidence: [{ field: 'quote', start: 0, end: 3, text: 'why', docId: 'd' }],
        level: 4,
        eventDate: '2019-03-18',
        createdAt: '2026-11-25T00:00:00Z',
      };
      expect(await store.addAlerts([alert])).toHaveLength(1);
      expect(await store.addAlerts([alert])).toEqual([]);
      expect(await store.listAlerts({ clearance: 2 })).toEqual([]);
      expect(await store.listAlerts({ createdSince: '2026-11-25T00:00:01Z' })).toEqual([]);
      expect(await store.listAlerts({ createdSince: '2026-11-24T23:59:59Z' })).toHaveLength(1);
      const [stored] = await store.listAlerts({});
      expect(stored).toMatchObject({ ...alert, acknowledged: false, deliveries: [] });
      expect(await store.acknowledgeAlert(stored!.id, 'ana', '2026-11-25T01:00:00Z')).toBe(true);
      expect(await store.acknowledgeAlert(9999, 'ana', '2026-11-25T01:00:00Z')).toBe(false);
      expect(await store.listAlerts({ unacknowledged: true })).toEqual([]);
      await store.recordAlertDelivery(stored!.id, {
        target: 'https://x',
        status: 'failed',
        attempts: 5,
        lastError: 'HTTP 500',
        updatedAt: 't',
      });
      await store.recordAlertDelivery(stored!.id, {
        target: 'https://x',
        status: 'delivered',
        attempts: 1,
        updatedAt: 't2',
      });
      const [after] = await store.listAlerts({});
      expect(after).toMatchObject({ acknowledged: true, acknowledgedBy: 'ana' });
      expect(after!.deliveries).toEqual([
        { target: 'https://x', status: 'delivered', attempts: 1, updatedAt: 't2' },
      ]);
    });
  });
}

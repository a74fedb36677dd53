import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAll } from '../../src/pipeline/resolve.js';
import type { ApiStores } from '../../src/store/open-api-stores.js';
import type { IncidentQuery, StatementQuery } from '../../src/store/store.js';
import { day, extractionRecord, incident, PLACES, statement } from '../helpers/mentions.js';
import type { ApiContractDatabase } from './accounts-contract.js';
import { candidateDecision, sampleWrite, unknownActorsWrite } from './store-contract.js';

/** Christchurch in a CLEAR and a RED report, Kabul (claimed by the Taliban) only in RED, a statement in RED. */
function resolution() {
  const nz = (id: string) =>
    incident(id, {
      date: day('2019-03-15'),
      location: PLACES.christchurch,
      perpetrators: [{ id: 'brenton-tarrant', name: 'Brenton Tarrant' }],
    });
  return resolveAll([
    extractionRecord('clear', '2019-03-15', {
      incidents: [nz('clear:i1'), incident('clear:i2', { role: 'background', date: day('2018-01-02') })],
    }),
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
            claimedBy: [{ id: 'taliban', name: 'Taliban' }],
          }),
        ],
        statements: [statement('red:s1', { organization: { id: 'taliban', name: 'Taliban' } })],
      },
      'TLP:RED',
    ),
  ]);
}

/**
 * The behaviour every {@link ListingStore} must have: each total counts exactly what the store's
 * own list pages through, for every clearance; aggregates see only what the reader may see.
 */
export function runListingContract(name: string, fresh: () => Promise<ApiContractDatabase>): void {
  describe(`ListingStore contract: ${name}`, () => {
    let database: ApiContractDatabase;
    let stores: ApiStores;
    beforeEach(async () => {
      database = await fresh();
      stores = await database.open();
    });
    afterEach(async () => {
      await stores.close();
      await database.drop();
    });

    it('pages the documents a reader may see, newest first, with their total', async () => {
      await stores.store.putDocuments([
        sampleWrite('Older clear kabul report.', { publishedAt: '2019-01-01', title: 'old' }),
        sampleWrite('Newer red kabul report.', { publishedAt: '2019-02-01', marking: 'TLP:RED' }),
        sampleWrite('Newest green kabul report.', { publishedAt: '2019-03-01', marking: 'TLP:GREEN' }),
      ]);
      const all = await stores.listing.listDocumentSummaries({ limit: 2, offset: 0 });
      expect(all.total).toBe(3);
      expect(all.items.map((d) => d.marking)).toEqual(['TLP:GREEN', 'TLP:RED']);
      expect(all.items[0]).not.toHaveProperty('text');
      const green = await stores.listing.listDocumentSummaries({ clearance: 1, limit: 10, offset: 1 });
      expect(green.total).toBe(2);
      expect(green.items).toHaveLength(1);
      expect(green.items[0]).toMatchObject({ title: 'old', sourceKind: 'file', publishedAt: '2019-01-01' });
      expect(await stores.listing.countSearch({ text: 'kabul report', clearance: 1 })).toBe(2);
      expect(await stores.listing.countSearch({ text: 'kabul', from: '2019-02-01' })).toBe(2);
      expect(await stores.listing.countSearch({ text: 'kabul', country: 'af', clearance: 4 })).toBe(3);
      expect(await stores.listing.countSearch({ text: '***' })).toBe(0);
    });

    it('counts exactly the search hits the store lists by group, through the candidate decisions a reader may see', async () => {
      await stores.store.putDocuments([
        sampleWrite('Taliban kabul report.'),
        unknownActorsWrite('Silver Lotus Front kabul report.', { perpetrators: ['Silver Lotus Front'] }),
        unknownActorsWrite('Crimson Dawn kabul report.', { claimedBy: ['Crimson Dawn'] }),
      ]);
      await stores.store.saveCandidateDecision(
        candidateDecision('Silver Lotus Front', { decision: 'alias', entityId: 'taliban' }, 2),
      );
      await stores.store.saveCandidateDecision(
        candidateDecision('Crimson Dawn', {
          decision: 'accepted',
          entity: { id: 'crimson-dawn', name: 'Crimson Dawn', kind: 'group', aliases: [] },
        }),
      );
      const counts: Record<string, number> = {};
      for (const clearance of [0, 2, undefined])
        for (const group of ['taliban', 'crimson-dawn', 'nobody']) {
          const query = { text: 'kabul report', group, clearance };
          const listed = await stores.store.search({ ...query, limit: 500 });
          counts[`${group}@${clearance ?? 'full'}`] = await stores.listing.countSearch(query);
          expect(counts[`${group}@${clearance ?? 'full'}`], JSON.stringify(query)).toBe(listed.length);
        }
      expect(counts).toMatchObject({ 'taliban@0': 1, 'taliban@2': 2, 'crimson-dawn@0': 1, 'nobody@full': 0 });
    });

    it('counts exactly the incidents and statements the store lists, per clearance and filter', async () => {
      await stores.store.saveResolution(resolution());
      const incidentQueries: IncidentQuery[] = [
        {},
        { mainOnly: true },
        { country: 'nz' },
        { type: 'Bombing/Explosion' },
        { group: 'taliban' },
        { from: '2019-03-16' },
        { to: '2019-03-15' },
      ];
      for (const clearance of [0, 1, 2, 3, 4, undefined])
        for (const q of incidentQueries) {
          const query = { ...q, clearance };
          const listed = await stores.store.listIncidents({ ...query, limit: 500 });
          expect(await stores.listing.countIncidents(query), JSON.stringify(query)).toBe(listed.length);
        }
      expect(await stores.listing.countIncidents({ clearance: 1 })).toBe(2);
      expect(await stores.listing.countIncidents({ clearance: 4 })).toBe(3);
      const statementQueries: StatementQuery[] = [{}, { actor: 'taliban' }, { type: 'threat' }];
      for (const clearance of [1, 4])
        for (const q of statementQueries) {
          const query = { ...q, clearance };
          const listed = await stores.store.listStatements({ ...query, limit: 500 });
          expect(await stores.listing.countStatements(query), JSON.stringify(query)).toBe(listed.length);
        }
      expect(await stores.listing.countStatements({ actor: 'taliban' })).toBe(1);
    });

    it('aggregates incidents per day and per actor for what a reader may see', async () => {
      await stores.store.saveResolution(resolution());
      expect(await stores.listing.incidentDays({ clearance: 4, mainOnly: true })).toEqual([
        { date: '2019-03-15', count: 1 },
        { date: '2019-03-16', count: 1 },
      ]);
      expect(await stores.listing.incidentDays({ clearance: 1 })).toEqual([
        { date: '2018-01-02', count: 1 },
        { date: '2019-03-15', count: 1 },
      ]);
      expect(await stores.listing.incidentDays({ clearance: 4, since: '2019-03-16' })).toEqual([
        { date: '2019-03-16', count: 1 },
      ]);
      expect(await stores.listing.topActors({ clearance: 4, limit: 10 })).toEqual([
        { id: 'brenton-tarrant', incidents: 1 },
        { id: 'taliban', incidents: 1 },
      ]);
      expect(await stores.listing.topActors({ clearance: 1, limit: 10 })).toEqual([
        { id: 'brenton-tarrant', incidents: 1 },
      ]);
    });

    it('changes its data version when another connection commits', async () => {
      const before = await stores.listing.dataVersion();
      expect(before).toBeDefined();
      const other = await database.open();
      await other.store.putDocuments([sampleWrite('Written by another process.')]);
      await other.close();
      expect(await stores.listing.dataVersion()).not.toBe(before);
    });

    it('counts the alerts a reader may see and tells the clearance an alert needs', async () => {
      const alert = {
        rule: 'r',
        severity: 'high' as const,
        subjects: ['stm-1'],
        explanation: 'why',
        evidence: [],
        createdAt: '2026-11-25T00:00:00Z',
      };
      const [red, clear] = await stores.store.addAlerts([
        { ...alert, subjectKey: 'r:red', level: 4 },
        { ...alert, subjectKey: 'r:clear', level: 0 },
      ]);
      expect(await stores.listing.countAlerts({ clearance: 1 })).toBe(1);
      expect(await stores.listing.countAlerts({})).toBe(2);
      await stores.store.acknowledgeAlert(clear!.id, 'ana', '2026-11-25T01:00:00Z');
      expect(await stores.listing.countAlerts({ unacknowledged: true })).toBe(1);
      expect(await stores.listing.alertLevel(red!.id)).toBe(4);
      expect(await stores.listing.alertLevel(clear!.id)).toBe(0);
      expect(await stores.listing.alertLevel(99999)).toBeUndefined();
    });
  });
}

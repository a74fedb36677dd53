import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resources } from '../../test/helpers/annotate-text.js';
import { decidedCandidatesStore } from '../../test/helpers/decided-candidates.js';
import { storyStore } from '../../test/helpers/resolved-store.js';
import type { ResolvedIncident } from '../pipeline/resolution.js';
import { GTD_EXPORT_COLUMNS, GtdEventIds, gtdCsv, gtdRow } from './gtd-csv.js';
import { allIncidents } from './resolved-data.js';

const kb = resources().kb;

/** A resolved incident with the fields a test sets. */
function incident(fields: Partial<ResolvedIncident>): ResolvedIncident {
  return {
    id: 'inc-0123456789abcdef',
    type: 'Bombing/Explosion',
    types: ['Bombing/Explosion'],
    date: { value: '2019-03-15', precision: 'day' },
    location: null,
    perpetrators: [],
    targets: [],
    weapons: [],
    killed: null,
    wounded: null,
    killedLatest: null,
    woundedLatest: null,
    perpetratorsKilled: null,
    perpetratorsWounded: null,
    suicide: null,
    claimedBy: [],
    casualtyReports: [],
    role: 'main',
    mentions: [
      { id: 'd1:i1', docId: 'd1', marking: 'TLP:CLEAR', confidence: 0.9, url: 'https://news.example/1' },
    ],
    evidence: [],
    mergeReasons: [],
    confidence: 0.9,
    ...fields,
  };
}

async function csvText(incidents: ResolvedIncident[]): Promise<string> {
  async function* items() {
    yield* incidents;
  }
  let out = '';
  for await (const chunk of gtdCsv(items(), kb)) out += chunk;
  return out;
}

describe('GTD-style CSV export', () => {
  it('adds perpetrators killed to victims for nkill, as GTD counts, and leaves unknowns blank', () => {
    const row = gtdRow(
      incident({
        killed: { value: 10 },
        perpetratorsKilled: { value: 2 },
        wounded: { min: 20, max: 30 },
        date: { value: '2019-03', precision: 'month' },
      }),
      kb,
      new GtdEventIds(),
    );
    expect(row).toMatchObject({
      nkill: 12,
      nkillter: 2,
      nwound: 20,
      nwoundte: '',
      iyear: '2019',
      imonth: 3,
      iday: 0,
    });
    expect(row.eventid).toMatch(/^20190300\d{4}$/);
    expect(gtdRow(incident({}), kb, new GtdEventIds())).toMatchObject({
      nkill: '',
      nwound: '',
      suicide: 0,
      claimed: 0,
    });
  });

  it('writes GTD group names, Unknown and Unaffiliated Individual(s)', () => {
    const ids = new GtdEventIds();
    expect(
      gtdRow(
        incident({ perpetrators: [{ id: 'islamic-state', name: 'Islamic State', kind: 'group' }] }),
        kb,
        ids,
      ).gname,
    ).toBe('Islamic State of Iraq and the Levant (ISIL)');
    expect(gtdRow(incident({}), kb, ids).gname).toBe('Unknown');
    const lone = gtdRow(
      incident({ perpetrators: [{ id: null, name: 'Unnamed lone actor', ideology: 'far-right' }] }),
      kb,
      ids,
    );
    expect(lone).toMatchObject({ gname: 'Unaffiliated Individual(s)', individual: 1 });
  });

  it('keeps the eventid of an incident imported from GTD and gives others stable, distinct ids', () => {
    const ids = new GtdEventIds();
    const imported = incident({
      mentions: [{ id: 'g:i1', docId: 'g', marking: 'TLP:CLEAR', confidence: 1, title: 'GTD 201903150002' }],
    });
    expect(gtdRow(imported, kb, ids).eventid).toBe('201903150002');
    const a = gtdRow(incident({ id: 'inc-a' }), kb, ids).eventid;
    const b = gtdRow(incident({ id: 'inc-b' }), kb, ids).eventid;
    expect(a).not.toBe(b);
    expect(gtdRow(incident({ id: 'inc-a' }), kb, new GtdEventIds()).eventid).toBe(a);
  });

  it('quotes summaries with commas, quotes and line breaks so that they read back unchanged', async () => {
    const summary = 'He said "revenge", then fired, twice.';
    const text = await csvText([
      incident({
        evidence: [{ field: 'type', start: 0, end: summary.length, text: `${summary}\n`, docId: 'd1' }],
      }),
    ]);
    const [row] = parse(text, { columns: true }) as Record<string, string>[];
    expect(row!.summary).toBe(summary);
    expect(text.split('\n')[0]).toBe(GTD_EXPORT_COLUMNS.join(','));
  });

  it('exports a resolved store, the same on a second export', async () => {
    const store = await storyStore('reciprocal');
    let first = '';
    for await (const chunk of gtdCsv(allIncidents(store, 4), kb)) first += chunk;
    let second = '';
    for await (const chunk of gtdCsv(allIncidents(store, 4), kb)) second += chunk;
    expect(second).toBe(first);
    const rows = parse(first, { columns: true }) as Record<string, string>[];
    const graz = rows.find((r) => r.city === 'Graz')!;
    expect(graz).toMatchObject({
      iyear: '2022',
      imonth: '9',
      iday: '16',
      country_txt: 'Austria',
      nkill: '3',
      nwound: '7',
    });
    expect(graz.eventid).toMatch(/^20220916\d{4}$/);
    expect(graz.scite1).toBe('https://news.example/rc-001');
    expect(graz.summary!.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.eventid)).size).toBe(rows.length);
  });

  it('names an accepted candidate as a group, an alias by its knowledge-base group, and a rejected name nowhere', async () => {
    // Crimson Dawn Brigade accepted as crimson-dawn ("Crimson Dawn"), Silver Lotus Front an alias
    // of the Taliban, Night Owl Movement rejected (test/helpers/decided-candidates.ts).
    const store = await decidedCandidatesStore();
    let text = '';
    for await (const chunk of gtdCsv(allIncidents(store, 4), kb)) text += chunk;
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const perpetrator = (r: Record<string, string>) => [r.gname, r.gname2, r.gname3, r.individual];
    expect(Object.fromEntries(rows.map((r) => [r.city, perpetrator(r)]))).toEqual({
      Peshawar: ['Crimson Dawn', '', '', '0'],
      Quetta: ['Crimson Dawn', '', '', '0'],
      Multan: ['Taliban', '', '', '0'],
      Lahore: ['Taliban', '', '', '0'],
      Karachi: ['Unknown', '', '', '0'],
      Islamabad: ['Unknown', '', '', '0'],
    });
    // The knowledge base's GTD name, as for the Taliban's own incidents.
    expect(kb.byId.get('taliban')).toMatchObject({ gtdName: 'Taliban' });
  });
});

import { describe, expect, it } from 'vitest';
import { resources } from '../../test/helpers/annotate-text.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { IncidentMention } from '../pipeline/extraction.js';
import { readDatasetCsv } from '../ingest/datasets/dataset-rows.js';
import { ACLED_COLUMNS } from '../ingest/datasets/acled.js';
import { GTD_COLUMNS } from '../ingest/datasets/gtd.js';
import { importDataset } from './import-dataset.js';

const fixture = (name: string): string =>
  new URL(`../../test/fixtures/datasets/${name}`, import.meta.url).pathname;
const options = { kb: resources().kb, gazetteer: resources().gazetteer, retrievedAt: '2026-11-25T00:00:00Z' };

/** The stored documents with their one incident, by title. */
async function stored(
  store: Store,
): Promise<Map<string, { text: string; marking: string; incident: IncidentMention; meta: unknown }>> {
  const out = new Map<string, { text: string; marking: string; incident: IncidentMention; meta: unknown }>();
  for (const d of await store.listDocuments(undefined, 100)) {
    const extraction = (await store.getExtraction(d.id))!;
    for (const e of extraction.incidents[0]!.evidence) expect(d.text.slice(e.start, e.end)).toBe(e.text);
    out.set(d.title!, { text: d.text, marking: d.marking, incident: extraction.incidents[0]!, meta: d.meta });
  }
  return out;
}

describe('importing GTD', () => {
  it('has fixtures in the layout of GTD files: its 135 columns in order', async () => {
    const { readFileSync } = await import('node:fs');
    expect(GTD_COLUMNS).toHaveLength(135);
    for (const f of ['gtd-sample.csv', 'gtd-bad-rows.csv'])
      expect(readFileSync(fixture(f), 'latin1').split('\n')[0]).toBe(GTD_COLUMNS.join(','));
  });

  it('stores each row as a document with one incident in the GTD categories', async () => {
    const store = SqliteStore.open(':memory:');
    const summary = await importDataset('gtd', fixture('gtd-sample.csv'), store, {
      ...options,
      marking: 'TLP:GREEN',
    });
    expect(summary).toMatchObject({ rows: 5, stored: 5, duplicates: 0, skipped: 0, problems: [] });
    const docs = await stored(store);
    const nz = docs.get('GTD 201903150002')!;
    expect(nz.marking).toBe('TLP:GREEN');
    expect(nz.meta).toMatchObject({ dataset: 'gtd', eventId: '201903150002' });
    expect(nz.incident).toMatchObject({
      id: expect.stringMatching(/:i1$/),
      type: 'Armed Assault',
      date: { value: '2019-03-15', precision: 'day' },
      location: { city: 'Christchurch', countryCode: 'NZ', lat: -43.532054, lon: 172.636225 },
      perpetrators: [{ id: null, name: 'Anti-Muslim extremists', kind: 'group' }],
      targets: [{ type: 'Religious Figures/Institutions', text: 'Al Noor Mosque' }],
      weapons: ['Firearms', 'Incendiary'],
      killed: { value: 51 },
      wounded: { value: 49 },
      role: 'main',
      confidence: 1,
    });
    expect(nz.incident.location?.geonamesId).toBeGreaterThan(0);
  });

  it('splits victims from attackers, links GTD names to the knowledge base and reads Latin-1', async () => {
    const store = SqliteStore.open(':memory:');
    await importDataset('gtd', fixture('gtd-sample.csv'), store, options);
    const docs = await stored(store);
    const baghdad = docs.get('GTD 201508200011')!;
    expect(baghdad.text).toContain('café in Baghdad’s Jamila market');
    expect(baghdad.incident).toMatchObject({
      killed: { value: 15 },
      perpetratorsKilled: { value: 1 },
      wounded: { value: 43 },
      perpetratorsWounded: null,
      suicide: true,
      perpetrators: [{ id: 'islamic-state', kind: 'group' }],
      claimedBy: [{ id: 'islamic-state' }],
    });
    const kabul = docs.get('GTD 201712100005')!.incident;
    expect(kabul.types).toEqual(['Armed Assault', 'Bombing/Explosion']);
    expect(kabul.perpetrators.map((p) => p.id)).toEqual(['taliban', expect.any(String)]);
    expect(kabul.killed).toEqual({ value: 3 });
    expect(kabul.wounded).toBeNull();
    expect(kabul.location).toMatchObject({ countryCode: 'AF', approximate: true });
  });

  it('lowers the precision of dates with an unknown day, writes a sentence for rows without a summary, maps former states', async () => {
    const store = SqliteStore.open(':memory:');
    await importDataset('gtd', fixture('gtd-sample.csv'), store, options);
    const docs = await stored(store);
    const belfast = docs.get('GTD 197503000001')!;
    expect(belfast.incident.date).toEqual({ value: '1975-03', precision: 'month' });
    expect(belfast.incident.weapons).toEqual(['Explosives']);
    expect(belfast.incident.killed).toBeNull();
    expect(belfast.incident.perpetrators[0]).toMatchObject({ id: expect.any(String), kind: 'group' });
    expect(belfast.text).toBe(
      'Bombing/Explosion in Belfast, United Kingdom on 1975-03 by Irish Republican Army (IRA): 5 wounded.',
    );
    expect(docs.get('GTD 198806200004')!.incident.location).toMatchObject({
      countryCode: 'DE',
      city: 'Hamburg',
    });
  });

  it('is idempotent: a second import stores nothing', async () => {
    const store = SqliteStore.open(':memory:');
    await importDataset('gtd', fixture('gtd-sample.csv'), store, options);
    const again = await importDataset('gtd', fixture('gtd-sample.csv'), store, options);
    expect(again).toMatchObject({ rows: 5, stored: 0, duplicates: 5 });
    expect((await store.stats()).documents).toBe(5);
  });

  it('skips bad rows with their line numbers and stores the rest', async () => {
    const store = SqliteStore.open(':memory:');
    const summary = await importDataset('gtd', fixture('gtd-bad-rows.csv'), store, options);
    expect(summary.problems.map((p) => `${p.source.split('/').pop()} ${p.ruleId}`)).toEqual([
      'gtd-bad-rows.csv:3 import:bad-row',
      'gtd-bad-rows.csv:4 import:bad-encoding',
      'gtd-bad-rows.csv:7 import:bad-encoding',
    ]);
    expect(summary.problems[1]!.reason).toContain('0x81');
    expect(summary.problems[2]!.reason).toContain('UTF-8');
    expect(summary).toMatchObject({ rows: 5, stored: 2, skipped: 3 });
    const paris = (await stored(store)).get('GTD 202001020003')!;
    expect(paris.text).toContain('\nTwo people were wounded.');
    expect(paris.incident.location).toMatchObject({ city: 'Paris', admin1: 'Île-de-France' });
  });

  it('reports a file that is not GTD in one line', async () => {
    const summary = await importDataset(
      'gtd',
      fixture('gtd-bad-header.csv'),
      SqliteStore.open(':memory:'),
      options,
    );
    expect(summary.problems).toEqual([
      {
        source: `${fixture('gtd-bad-header.csv')}:1`,
        ruleId: 'import:bad-header',
        reason:
          'not a GTD file: the header lacks eventid, iyear, imonth, iday, country_txt, attacktype1_txt (it has id, date, text)',
      },
    ]);
  });
});

describe('importing a GTD workbook', () => {
  it('reads the first worksheet of an xlsx file like the CSV', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const rows: string[][] = [[...GTD_COLUMNS]];
    for await (const r of readDatasetCsv(fixture('gtd-sample.csv'), {
      encoding: 'latin1',
      required: [],
      dataset: 'GTD',
    }))
      if ('values' in r) rows.push(GTD_COLUMNS.map((c) => r.values[c] ?? ''));
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-xlsx-')), 'gtd.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    // Numbers as numbers, as GTD's workbook has them.
    for (const r of rows) sheet.addRow(r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    await workbook.xlsx.writeFile(file);
    const store = SqliteStore.open(':memory:');
    const summary = await importDataset('gtd', file, store, options);
    expect(summary).toMatchObject({ rows: 5, stored: 5, problems: [] });
    const fromCsv = SqliteStore.open(':memory:');
    await importDataset('gtd', fixture('gtd-sample.csv'), fromCsv, options);
    const incidents = async (s: Store) =>
      [...(await stored(s)).values()].map((d) => ({ ...d.incident, id: '' }));
    expect(await incidents(store)).toEqual(await incidents(fromCsv));
  });

  it('reports a file that is not a workbook in one line', async () => {
    const summary = await importDataset(
      'gtd',
      fixture('gtd-sample.csv').replace('.csv', '.xlsx'),
      SqliteStore.open(':memory:'),
      options,
    );
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]!.ruleId).toBe('import:unreadable');
    const notXlsx = fixture('not-a-workbook.xlsx');
    const bad = await importDataset('gtd', notXlsx, SqliteStore.open(':memory:'), options);
    expect(bad.problems).toEqual([
      {
        source: notXlsx,
        ruleId: 'import:bad-xlsx',
        reason: 'not an xlsx workbook (it is not a zip archive)',
      },
    ]);
  });
});

describe('importing ACLED', () => {
  it('has a fixture in the layout of an ACLED export', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(fixture('acled-sample.csv'), 'utf8').split('\n')[0]).toBe(ACLED_COLUMNS.join(','));
  });

  it('maps event types to GTD attack types, leaves out events that are not attacks, skips bad rows', async () => {
    const store = SqliteStore.open(':memory:');
    const summary = await importDataset('acled', fixture('acled-sample.csv'), store, options);
    expect(summary).toMatchObject({
      rows: 6,
      stored: 4,
      skipped: 1,
      notAttacks: 1,
      notAttackTypes: { 'Peaceful protest': 1 },
    });
    expect(summary.problems.map((p) => [p.source.split('/').pop(), p.ruleId])).toEqual([
      ['acled-sample.csv:7', 'import:bad-row'],
    ]);
    const docs = await stored(store);
    expect(docs.get('ACLED IRQ31245')!.incident).toMatchObject({
      type: 'Bombing/Explosion',
      suicide: true,
      weapons: ['Explosives'],
      date: { value: '2023-01-31', precision: 'day' },
      perpetrators: [{ id: 'islamic-state' }],
      targets: [{ type: 'Private Citizens & Property', text: 'Civilians (Iraq)' }],
      killed: { value: 5 },
      location: { city: 'Baghdad', countryCode: 'IQ' },
    });
    expect(docs.get('ACLED IRQ31245')!.text).toContain('"in revenge", the group said');
    expect(docs.get('ACLED NIG14788')!.incident).toMatchObject({
      type: 'Armed Assault',
      date: { value: '2019-W11', precision: 'week' },
      perpetrators: [{ id: 'boko-haram' }],
    });
    expect(docs.get('ACLED SOM40321')!.incident).toMatchObject({
      date: { value: '2022-06', precision: 'month' },
      perpetrators: [{ id: 'al-shabaab' }],
      targets: [{ type: 'Military' }],
    });
    const kabul = docs.get('ACLED AFG55120')!;
    expect(kabul.incident.perpetrators).toEqual([]);
    expect(kabul.text).toBe('Armed Assault in Kabul, Afghanistan on 2023-02-10: 2 killed.');
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../test/helpers/annotate-text.js';
import { loadKnowledgeBase } from '../kb/resources.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { importStix, KEPT_FILE } from './import-stix.js';

const fixture = (name: string): string =>
  new URL(`../../test/fixtures/stix/${name}`, import.meta.url).pathname;
const fresh = (): { store: Store; kbDir: string } => ({
  store: SqliteStore.open(':memory:'),
  kbDir: join(mkdtempSync(join(tmpdir(), 'vigil-stix-')), 'vigil.db.kb'),
});
const now = () => new Date('2026-11-25T00:00:00Z');

describe('importing STIX 2.1 bundles', () => {
  it('OpenCTI: adds a new intrusion set and new aliases to the overlay, stores the incident and the report', async () => {
    const { store, kbDir } = fresh();
    const summary = await importStix(fixture('opencti-bundle.json'), store, { kbDir, now });
    expect(summary.problems).toEqual([]);
    expect(summary.entities).toMatchObject({ added: 1, aliased: 1 });
    expect(summary.documents).toEqual({ stored: 2, duplicates: 0 });
    expect(summary.kept).toMatchObject({
      count: 4,
      byType: { identity: 1, malware: 1, indicator: 1, 'relationship (uses)': 1 },
    });
    const kept = JSON.parse(readFileSync(join(kbDir, KEPT_FILE), 'utf8')) as { objects: { type: string }[] };
    expect(kept.objects.map((o) => o.type).sort()).toEqual([
      'identity',
      'indicator',
      'malware',
      'relationship',
    ]);

    const { kb, messages } = await loadKnowledgeBase({ overlayDirs: [kbDir], cacheDir: false });
    expect(messages).toEqual([]);
    expect(kb.byId.get('northern-dawn-brigade')).toMatchObject({
      name: 'Northern Dawn Brigade',
      kind: 'group',
      ideology: 'other',
      aliases: ['NDB', 'Liwa al-Fajr al-Shamali'],
    });
    expect(kb.byId.get('islamic-state')!.aliases).toContain('Dawlat al-Islamiyah');
    expect(kb.names.lookup('Liwa al-Fajr al-Shamali').map((h) => h.entry.id)).toEqual([
      'northern-dawn-brigade',
    ]);

    const docs = await store.listDocuments(undefined, 10);
    const incidentDoc = docs.find((d) => d.title === 'Suicide bombing at Kabul ministry')!;
    expect(incidentDoc.marking).toBe('TLP:AMBER+STRICT');
    const [incident] = (await store.getExtraction(incidentDoc.id))!.incidents;
    expect(incident).toMatchObject({
      type: 'Bombing/Explosion',
      date: { value: '2023-01-09', precision: 'day' },
      location: { city: 'Kabul', countryCode: 'AF' },
      perpetrators: [{ id: 'islamic-state' }],
      killed: { value: 12 },
    });
    const report = docs.find((d) => d.title?.startsWith('Weekly threat report'))!;
    expect(report).toMatchObject({
      marking: 'TLP:GREEN',
      source: { kind: 'dataset', url: 'https://cert.example/reports/2023-01' },
    });
    expect((await store.getExtraction(report.id))!.incidents[0]).toMatchObject({ type: 'Armed Assault' });
  });

  it('MISP: matches a threat actor by its GTD name and keeps indicators and custom objects', async () => {
    const { store, kbDir } = fresh();
    const summary = await importStix(fixture('misp-bundle.json'), store, { kbDir, now });
    expect(summary.entities.added).toBe(0);
    expect(summary.documents.stored).toBe(1);
    expect(summary.kept.byType).toEqual({ identity: 1, indicator: 1, 'x-misp-attribute': 1 });
    const [doc] = await store.listDocuments(undefined, 10);
    expect(doc!.marking).toBe('TLP:CLEAR');
    const [incident] = (await store.getExtraction(doc!.id))!.incidents;
    expect(incident).toMatchObject({ type: 'Bombing/Explosion', location: { city: 'Mogadishu' } });
  });

  it('is idempotent: the same bundle twice stores nothing and keeps nothing twice', async () => {
    const { store, kbDir } = fresh();
    await importStix(fixture('opencti-bundle.json'), store, { kbDir, now, resources: resources() });
    const again = await importStix(fixture('opencti-bundle.json'), store, {
      kbDir,
      now,
      resources: resources(),
    });
    expect(again.documents).toEqual({ stored: 0, duplicates: 2 });
    const kept = JSON.parse(readFileSync(join(kbDir, KEPT_FILE), 'utf8')) as { objects: unknown[] };
    expect(kept.objects).toHaveLength(4);
  });

  it('reports malformed JSON with its line', async () => {
    const { store, kbDir } = fresh();
    const summary = await importStix(fixture('malformed.json'), store, { kbDir, now });
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]).toMatchObject({
      source: `${fixture('malformed.json')}:5`,
      ruleId: 'import:bad-json',
    });
  });
});

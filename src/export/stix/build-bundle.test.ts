import { describe, expect, it } from 'vitest';
import { resources } from '../../../test/helpers/annotate-text.js';
import { storyStore } from '../../../test/helpers/resolved-store.js';
import { extensionErrors, stixErrors } from '../../../test/helpers/stix-schemas.js';
import { stixBundleOf } from '../export-store.js';
import { stixId, uuidV5 } from './ids.js';
import { TLP2_MARKING_IDS } from './markings.js';
import type { StixObject } from './stix-object.js';
import { INCIDENT_EXTENSION_ID, STATEMENT_EXTENSION_ID } from './vigil-extension.js';

const store = await storyStore('reciprocal', { 'rc-003': 'TLP:AMBER' });
const kb = resources().kb;
const bundle = await stixBundleOf(store, kb, 4);
const ofType = (type: string): StixObject[] => bundle.objects.filter((o) => o.type === type);
const byId = new Map(bundle.objects.map((o) => [o.id, o]));

describe('STIX 2.1 export', () => {
  it('gives name-based UUIDs (version 5, RFC 4122 variant) that do not change', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(stixId('incident', 'inc-1')).toMatch(/^incident--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });

  it('validates every object against the OASIS schema of its type, and the extensions against theirs', () => {
    expect(bundle.objects.flatMap(stixErrors)).toEqual([]);
    expect(new Set(bundle.objects.map((o) => o.type))).toEqual(
      new Set([
        'identity',
        'marking-definition',
        'extension-definition',
        'threat-actor',
        'location',
        'incident',
        'note',
        'relationship',
      ]),
    );
    // The check is real: a location without its required properties, a relationship type with capitals.
    expect(
      stixErrors({ type: 'location', id: stixId('location', 'x'), spec_version: '2.1' } as never),
    ).not.toEqual([]);
    const rel = ofType('relationship')[0]!;
    expect(stixErrors({ ...rel, relationship_type: 'Retaliation For' })).not.toEqual([]);
    for (const o of ofType('incident'))
      expect(
        extensionErrors(
          'vigil-incident.json',
          (o.extensions as Record<string, unknown>)[INCIDENT_EXTENSION_ID],
        ),
      ).toEqual([]);
    for (const o of ofType('note'))
      expect(
        extensionErrors(
          'vigil-statement.json',
          (o.extensions as Record<string, unknown>)[STATEMENT_EXTENSION_ID],
        ),
      ).toEqual([]);
    expect(bundle.id).toMatch(/^bundle--/);
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
  });

  it('is the same bundle on a second export', async () => {
    expect(JSON.stringify(await stixBundleOf(store, kb, 4))).toBe(JSON.stringify(bundle));
  });

  it('exports incidents with their place, perpetrators and sources, and every reference resolves', async () => {
    const incidents = await store.listIncidents({});
    expect(ofType('incident')).toHaveLength(incidents.length);
    const graz = incidents.find((i) => i.location?.city === 'Graz')!;
    const object = byId.get(stixId('incident', graz.id))!;
    const ext = (object.extensions as Record<string, Record<string, unknown>>)[INCIDENT_EXTENSION_ID]!;
    expect(ext).toMatchObject({ vigil_id: graz.id, incident_type: graz.type, killed: graz.killed });
    const refs = object.external_references as { url?: string; external_id: string }[];
    expect(refs.map((r) => r.url)).toContain('https://news.example/rc-001');
    const located = ofType('relationship').find(
      (r) => r.relationship_type === 'located-at' && r.source_ref === object.id,
    )!;
    expect(byId.get(located.target_ref as string)).toMatchObject({
      type: 'location',
      city: 'Graz',
      country: 'AT',
    });
    for (const r of ofType('relationship')) {
      expect(byId.has(r.source_ref as string)).toBe(true);
      expect(byId.has(r.target_ref as string)).toBe(true);
    }
    for (const o of bundle.objects)
      for (const m of (o.object_marking_refs as string[] | undefined) ?? []) expect(byId.has(m)).toBe(true);
  });

  it('exports statements as notes referring to their incidents, and retaliation-for relationships', () => {
    expect(ofType('note').length).toBeGreaterThan(0);
    const retaliation = ofType('relationship').filter((r) => r.relationship_type === 'retaliation-for');
    expect(retaliation.length).toBeGreaterThan(0);
    expect(retaliation.every((r) => byId.get(r.target_ref as string)?.type === 'incident')).toBe(true);
  });

  it('marks each object with the most restrictive marking of its documents', async () => {
    const amber = (await store.listIncidents({})).filter((i) => i.mentions.some((m) => m.docId === 'rc-003'));
    expect(amber.length).toBeGreaterThan(0);
    for (const i of amber)
      expect(byId.get(stixId('incident', i.id))!.object_marking_refs).toEqual([
        TLP2_MARKING_IDS['TLP:AMBER'],
      ]);
    expect(byId.get(TLP2_MARKING_IDS['TLP:AMBER'])).toMatchObject({ name: 'TLP:AMBER' });
  });

  it('leaves out what a TLP:CLEAR reader may not see', async () => {
    const clear = await stixBundleOf(store, kb, 0);
    expect(
      clear.objects.some((o) =>
        (o.object_marking_refs as string[] | undefined)?.includes(TLP2_MARKING_IDS['TLP:AMBER']),
      ),
    ).toBe(false);
    expect(clear.objects.flatMap(stixErrors)).toEqual([]);
  });

  it('exports knowledge-base groups as threat actors with their aliases and GTD name', () => {
    const actors = ofType('threat-actor');
    for (const a of actors) {
      const refs = a.external_references as { source_name: string; external_id: string }[] | undefined;
      const kbId = refs?.find((r) => r.source_name === 'vigil')?.external_id;
      const entry = kbId ? kb.byId.get(kbId) : undefined;
      if (!entry) continue;
      expect(a.name).toBe(entry.name);
      if (entry.aliases.length > 0) expect(a.aliases).toEqual(expect.arrayContaining(entry.aliases));
      if ('gtdName' in entry && entry.gtdName)
        expect(refs).toContainEqual({ source_name: 'Global Terrorism Database', external_id: entry.gtdName });
    }
  });
});

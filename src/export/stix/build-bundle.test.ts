import { describe, expect, it } from 'vitest';
import { resources } from '../../../test/helpers/annotate-text.js';
import { decidedCandidatesStore } from '../../../test/helpers/decided-candidates.js';
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

describe('STIX 2.1 export of the candidates analysts decided about', async () => {
  // Crimson Dawn Brigade accepted as crimson-dawn, Silver Lotus Front an alias of the Taliban,
  // Night Owl Movement rejected (test/helpers/decided-candidates.ts).
  const decided = await decidedCandidatesStore();
  const full = await stixBundleOf(decided, kb, 4);
  const objectsOf = (b: typeof full) => new Map(b.objects.map((o) => [o.id, o]));
  const all = objectsOf(full);
  const incidentIn = async (city: string): Promise<string> => {
    const i = (await decided.listIncidents({})).find((x) => x.location?.city === city)!;
    return stixId('incident', i.id);
  };
  const attributedTo = (b: typeof full, incident: string): StixObject[] => {
    const objects = objectsOf(b);
    return b.objects
      .filter((r) => r.relationship_type === 'attributed-to' && r.source_ref === incident)
      .map((r) => objects.get(r.target_ref as string)!);
  };

  it('exports an accepted entity as a knowledge-base group: a threat actor with its id, name, aliases and ideology', async () => {
    const id = stixId('threat-actor', 'kb:crimson-dawn');
    const actor = all.get(id)!;
    expect(actor).toMatchObject({
      type: 'threat-actor',
      spec_version: '2.1',
      name: 'Crimson Dawn',
      threat_actor_types: ['terrorist'],
      aliases: ['Crimson Dawn Brigade', 'CDB'],
      labels: ['ethno-nationalist'],
      primary_motivation: 'ideology',
      external_references: [{ source_name: 'vigil', external_id: 'crimson-dawn' }],
      // The decision's level: the CLEAR reports list the candidate.
      object_marking_refs: [TLP2_MARKING_IDS['TLP:CLEAR']],
      created: '2021-05-03T00:00:00.000Z',
      modified: '2026-12-07T10:00:00.000Z',
    });
    expect(actor.description).toContain('accepted');
    // The same properties as a knowledge-base group's (which has a GTD name besides).
    const taliban = all.get(stixId('threat-actor', 'kb:taliban'))!;
    expect(Object.keys(actor).sort()).toEqual(Object.keys(taliban).sort());
    for (const city of ['Peshawar', 'Quetta'])
      expect(attributedTo(full, await incidentIn(city))).toEqual([actor]);
    expect(full.objects.filter((o) => o.name === 'Crimson Dawn Brigade')).toEqual([]);
    expect(full.objects.flatMap(stixErrors)).toEqual([]);
  });

  it('exports the incidents of a name made an alias as attributed to the knowledge-base group', async () => {
    const taliban = all.get(stixId('threat-actor', 'kb:taliban'))!;
    expect(taliban).toMatchObject({
      name: 'Taliban',
      object_marking_refs: [TLP2_MARKING_IDS['TLP:CLEAR']],
      external_references: expect.arrayContaining([{ source_name: 'vigil', external_id: 'taliban' }]),
    });
    for (const city of ['Multan', 'Lahore'])
      expect(attributedTo(full, await incidentIn(city))).toEqual([taliban]);
    expect(full.objects.filter((o) => o.name === 'Silver Lotus Front')).toEqual([]);
  });

  it('never exports a rejected name as an actor', async () => {
    for (const city of ['Karachi', 'Islamabad']) {
      const incident = all.get(await incidentIn(city))!;
      expect(attributedTo(full, incident.id)).toEqual([]);
      const ext = (incident.extensions as Record<string, Record<string, unknown>>)[INCIDENT_EXTENSION_ID]!;
      expect(ext.perpetrators ?? []).toEqual([]);
    }
    const actors = full.objects.filter((o) => o.type === 'threat-actor' || o.type === 'identity');
    expect(actors.map((a) => a.name).sort()).toEqual(['Crimson Dawn', 'Taliban', 'Vigil']);
  });

  it('gives the same ids and bundle on every export, and only what a reader may see', async () => {
    expect(JSON.stringify(await stixBundleOf(decided, kb, 4))).toBe(JSON.stringify(full));
    const clear = await stixBundleOf(decided, kb, 0);
    expect(clear.objects.flatMap(stixErrors)).toEqual([]);
    expect(objectsOf(clear).get(stixId('threat-actor', 'kb:crimson-dawn'))).toEqual(
      all.get(stixId('threat-actor', 'kb:crimson-dawn')),
    );
    // The Silver Lotus Front reports are GREEN: a CLEAR reader gets no incident of theirs.
    expect(clear.objects.filter((o) => o.type === 'incident')).toHaveLength(2);
  });

  it('marks an accepted entity with the level of its decision, and leaves it out below that level', async () => {
    const red = await decidedCandidatesStore([
      ['Night Owl Movement', { decision: 'accepted', entityId: 'night-owls' }],
    ]);
    const bundle = await stixBundleOf(red, kb, 4);
    const actor = bundle.objects.find((o) => o.id === stixId('threat-actor', 'kb:night-owls'))!;
    expect(actor).toMatchObject({
      name: 'Night Owl Movement',
      threat_actor_types: ['terrorist'],
      object_marking_refs: [TLP2_MARKING_IDS['TLP:RED']],
    });
    expect(actor).not.toHaveProperty('aliases');
    expect(actor).not.toHaveProperty('labels');
    expect(bundle.objects.flatMap(stixErrors)).toEqual([]);
    const amber = await stixBundleOf(red, kb, 2);
    expect(amber.objects.some((o) => o.id === actor.id || o.name === 'Night Owl Movement')).toBe(false);
  });
});

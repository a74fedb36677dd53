import { describe, expect, it } from 'vitest';
import { day, extractionRecord, incident, PLACES, statement } from '../../test/helpers/mentions.js';
import { buildChains } from './build-chains.js';
import type { ResolvedIncident, ResolvedStatement } from './resolution.js';
import { resolveAll, type Resolved } from './resolve.js';

const full = <T>(r: Resolved<T>[]) =>
  r.flatMap((x) => x.views.filter((v) => v.maxLevel === 4).map((v) => v.value));
const christchurch = (id: string, killed: number) =>
  incident(id, {
    date: day('2019-03-15'),
    location: PLACES.christchurch,
    killed: { value: killed },
    evidence: [{ field: 'type', start: 0, end: 40, text: 'A gunman attacked the Al Noor mosque.' }],
  });
const furqan = { id: 'al-furqan', name: 'Al-Furqan Media' };
const islamicState = { id: 'islamic-state', name: 'Islamic State' };

/** The Christchurch story: two reports, a call for revenge in two reports, an attack framed as revenge. */
function story() {
  return [
    extractionRecord('nz1', '2019-03-15', { incidents: [christchurch('nz1:i1', 49)] }),
    extractionRecord('nz2', '2019-03-17', { incidents: [christchurch('nz2:i1', 50)] }, 'TLP:AMBER'),
    extractionRecord('call1', '2019-03-18', {
      statements: [
        statement('call1:s1', {
          organization: islamicState,
          outlet: furqan,
          quote: 'take revenge for the blood of your brothers in New Zealand',
          evidence: [
            { field: 'quote', start: 0, end: 50, text: 'The spokesman urged supporters to take revenge.' },
          ],
        }),
      ],
      links: [
        { from: 'call1:s1', to: { text: 'the New Zealand attack' }, kind: 'retaliation-for', evidence: [] },
      ],
    }),
    extractionRecord('call2', '2019-03-19', {
      statements: [
        statement('call2:s1', {
          organization: islamicState,
          quote: 'take revenge for the blood of your brothers in New Zealand!',
        }),
      ],
      links: [
        { from: 'call2:s1', to: { text: 'the New Zealand attack' }, kind: 'retaliation-for', evidence: [] },
      ],
    }),
    extractionRecord('lk1', '2019-04-23', {
      incidents: [
        incident('lk1:i1', {
          type: 'Bombing/Explosion',
          types: ['Bombing/Explosion'],
          date: day('2019-04-21'),
          location: PLACES.colombo,
          killed: { value: 253 },
        }),
        incident('lk1:i2', {
          ...christchurch('lk1:i2', 51),
          role: 'background',
          date: { value: '2019-03', precision: 'month' },
        }),
      ],
      links: [
        {
          from: 'lk1:i1',
          to: 'lk1:i2',
          kind: 'retaliation-for',
          evidence: [{ field: 'retaliation-for', start: 0, end: 20, text: 'retaliation for Christchurch' }],
        },
      ],
    }),
  ];
}
const placesIn = (text: string) =>
  /new zealand/i.test(text) ? [{ country: 'New Zealand', countryCode: 'NZ', lat: -41, lon: 174 }] : [];

describe('resolveAll', () => {
  it('merges the reports of Christchurch, including a recollection in a later article', () => {
    const r = resolveAll(story(), { placesIn });
    const incidents = full(r.incidents);
    expect(incidents).toHaveLength(2);
    const nz = incidents.find((i) => i.location?.city === 'Christchurch')!;
    expect(nz.mentions.map((m) => m.docId)).toEqual(['nz1', 'nz2', 'lk1']);
    expect(nz.killed).toEqual({ value: 51 });
  });

  it('makes one statement of a call reported twice, and links it to Christchurch by the words "New Zealand"', () => {
    const r = resolveAll(story(), { placesIn });
    const statements = full(r.statements);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.mentions.map((m) => m.docId)).toEqual(['call1', 'call2']);
    const nz = full(r.incidents).find((i) => i.location?.city === 'Christchurch')!;
    const links = r.links.filter((l) => l.maxLevel === 4).map((l) => l.value);
    expect(links.map((l) => [l.from, l.to])).toContainEqual([statements[0]!.id, nz.id]);
  });

  it('keeps words it cannot match as words', () => {
    const r = resolveAll(story(), {});
    const links = r.links.filter((l) => l.maxLevel === 4).map((l) => l.value);
    expect(links.map((l) => l.to)).toContainEqual({ text: 'the New Zealand attack' });
  });

  it('shows readers below AMBER only what the CLEAR and GREEN reports say', () => {
    const r = resolveAll(story(), { placesIn });
    const nz = r.incidents.find((i) => i.members.some((m) => m.docId === 'nz2'))!;
    const green = nz.views.find((v) => v.minLevel <= 1 && v.maxLevel >= 1)!.value;
    expect(green.mentions.map((m) => m.docId)).toEqual(['nz1', 'lk1']);
    const amber = nz.views.find((v) => v.minLevel <= 2 && v.maxLevel >= 2)!.value;
    expect(amber.mentions.map((m) => m.docId)).toEqual(['nz1', 'nz2', 'lk1']);
  });

  it('forms one chain: Christchurch → the call for revenge, and the Easter bombings framed as revenge', () => {
    const r = resolveAll(story(), { placesIn });
    const incidents = new Map(full(r.incidents).map((i): [string, ResolvedIncident] => [i.id, i]));
    const statements = new Map(full(r.statements).map((s): [string, ResolvedStatement] => [s.id, s]));
    const chains = buildChains(
      r.links.filter((l) => l.maxLevel === 4).map((l) => l.value),
      (id) => {
        const i = incidents.get(id);
        if (i)
          return {
            id,
            kind: 'incident',
            date: i.date!.value,
            label: i.location!.city!,
            actors: [],
            ideologies: [],
          };
        const s = statements.get(id);
        return (
          s && {
            id,
            kind: 'statement',
            date: s.mentions[0]!.publishedAt!,
            label: s.type,
            actors: [],
            ideologies: [],
          }
        );
      },
    );
    expect(chains).toHaveLength(1);
    expect(chains[0]!.nodes.map((n) => n.label)).toEqual(['Christchurch', 'call-to-violence', 'Colombo']);
    expect(chains[0]!.start).toBe('2019-03-15');
    expect(chains[0]!.edges).toHaveLength(2);
  });

  it('proposes an unknown group named in two documents as a candidate, not one named once', () => {
    const unknown = { id: null, name: 'Sons of the Blue Crescent', kind: 'group' };
    const r = resolveAll([
      extractionRecord('x1', '2020-01-01', { incidents: [incident('x1:i1', { perpetrators: [unknown] })] }),
      extractionRecord('x2', '2020-02-01', { statements: [statement('x2:s1', { organization: unknown })] }),
      extractionRecord('x3', '2020-02-01', {
        incidents: [incident('x3:i1', { perpetrators: [{ ...unknown, name: 'Lonely Ones Front' }] })],
      }),
    ]);
    expect(r.candidates.map((c) => [c.value.name, c.value.docIds])).toEqual([
      ['Sons of the Blue Crescent', ['x1', 'x2']],
    ]);
  });

  it('keeps two statements by one group about different incidents apart', () => {
    const claim = (doc: string, incidentId: string, place: keyof typeof PLACES, date: string) =>
      extractionRecord(doc, date, {
        incidents: [incident(incidentId, { date: day(date), location: PLACES[place] })],
        statements: [
          statement(`${doc}:s1`, {
            type: 'claim-of-responsibility',
            organization: islamicState,
            refersTo: [incidentId],
          }),
        ],
      });
    const r = resolveAll([
      claim('a', 'a:i1', 'kabul', '2020-05-01'),
      claim('b', 'b:i1', 'kandahar', '2020-05-01'),
    ]);
    expect(full(r.statements)).toHaveLength(2);
  });
});

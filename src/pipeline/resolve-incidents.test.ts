import { describe, expect, it } from 'vitest';
import { day, incidentRecord, PLACES } from '../../test/helpers/mentions.js';
import type { IncidentRecord } from './resolution.js';
import { clusterIncidents } from './resolve-incidents.js';

const mosques = (docId: string, published: string, killed: number, extra = {}) =>
  incidentRecord(docId, published, {
    date: day('2019-03-15'),
    location: PLACES.christchurch,
    killed: { value: killed },
    targets: [{ type: 'Religious Figures/Institutions', text: 'two mosques' }],
    evidence: [
      { field: 'type', start: 0, end: 60, text: 'A gunman opened fire at the Al Noor and Linwood mosques.' },
    ],
    ...extra,
  });

const groups = (clusters: { members: IncidentRecord[] }[]) =>
  clusters.map((c) => c.members.map((m) => m.source.docId).sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('clusterIncidents', () => {
  it('merges reports of one attack whose death toll grows, and explains why', () => {
    const clusters = clusterIncidents([
      mosques('a', '2019-03-15', 49),
      mosques('b', '2019-03-16', 50),
      mosques('c', '2019-05-02', 51),
    ]);
    expect(groups(clusters)).toEqual([['a', 'b', 'c']]);
    expect(clusters[0]!.reasons.map((r) => r.text).join(' | ')).toContain('same day (2019-03-15)');
    expect(clusters[0]!.reasons.map((r) => r.text).join(' | ')).toContain('same city (Christchurch)');
  });

  it('gives the incident the id of its earliest report, whatever order reports arrive in', () => {
    const forward = clusterIncidents([mosques('a', '2019-03-15', 49), mosques('b', '2019-03-16', 50)]);
    const backward = clusterIncidents([mosques('b', '2019-03-16', 50), mosques('a', '2019-03-15', 49)]);
    expect(forward[0]!.id).toBe(backward[0]!.id);
    expect(forward[0]!.members[0]!.source.docId).toBe('a');
  });

  it("takes a branch and its parent group for one perpetrator, when told the groups' families", () => {
    const kabul = (docId: string, perpetrator: string) =>
      incidentRecord(docId, '2021-08-27', {
        date: day('2021-08-26'),
        location: PLACES.kabul,
        type: 'Bombing/Explosion',
        types: ['Bombing/Explosion'],
        perpetrators: [{ id: perpetrator, name: perpetrator, ideology: 'jihadist' }],
      });
    const records = [kabul('a', 'iskp'), kabul('b', 'islamic-state')];
    const family = (id: string) => (id === 'iskp' ? ['iskp', 'islamic-state'] : [id]);
    expect(groups(clusterIncidents(records, [], new Set(), family))).toEqual([['a', 'b']]);
    expect(groups(clusterIncidents(records))).toEqual([['a'], ['b']]);
  });

  it('joins an undated report to the one incident of its city in the week before it, not when there are two', () => {
    const bombing = (docId: string, date: string) =>
      incidentRecord(docId, date, {
        date: day(date),
        location: PLACES.kabul,
        type: 'Bombing/Explosion',
        types: ['Bombing/Explosion'],
      });
    const claim = incidentRecord('claim', '2019-03-17', {
      date: null,
      location: PLACES.kabul,
      type: 'Bombing/Explosion',
      types: ['Bombing/Explosion'],
    });
    const one = clusterIncidents([bombing('a', '2019-03-15'), claim]);
    expect(groups(one)).toEqual([['a', 'claim']]);
    expect(one[0]!.reasons.map((r) => r.text)).toContain(
      'undated report of the one incident in Kabul in the week before it',
    );
    expect(groups(clusterIncidents([bombing('a', '2019-03-12'), bombing('b', '2019-03-15'), claim]))).toEqual(
      [['a'], ['b'], ['claim']],
    );
    // An analyst who split the undated report out of the incident keeps it out.
    const split = {
      kind: 'split' as const,
      a: 'a:i1',
      b: 'claim:i1',
      author: 'ana',
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(groups(clusterIncidents([bombing('a', '2019-03-15'), claim], [split]))).toEqual([
      ['a'],
      ['claim'],
    ]);
    // An undated claim placed in the city joins the one incident at the suburb beside it.
    const suburb = incidentRecord('airport', '2019-03-15', {
      date: day('2019-03-15'),
      location: PLACES.linwood,
      type: 'Bombing/Explosion',
      types: ['Bombing/Explosion'],
    });
    const cityClaim = incidentRecord('city-claim', '2019-03-16', {
      date: null,
      location: PLACES.christchurch,
      type: 'Bombing/Explosion',
      types: ['Bombing/Explosion'],
    });
    expect(groups(clusterIncidents([suburb, cityClaim]))).toEqual([['airport', 'city-claim']]);
  });

  it('never merges two attacks on the same day in different cities', () => {
    const clusters = clusterIncidents([
      incidentRecord('k1', '2019-03-15', {
        date: day('2019-03-15'),
        location: PLACES.kabul,
        type: 'Bombing/Explosion',
        types: ['Bombing/Explosion'],
      }),
      incidentRecord('k2', '2019-03-15', {
        date: day('2019-03-15'),
        location: PLACES.kandahar,
        type: 'Bombing/Explosion',
        types: ['Bombing/Explosion'],
      }),
    ]);
    expect(groups(clusters)).toEqual([['k1'], ['k2']]);
  });

  it('never merges attacks in one city days apart', () => {
    const clusters = clusterIncidents([
      incidentRecord('k1', '2019-03-15', { date: day('2019-03-15'), location: PLACES.kabul }),
      incidentRecord('k2', '2019-03-18', { date: day('2019-03-18'), location: PLACES.kabul }),
    ]);
    expect(groups(clusters)).toEqual([['k1'], ['k2']]);
  });

  it('does not let a report without a city chain two cities together', () => {
    const bomb = { type: 'Bombing/Explosion', types: ['Bombing/Explosion'], date: day('2019-03-15') };
    const clusters = clusterIncidents([
      incidentRecord('kabul', '2019-03-15', { ...bomb, location: PLACES.kabul }),
      incidentRecord('country', '2019-03-15', { ...bomb, location: PLACES.afghanistan }),
      incidentRecord('kandahar', '2019-03-15', { ...bomb, location: PLACES.kandahar }),
    ]);
    expect(groups(clusters).find((g) => g.includes('kandahar'))).not.toContain('kabul');
  });

  it('treats a suburb as its city', () => {
    const clusters = clusterIncidents([
      mosques('a', '2019-03-15', 49),
      mosques('b', '2019-03-15', 49, { location: PLACES.linwood }),
    ]);
    expect(groups(clusters)).toEqual([['a', 'b']]);
  });

  it('matches a later recollection with a coarse date to the incident', () => {
    const recalled = incidentRecord('later', '2019-04-25', {
      date: { value: '2019-03', precision: 'month' },
      location: PLACES.christchurch,
      role: 'background',
      evidence: [{ field: 'type', start: 0, end: 50, text: 'the attack on the Al Noor mosque last month' }],
    });
    expect(groups(clusterIncidents([mosques('a', '2019-03-15', 50), recalled]))).toEqual([['a', 'later']]);
  });

  it('keeps two incidents of one document apart', () => {
    const a = mosques('a', '2019-03-15', 49);
    const b = {
      ...mosques('a', '2019-03-15', 49),
      mention: { ...mosques('a', '2019-03-15', 49).mention, id: 'a:i2' },
    };
    expect(clusterIncidents([a, b])).toHaveLength(2);
  });

  it("follows an analyst's split and a later merge", () => {
    const reports = [mosques('a', '2019-03-15', 49), mosques('b', '2019-03-16', 50)];
    const split = {
      kind: 'split' as const,
      a: 'a:i1',
      b: 'b:i1',
      author: 'ana',
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(groups(clusterIncidents(reports, [split]))).toEqual([['a'], ['b']]);
    const merge = { ...split, kind: 'merge' as const, createdAt: '2026-01-02T00:00:00Z' };
    expect(groups(clusterIncidents(reports, [split, merge]))).toEqual([['a', 'b']]);
    const apart = [
      incidentRecord('k1', '2019-03-15', { date: day('2019-03-15'), location: PLACES.kabul }),
      incidentRecord('k2', '2019-03-15', { date: day('2019-03-15'), location: PLACES.kandahar }),
    ];
    const forced = clusterIncidents(apart, [{ ...merge, a: 'k1:i1', b: 'k2:i1' }]);
    expect(groups(forced)).toEqual([['k1', 'k2']]);
    expect(forced[0]!.reasons[0]!.text).toBe('merged by an analyst');
  });
});

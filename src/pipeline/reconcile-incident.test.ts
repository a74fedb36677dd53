import { describe, expect, it } from 'vitest';
import { day, incidentRecord, PLACES } from '../../test/helpers/mentions.js';
import { reconcileIncident } from './reconcile-incident.js';

describe('reconcileIncident', () => {
  const cluster = {
    id: 'inc-x',
    reasons: [{ docIds: ['a', 'b'] as [string, string], text: 'same day' }],
    members: [
      incidentRecord('a', '2019-03-15', {
        date: { value: '2019-03', precision: 'month' },
        location: PLACES.afghanistan,
        killed: { min: 40, max: 49 },
        wounded: { value: 20 },
        perpetrators: [{ id: null, name: 'Unnamed lone actor', ideology: 'far-right' }],
      }),
      incidentRecord('b', '2019-03-16', {
        date: day('2019-03-15'),
        location: PLACES.kabul,
        killed: { value: 50 },
        perpetrators: [{ id: 'taliban', name: 'Taliban' }],
        evidence: [{ field: 'killed', start: 10, end: 30, text: 'fifty people were killed' }],
      }),
      incidentRecord('c', '2019-05-01', {
        date: day('2019-03-15'),
        location: PLACES.kabul,
        killed: { value: 48 },
        role: 'background',
        weapons: ['Unknown'],
      }),
    ],
  };

  it('takes the most precise date and place, the highest toll, and the latest main report', () => {
    const i = reconcileIncident(cluster);
    expect(i.date).toEqual(day('2019-03-15'));
    expect(i.location?.city).toBe('Kabul');
    expect(i.killed).toEqual({ value: 50 });
    expect(i.killedLatest).toEqual({ value: 50 });
    expect(i.wounded).toEqual({ value: 20 });
    expect(i.weapons).toEqual(['Firearms']);
    expect(i.role).toBe('main');
  });

  it('keeps every figure with its report, oldest first, and evidence with its document', () => {
    const i = reconcileIncident(cluster);
    expect(i.casualtyReports.map((r) => [r.docId, r.killed])).toEqual([
      ['a', { min: 40, max: 49 }],
      ['b', { value: 50 }],
      ['c', { value: 48 }],
    ]);
    expect(i.evidence).toContainEqual(
      expect.objectContaining({ field: 'killed', docId: 'b', text: 'fifty people were killed' }),
    );
    expect(i.mentions.map((m) => m.docId)).toEqual(['a', 'b', 'c']);
    expect(i.firstReported).toBe('2019-03-15');
    expect(i.lastReported).toBe('2019-05-01');
  });

  it('prefers named perpetrators to an unnamed one, and explains merges only between shown reports', () => {
    const i = reconcileIncident(cluster);
    expect(i.perpetrators.map((p) => p.name)).toEqual(['Taliban']);
    expect(i.mergeReasons).toEqual(['a ~ b: same day']);
    const onlyA = reconcileIncident({ ...cluster, members: cluster.members.slice(0, 1) });
    expect(onlyA.mergeReasons).toEqual([]);
    expect(onlyA.killed).toEqual({ min: 40, max: 49 });
  });

  it('raises confidence with independent reports', () => {
    expect(reconcileIncident(cluster).confidence).toBeGreaterThan(0.9);
  });
});

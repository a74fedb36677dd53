import { describe, expect, it } from 'vitest';
import { extractionRecord, incident, PLACES, statement } from '../../test/helpers/mentions.js';
import {
  applyDecidedNames,
  decidedNames,
  undecidedCandidates,
  type CandidateDecision,
} from './candidate-decisions.js';
import type { ActorRef } from './extraction.js';
import { resolveAll } from './resolve.js';

const crimson = { id: null, name: 'Crimson Dawn Brigade', kind: 'group', text: 'Crimson Dawn Brigade' };
const lotus = { id: null, name: 'Silver Lotus Front', kind: 'group' };
const taliban: ActorRef = { id: 'taliban', name: 'Taliban', kind: 'group' };
const kbRef = (id: string) => (id === 'taliban' ? taliban : undefined);

/** Two unknown groups, each named in two documents (one of them by a statement). */
function records() {
  return [
    extractionRecord('d1', '2021-05-03', {
      incidents: [incident('d1:i1', { location: PLACES.kabul, perpetrators: [crimson] })],
    }),
    extractionRecord('d2', '2021-06-11', {
      incidents: [incident('d2:i1', { location: PLACES.kandahar, perpetrators: [crimson, lotus] })],
    }),
    extractionRecord('d3', '2021-07-20', { statements: [statement('d3:s1', { organization: lotus })] }),
  ];
}

const by = { author: 'ana', createdAt: '2026-12-07T10:00:00Z', level: 0 };
const accepted: CandidateDecision = {
  ...by,
  key: 'crimson dawn brigade',
  name: 'Crimson Dawn Brigade',
  decision: 'accepted',
  entity: {
    id: 'crimson-dawn',
    name: 'Crimson Dawn',
    kind: 'group',
    ideology: 'ethno-nationalist',
    aliases: ['Crimson Dawn Brigade', 'CDB'],
  },
};

describe('candidate decisions in resolution', () => {
  it('lists both unknown groups as candidates when nothing is decided', () => {
    const r = resolveAll(records());
    expect(r.candidates.map((c) => c.value.key)).toEqual(['crimson dawn brigade', 'silver lotus front']);
    expect(applyDecidedNames(records(), new Map())).toEqual(records());
  });

  it('resolves an accepted name to the new entity, keeping the words of the text, and no longer lists it', () => {
    const decided = decidedNames([accepted], kbRef);
    const r = resolveAll(applyDecidedNames(records(), decided));
    const perpetrators = r.incidents.flatMap((i) => i.views.flatMap((v) => v.value.perpetrators));
    expect(perpetrators.filter((p) => p.id === 'crimson-dawn')).toHaveLength(2);
    expect(perpetrators.find((p) => p.id === 'crimson-dawn')).toEqual({
      id: 'crimson-dawn',
      name: 'Crimson Dawn',
      kind: 'group',
      ideology: 'ethno-nationalist',
      aliases: ['Crimson Dawn Brigade', 'CDB'],
      text: 'Crimson Dawn Brigade',
    });
    expect(undecidedCandidates(r.candidates, decided).map((c) => c.value.key)).toEqual([
      'silver lotus front',
    ]);
  });

  it('resolves an alias to the knowledge-base entity in incidents and statements', () => {
    const alias: CandidateDecision = {
      ...by,
      key: 'silver lotus front',
      name: 'Silver Lotus Front',
      decision: 'alias',
      entityId: 'taliban',
    };
    const r = resolveAll(applyDecidedNames(records(), decidedNames([alias], kbRef)));
    const kandahar = r.incidents.find((i) => i.members[0]!.docId === 'd2')!.views[0]!.value;
    // A known perpetrator now: the unknown one beside it is left out, as for any incident.
    expect(kandahar.perpetrators.map((p) => [p.id, p.name, p.text])).toEqual([
      ['taliban', 'Taliban', 'Silver Lotus Front'],
    ]);
    expect(r.statements[0]!.views[0]!.value.organization).toMatchObject({ id: 'taliban' });
    expect(r.candidates.map((c) => c.value.key)).toEqual(['crimson dawn brigade']);
  });

  it('hides a rejected name from the candidates and from the incidents and statements that named it', () => {
    const rejected: CandidateDecision = {
      ...by,
      key: 'silver lotus front',
      name: 'Silver Lotus Front',
      decision: 'rejected',
    };
    const decided = decidedNames([rejected], kbRef);
    expect(decided.get('silver lotus front')).toBeNull();
    const r = resolveAll(applyDecidedNames(records(), decided));
    expect(r.statements[0]!.views[0]!.value.organization).toBeNull();
    expect(r.incidents.flatMap((i) => i.views[0]!.value.perpetrators.map((p) => p.name)).sort()).toEqual([
      'Crimson Dawn Brigade',
      'Crimson Dawn Brigade',
    ]);
    expect(undecidedCandidates(r.candidates, decided).map((c) => c.value.key)).toEqual([
      'crimson dawn brigade',
    ]);
  });

  it('leaves out an alias of an entity the knowledge base no longer has: the name is a candidate again', () => {
    const stale: CandidateDecision = {
      ...by,
      key: 'silver lotus front',
      name: 'Silver Lotus Front',
      decision: 'alias',
      entityId: 'gone',
    };
    expect(decidedNames([stale], kbRef).size).toBe(0);
  });

  it('lets a decision about a name win over an accepted entity’s alias of the same name', () => {
    const rejectCdb: CandidateDecision = { ...by, key: 'cdb', name: 'CDB', decision: 'rejected' };
    const decided = decidedNames([rejectCdb, accepted], kbRef);
    expect(decided.get('cdb')).toBeNull();
    expect(decided.get('crimson dawn')).toMatchObject({ id: 'crimson-dawn' });
  });
});

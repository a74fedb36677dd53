import { describe, expect, it } from 'vitest';
import type { CandidateOutcome } from '../../api/types';
import { candidateNotice } from './CandidateDecisions';

const decision = {
  key: 'crimson dawn brigade',
  name: 'Crimson Dawn Brigade',
  author: 'ana',
  createdAt: '2026-12-07T10:00:00Z',
  level: 0,
};
const outcome = (d: Partial<CandidateOutcome['decision']>, candidates = 1): CandidateOutcome => ({
  decision: { ...decision, decision: 'rejected', ...d },
  incidents: 6,
  candidates,
});

describe('candidateNotice', () => {
  it('names the entity an accepted or aliased candidate became', () => {
    const accepted = outcome({
      decision: 'accepted',
      entityId: 'crimson-dawn',
      entity: { id: 'crimson-dawn', name: 'Crimson Dawn', kind: 'group', aliases: [] },
    });
    expect(candidateNotice(accepted)).toEqual({
      lead: '“Crimson Dawn Brigade” is now the new group ',
      entityId: 'crimson-dawn',
      tail: '. Resolution ran again: 1 candidate left.',
    });
    expect(candidateNotice(outcome({ decision: 'alias', entityId: 'taliban' }, 0))).toEqual({
      lead: '“Crimson Dawn Brigade” is now another name of ',
      entityId: 'taliban',
      tail: '. Resolution ran again: 0 candidates left.',
    });
  });

  it('says a rejected candidate is no longer listed, and an undone one is again', () => {
    expect(candidateNotice(outcome({}, 2)).lead).toBe(
      '“Crimson Dawn Brigade” is not an actor: it is no longer listed.',
    );
    expect(candidateNotice(outcome({ decision: 'alias', entityId: 'taliban' }), true)).toEqual({
      lead: 'The decision about “Crimson Dawn Brigade” is undone: it is listed again while two documents name it.',
      tail: ' Resolution ran again: 1 candidate left.',
    });
  });
});

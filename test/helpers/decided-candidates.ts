import { loadAlertConfig } from '../../src/services/alerts/alert-config.js';
import { decideCandidate, type CandidateDecisionInput } from '../../src/services/candidates.js';
import { resolveStore } from '../../src/services/resolve.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { resources } from './annotate-text.js';
import { candidateReports } from './candidates.js';

/** A decision {@link decidedCandidatesStore} takes: the candidate's name and what is decided. */
export type CandidateDecisionCase = [name: string, input: CandidateDecisionInput];

/**
 * The usual decisions about the `candidateReports` candidates: the Crimson Dawn Brigade
 * accepted as the new group `crimson-dawn` ("Crimson Dawn", also "CDB", ethno-nationalist), the
 * Silver Lotus Front another name of the Taliban, the Night Owl Movement not an actor.
 */
export const USUAL_DECISIONS: CandidateDecisionCase[] = [
  [
    'Crimson Dawn Brigade',
    {
      decision: 'accepted',
      entityId: 'crimson-dawn',
      name: 'Crimson Dawn',
      aliases: ['CDB'],
      ideology: 'ethno-nationalist',
    },
  ],
  ['Silver Lotus Front', { decision: 'alias', entityId: 'taliban' }],
  ['Night Owl Movement', { decision: 'rejected', reason: 'a news desk nickname' }],
];

/**
 * An in-memory store of the `candidateReports`, resolved, then with `decisions` made by the
 * analyst `ana` on 2026-12-07 (each followed by resolution, as the CLI and API do).
 */
export async function decidedCandidatesStore(
  decisions: CandidateDecisionCase[] = USUAL_DECISIONS,
): Promise<Store> {
  const store = SqliteStore.open(':memory:');
  await store.putDocuments(candidateReports());
  const config = await loadAlertConfig();
  const resolve = () => resolveStore(store, resources(), config, { now: '2026-12-07T00:00:00Z' });
  await resolve();
  for (const [name, input] of decisions)
    await decideCandidate(
      store,
      resources().kb,
      name,
      input,
      { author: 'ana', at: '2026-12-07T10:00:00.000Z' },
      resolve,
    );
  return store;
}

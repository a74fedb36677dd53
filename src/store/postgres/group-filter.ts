import type pg from 'pg';
import { nameKeysOf } from '../decided-names.js';
import { FULL_CLEARANCE, type SearchQuery } from '../store.js';
import { candidateDecisionsUpTo } from './postgres-resolution.js';

/**
 * The name keys the group filter of a search also finds documents by: the names that the
 * candidate decisions a reader of `q.clearance` may see resolve to `q.group` (`nameKeysOf`).
 */
export async function groupNameKeys(pool: pg.Pool, q: SearchQuery): Promise<string[]> {
  if (!q.group) return [];
  // All of them, in the order resolution reads them (a rejection of one of the names counts).
  return nameKeysOf(await candidateDecisionsUpTo(pool, q.clearance ?? FULL_CLEARANCE), q.group);
}

/**
 * The search condition (over `documents d`) of the group filter, given placeholders for the group
 * id and for the name keys of {@link groupNameKeys} (undefined when there are none).
 *
 * Knowledge-base entities are indexed at ingest (document_entities). Names analysts decided about
 * are resolved here, at query time, from the decisions as they are now: the index holds only what
 * each document names (document_actor_names), never a decision, so storing, replacing or undoing a
 * decision needs no index update and cannot leave one stale.
 */
export function groupCondition(group: string, names: string | undefined): string {
  const named = `EXISTS (SELECT 1 FROM document_entities e WHERE e.doc_id = d.id AND e.entity_id = ${group})`;
  if (names === undefined) return named;
  return `(${named} OR EXISTS (SELECT 1 FROM document_actor_names n WHERE n.doc_id = d.id AND n.name_key = ANY(${names}::text[])))`;
}

import type Database from 'better-sqlite3';
import { unknownActorKeys } from '../../decided-names.js';
import type { Extraction } from '../../../pipeline/extraction.js';

/**
 * Migration 007: the names of the actors each document names without a knowledge-base id, by
 * name key (`unknownActorKeys`), written with its extraction like `document_entities`. The search
 * filter by group joins them with the candidate decisions at query time, so that a name accepted
 * as an entity, or made an alias of a knowledge-base entity, finds its documents by that entity's
 * id. Never edit once landed.
 */
export const sql = `
CREATE TABLE document_actor_names (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name_key TEXT NOT NULL,
  PRIMARY KEY (doc_id, name_key)
);
CREATE INDEX document_actor_names_key ON document_actor_names (name_key);
`;

/** Documents read at a time by {@link backfill}. */
const PAGE = 500;

/**
 * Fill `document_actor_names` for the documents stored before migration 007 (name keys are made
 * in JavaScript, as at ingest). Runs in the migration's transaction. Only extractions holding an
 * actor without an id (`"id":null` in their JSON) are parsed.
 */
export function backfill(db: Database.Database): void {
  const page = db.prepare(
    `SELECT rowid, id, extraction FROM documents
     WHERE rowid > ? AND instr(extraction, '"id":null') > 0 ORDER BY rowid LIMIT ?`,
  );
  const insert = db.prepare('INSERT OR IGNORE INTO document_actor_names (doc_id, name_key) VALUES (?, ?)');
  for (let after = 0; ;) {
    const rows = page.all(after, PAGE) as { rowid: number; id: string; extraction: string }[];
    for (const r of rows)
      for (const key of unknownActorKeys(JSON.parse(r.extraction) as Extraction)) insert.run(r.id, key);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.rowid;
  }
}

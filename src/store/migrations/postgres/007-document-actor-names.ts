import type pg from 'pg';
import type { Extraction } from '../../../pipeline/extraction.js';
import { unknownActorKeys } from '../../decided-names.js';
import { pgJson } from '../../postgres/pg-values.js';

/**
 * Migration 007 (PostgreSQL): the table of SQLite's migration 007 — the names of the actors each
 * document names without a knowledge-base id, by name key, which the search filter by group joins
 * with the candidate decisions at query time. Never edit once landed.
 */
export const sql = `
CREATE TABLE document_actor_names (
  doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name_key text COLLATE "C" NOT NULL,
  PRIMARY KEY (doc_id, name_key)
);
CREATE INDEX document_actor_names_key ON document_actor_names (name_key);
`;

/** Documents read at a time by {@link backfill}. */
const PAGE = 500;

/**
 * Fill `document_actor_names` for the documents stored before migration 007 (name keys are made
 * in JavaScript, as at ingest), in the migration's transaction. Only extractions holding an actor
 * without an id are read.
 */
export async function backfill(c: pg.PoolClient): Promise<void> {
  for (let after = '0'; ;) {
    const r = await c.query<{ seq: string; id: string; extraction: Extraction }>(
      `SELECT seq, id, extraction FROM documents
       WHERE seq > $1::bigint AND jsonb_path_exists(extraction, '$.** ? (@.id == null)')
       ORDER BY seq LIMIT $2`,
      [after, PAGE],
    );
    const rows = r.rows.flatMap((d) =>
      unknownActorKeys(d.extraction).map((key) => ({ doc_id: d.id, name_key: key })),
    );
    if (rows.length > 0)
      await c.query(
        `INSERT INTO document_actor_names (doc_id, name_key)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(doc_id text, name_key text)
         ON CONFLICT DO NOTHING`,
        [pgJson(rows)],
      );
    if (r.rows.length < PAGE) return;
    after = r.rows[r.rows.length - 1]!.seq; // bigint, as text
  }
}

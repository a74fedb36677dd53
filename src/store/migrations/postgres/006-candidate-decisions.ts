/**
 * Migration 006 (PostgreSQL): the table of SQLite's migration 006 — analysts' decisions about
 * candidate entities, one per candidate key, with the clearance needed to see it; an accepted
 * entity's id is unique. JSON as jsonb. Never edit once landed.
 */
export const sql = `
CREATE TABLE candidate_decisions (
  key text COLLATE "C" PRIMARY KEY,
  decision text NOT NULL CHECK (decision IN ('accepted', 'alias', 'rejected')),
  entity_id text COLLATE "C",
  level integer NOT NULL CHECK (level BETWEEN 0 AND 4),
  created_at text COLLATE "C" NOT NULL,
  data jsonb NOT NULL
);
CREATE UNIQUE INDEX candidate_decisions_accepted ON candidate_decisions (entity_id) WHERE decision = 'accepted';
`;

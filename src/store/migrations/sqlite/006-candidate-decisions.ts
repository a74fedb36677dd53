/**
 * Migration 006: analysts' decisions about candidate entities — accepted as a new entity, an
 * alias of a knowledge-base entity, or rejected — one per candidate key (a new decision replaces
 * the old one; the audit log keeps the history), with the clearance needed to see it. An accepted
 * entity's id is unique. Never edit once landed.
 */
export const sql = `
CREATE TABLE candidate_decisions (
  key TEXT PRIMARY KEY,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'alias', 'rejected')),
  entity_id TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  created_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE UNIQUE INDEX candidate_decisions_accepted ON candidate_decisions (entity_id) WHERE decision = 'accepted';
`;

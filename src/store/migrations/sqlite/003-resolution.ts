/**
 * Migration 003: cross-document resolution — incidents and statements per clearance level with
 * their member mentions, links, candidate entities, analysts' merge/split decisions — and the
 * columns alerts need (evidence, clearance, acknowledgement) with their webhook deliveries.
 */
export const sql = `
CREATE TABLE resolved_incidents (
  id TEXT NOT NULL,
  min_level INTEGER NOT NULL,
  max_level INTEGER NOT NULL,
  type TEXT NOT NULL,
  date_value TEXT,
  country_code TEXT,
  city TEXT,
  killed INTEGER,
  wounded INTEGER,
  role TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  confidence REAL NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (id, min_level)
);
CREATE INDEX resolved_incidents_date ON resolved_incidents (date_value);
CREATE INDEX resolved_incidents_country ON resolved_incidents (country_code);
CREATE TABLE resolved_incident_actors (
  incident_id TEXT NOT NULL,
  min_level INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (incident_id, min_level, entity_id)
);
CREATE INDEX resolved_incident_actors_entity ON resolved_incident_actors (entity_id);
CREATE TABLE incident_members (
  mention_id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  doc_id TEXT NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id);
CREATE INDEX incident_members_doc ON incident_members (doc_id);

CREATE TABLE resolved_statements (
  id TEXT NOT NULL,
  min_level INTEGER NOT NULL,
  max_level INTEGER NOT NULL,
  type TEXT NOT NULL,
  date_value TEXT,
  mention_count INTEGER NOT NULL,
  confidence REAL NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (id, min_level)
);
CREATE TABLE resolved_statement_refs (
  statement_id TEXT NOT NULL,
  min_level INTEGER NOT NULL,
  ref_kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  PRIMARY KEY (statement_id, min_level, ref_kind, ref_id)
);
CREATE INDEX resolved_statement_refs_ref ON resolved_statement_refs (ref_id);
CREATE TABLE statement_members (
  mention_id TEXT PRIMARY KEY,
  statement_id TEXT NOT NULL,
  doc_id TEXT NOT NULL
);
CREATE INDEX statement_members_statement ON statement_members (statement_id);

CREATE TABLE resolved_links (
  rowid INTEGER PRIMARY KEY,
  from_id TEXT NOT NULL,
  to_id TEXT,
  to_text TEXT,
  kind TEXT NOT NULL,
  min_level INTEGER NOT NULL,
  max_level INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE candidate_entities (
  key TEXT NOT NULL,
  min_level INTEGER NOT NULL,
  max_level INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  documents INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (key, min_level)
);
CREATE TABLE resolution_decisions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  mention_a TEXT NOT NULL,
  mention_b TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
);

ALTER TABLE alerts ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';
ALTER TABLE alerts ADD COLUMN min_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN event_date TEXT;
ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT;
ALTER TABLE alerts ADD COLUMN acknowledged_at TEXT;
CREATE TABLE alert_deliveries (
  alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (alert_id, target)
);
`;

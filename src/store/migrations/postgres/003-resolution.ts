/**
 * Migration 003 (PostgreSQL): the tables of SQLite's migration 003 — cross-document resolution
 * (incidents and statements per clearance level with their member mentions, links, candidate
 * entities, analysts' merge/split decisions) and the columns alerts need (evidence, clearance,
 * acknowledgement) with their webhook deliveries. JSON as jsonb. Never edit once landed.
 */
export const sql = `
CREATE TABLE resolved_incidents (
  id text COLLATE "C" NOT NULL,
  min_level integer NOT NULL,
  max_level integer NOT NULL,
  type text NOT NULL,
  date_value text COLLATE "C",
  country_code text,
  city text,
  killed integer,
  wounded integer,
  role text NOT NULL,
  mention_count integer NOT NULL,
  confidence double precision NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (id, min_level)
);
CREATE INDEX resolved_incidents_date ON resolved_incidents (date_value);
CREATE INDEX resolved_incidents_country ON resolved_incidents (country_code);
CREATE TABLE resolved_incident_actors (
  incident_id text COLLATE "C" NOT NULL,
  min_level integer NOT NULL,
  entity_id text NOT NULL,
  PRIMARY KEY (incident_id, min_level, entity_id)
);
CREATE INDEX resolved_incident_actors_entity ON resolved_incident_actors (entity_id);
CREATE TABLE incident_members (
  mention_id text COLLATE "C" PRIMARY KEY,
  incident_id text COLLATE "C" NOT NULL,
  doc_id text COLLATE "C" NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id);
CREATE INDEX incident_members_doc ON incident_members (doc_id);

CREATE TABLE resolved_statements (
  id text COLLATE "C" NOT NULL,
  min_level integer NOT NULL,
  max_level integer NOT NULL,
  type text NOT NULL,
  date_value text COLLATE "C",
  mention_count integer NOT NULL,
  confidence double precision NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (id, min_level)
);
CREATE TABLE resolved_statement_refs (
  statement_id text COLLATE "C" NOT NULL,
  min_level integer NOT NULL,
  ref_kind text NOT NULL,
  ref_id text NOT NULL,
  PRIMARY KEY (statement_id, min_level, ref_kind, ref_id)
);
CREATE INDEX resolved_statement_refs_ref ON resolved_statement_refs (ref_id);
CREATE TABLE statement_members (
  mention_id text COLLATE "C" PRIMARY KEY,
  statement_id text COLLATE "C" NOT NULL,
  doc_id text COLLATE "C" NOT NULL
);
CREATE INDEX statement_members_statement ON statement_members (statement_id);

CREATE TABLE resolved_links (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_id text NOT NULL,
  to_id text,
  to_text text,
  kind text NOT NULL,
  min_level integer NOT NULL,
  max_level integer NOT NULL,
  data jsonb NOT NULL
);
CREATE TABLE candidate_entities (
  key text COLLATE "C" NOT NULL,
  min_level integer NOT NULL,
  max_level integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  documents integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (key, min_level)
);
CREATE TABLE resolution_decisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('merge', 'split')),
  mention_a text NOT NULL,
  mention_b text NOT NULL,
  author text NOT NULL,
  created_at text NOT NULL
);

ALTER TABLE alerts ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]';
ALTER TABLE alerts ADD COLUMN min_level integer NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN event_date text;
ALTER TABLE alerts ADD COLUMN acknowledged_by text;
ALTER TABLE alerts ADD COLUMN acknowledged_at text;
CREATE TABLE alert_deliveries (
  alert_id bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  target text COLLATE "C" NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL,
  last_error text,
  updated_at text NOT NULL,
  PRIMARY KEY (alert_id, target)
);
`;

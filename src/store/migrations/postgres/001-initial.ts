/**
 * Migration 001 (PostgreSQL): the tables of SQLite's migration 001 — documents with full-text
 * search, extractions, entities, reviews, alerts, messages — with JSON as jsonb and a tsvector over
 * title and text (GIN index). The text search configuration `vigil_fts` is PostgreSQL's `simple`
 * (no stemming, no stop words, like SQLite's unicode61) with accents folded by `unaccent` when
 * the extension can be had, as SQLite's `remove_diacritics 2` does. The first 200,000 characters
 * of a text are indexed (a tsvector is limited to 1 MB). Never edit once landed.
 */
export const sql = `
DO $$
DECLARE
  unaccent_schema name;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'unaccent is not available (%): search will not fold accents', SQLERRM;
  END;
  CREATE TEXT SEARCH CONFIGURATION vigil_fts (COPY = pg_catalog.simple);
  SELECT n.nspname INTO unaccent_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
  IF unaccent_schema IS NOT NULL THEN
    EXECUTE format(
      'ALTER TEXT SEARCH CONFIGURATION vigil_fts ALTER MAPPING FOR hword, hword_part, word WITH %I.unaccent, simple',
      unaccent_schema);
  END IF;
END
$$;

CREATE TABLE documents (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  content_hash text COLLATE "C" NOT NULL UNIQUE,
  source_kind text NOT NULL,
  source jsonb NOT NULL,
  url text,
  title text,
  published_at text COLLATE "C",
  byline text,
  language text,
  text text NOT NULL,
  marking text NOT NULL,
  meta jsonb,
  retrieved_at text NOT NULL,
  pipeline_version text NOT NULL,
  extraction jsonb NOT NULL,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('vigil_fts', left(coalesce(title, ''), 10000)), 'A') ||
    setweight(to_tsvector('vigil_fts', left(text, 200000)), 'B')
  ) STORED
);
-- Ranking reads the tsvector of every match: kept compressed in the row rather than in the
-- TOAST table, it is read several times faster.
ALTER TABLE documents ALTER COLUMN search SET STORAGE MAIN;
CREATE INDEX documents_published ON documents (published_at);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE incidents (
  id text COLLATE "C" PRIMARY KEY,
  doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  role text NOT NULL,
  type text NOT NULL,
  date_value text,
  country_code text,
  city text,
  killed integer,
  wounded integer,
  confidence double precision NOT NULL
);
CREATE INDEX incidents_doc ON incidents (doc_id);
CREATE INDEX incidents_country ON incidents (country_code);
CREATE INDEX incidents_type ON incidents (type);

CREATE TABLE statements (
  id text COLLATE "C" PRIMARY KEY,
  doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  type text NOT NULL,
  speaker_id text,
  organization_id text,
  date_value text,
  confidence double precision NOT NULL
);
CREATE INDEX statements_doc ON statements (doc_id);

CREATE TABLE links (
  doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  from_id text NOT NULL,
  to_id text,
  to_text text,
  kind text NOT NULL
);
CREATE INDEX links_doc ON links (doc_id);

CREATE TABLE document_entities (
  doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id text NOT NULL,
  kind text NOT NULL,
  mentions integer NOT NULL,
  PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX document_entities_entity ON document_entities (entity_id);

CREATE TABLE reviews (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_id text COLLATE "C" NOT NULL,
  field text NOT NULL,
  action text NOT NULL CHECK (action IN ('confirm', 'correct', 'reject')),
  value jsonb,
  author text NOT NULL,
  created_at text NOT NULL
);
CREATE INDEX reviews_subject ON reviews (subject_id);

CREATE TABLE alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule text NOT NULL,
  severity text NOT NULL,
  subject_key text NOT NULL UNIQUE,
  subjects jsonb NOT NULL,
  explanation text NOT NULL,
  created_at text NOT NULL,
  acknowledged boolean NOT NULL DEFAULT false
);

CREATE TABLE messages (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_id text COLLATE "C" REFERENCES documents (id) ON DELETE CASCADE,
  source text,
  rule_id text NOT NULL,
  reason text NOT NULL,
  severity text NOT NULL,
  created_at text NOT NULL
);
`;

/** Migration 001: documents with full-text search, extractions, entities, reviews, alerts. Never edit once landed. */
export const sql = `
CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  source_kind TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published_at TEXT,
  byline TEXT,
  language TEXT,
  text TEXT NOT NULL,
  marking TEXT NOT NULL,
  meta TEXT,
  retrieved_at TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  extraction TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published_at);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  type TEXT NOT NULL,
  date_value TEXT,
  country_code TEXT,
  city TEXT,
  killed INTEGER,
  wounded INTEGER,
  confidence REAL NOT NULL
);
CREATE INDEX incidents_doc ON incidents (doc_id);
CREATE INDEX incidents_country ON incidents (country_code);
CREATE INDEX incidents_type ON incidents (type);

CREATE TABLE statements (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  speaker_id TEXT,
  organization_id TEXT,
  date_value TEXT,
  confidence REAL NOT NULL
);
CREATE INDEX statements_doc ON statements (doc_id);

CREATE TABLE links (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  from_id TEXT NOT NULL,
  to_id TEXT,
  to_text TEXT,
  kind TEXT NOT NULL
);
CREATE INDEX links_doc ON links (doc_id);

CREATE TABLE document_entities (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX document_entities_entity ON document_entities (entity_id);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  subject_id TEXT NOT NULL,
  field TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('confirm', 'correct', 'reject')),
  value TEXT,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reviews_subject ON reviews (subject_id);

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  subject_key TEXT NOT NULL UNIQUE,
  subjects TEXT NOT NULL,
  explanation TEXT NOT NULL,
  created_at TEXT NOT NULL,
  acknowledged INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE messages (
  doc_id TEXT REFERENCES documents (id) ON DELETE CASCADE,
  source TEXT,
  rule_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  severity TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;

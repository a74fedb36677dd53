/** Migration 002: feeds to poll, with their conditional-GET validators and the entries already read. */
export const sql = `
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  marking TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  added_at TEXT NOT NULL,
  polled_at TEXT,
  last_error TEXT,
  documents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE feed_items (
  feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
);
`;

/** Migration 002 (PostgreSQL): feeds to poll, with their conditional-GET validators and the entries already read. */
export const sql = `
CREATE TABLE feeds (
  url text COLLATE "C" PRIMARY KEY,
  marking text NOT NULL,
  etag text,
  last_modified text,
  added_at text NOT NULL,
  polled_at text,
  last_error text,
  documents integer NOT NULL DEFAULT 0
);
CREATE TABLE feed_items (
  feed_url text COLLATE "C" NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
  item_key text NOT NULL,
  PRIMARY KEY (feed_url, item_key)
);
`;

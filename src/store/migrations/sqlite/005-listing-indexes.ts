/**
 * Migration 005: indexes that keep the web app's pages fast on 100,000 documents and more
 * (bench/web-pages.js). The documents table holds each document's text and extraction, and a
 * resolved incident's row its whole JSON with evidence, so a query that reads rows one by one to
 * check a marking or a clearance level scans gigabytes or tens of megabytes; these small
 * indexes answer from the index alone, in the order the lists are shown:
 * - `documents_listing`: the documents list (dated first, newest first) with the marking beside
 *   it, so that a page of the list and the count of visible documents read the index only;
 * - `documents_id_marking`: the marking of a document found by id (the counts of `vigil stats`
 *   and `GET /api/stats` join mentions to their documents);
 * - `resolved_incidents_listing`: the incidents list (dated first, newest first, most reported
 *   first) with the levels and role it is filtered by, and its count;
 * - `resolved_incidents_day` replaces `resolved_incidents_date` with the levels and role beside
 *   the date, for date ranges and the dashboard's incidents per week.
 * Never edit once landed.
 */
export const sql = `
CREATE INDEX documents_listing ON documents ((published_at IS NULL), published_at DESC, marking);
CREATE INDEX documents_id_marking ON documents (id, marking);
CREATE INDEX resolved_incidents_listing ON resolved_incidents
  ((date_value IS NULL), date_value DESC, mention_count DESC, id, min_level, max_level, role);
DROP INDEX resolved_incidents_date;
CREATE INDEX resolved_incidents_day ON resolved_incidents (date_value, min_level, max_level, role);
`;

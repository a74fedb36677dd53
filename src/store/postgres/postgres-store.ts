import type pg from 'pg';
import type { Tlp } from '../../ingest/source-document.js';
import { countValue, type Extraction } from '../../pipeline/extraction.js';
import { markingsUpTo } from '../../pipeline/clearance-views.js';
import { applyReviews } from '../apply-reviews.js';
import { unknownActorKeys } from '../decided-names.js';
import { POSTGRES_BACKFILLS, POSTGRES_MIGRATIONS } from '../migrations/postgres/index.js';
import { ftsWords } from '../search-words.js';
import type { CandidateDecision } from '../../pipeline/candidate-decisions.js';
import type {
  CandidateEntity,
  ExtractionRecord,
  ResolutionDecision,
  ResolvedIncident,
  ResolvedLink,
  ResolvedStatement,
} from '../../pipeline/resolution.js';
import type { ResolutionViews } from '../../pipeline/resolve.js';
import type {
  Alert,
  AlertDelivery,
  AlertQuery,
  DocumentWrite,
  IncidentQuery,
  StatementQuery,
  StoredAlert,
  Feed,
  FeedPoll,
  Review,
  SearchHit,
  SearchQuery,
  Store,
  StoredDocument,
  StoredMessage,
  StoreStats,
  WriteResult,
} from '../store.js';
import { connectPool, inTransaction } from './connection.js';
import { pgConnectionString } from './postgres-url.js';
import { FULL_CLEARANCE } from '../store.js';
import { groupCondition, groupNameKeys } from './group-filter.js';
import { PostgresResolution } from './postgres-resolution.js';
import { pgJson, pgText, pgTextOrNull } from './pg-values.js';

interface DocumentRow {
  id: string;
  content_hash: string;
  source: StoredDocument['source'];
  title: string | null;
  published_at: string | null;
  byline: string | null;
  language: string | null;
  text: string;
  marking: string;
  meta: Record<string, unknown> | null;
  retrieved_at: string;
}

interface ExtractionRow {
  id: string;
  title: string | null;
  published_at: string | null;
  url: string | null;
  marking: string;
  extraction: Extraction;
}

const DOCUMENT_COLUMNS =
  'id, content_hash, source, title, published_at, byline, language, text, marking, meta, retrieved_at';

/** Search words beyond this many are ignored (each is a phrase in the query). */
const MAX_SEARCH_WORDS = 32;

/** Migrations of every schema of a database take this lock in turn (extensions are per database). */
const MIGRATION_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('vigil:schema_migrations', 0))";

/**
 * The team store: PostgreSQL through a connection pool, with the same schema and behaviour as the
 * SQLite store (DESIGN.md "Storage and scale"): JSON as jsonb, full-text search with a tsvector
 * column and a GIN index, ranked by `ts_rank`, snippets by `ts_headline`. Tables live in the
 * connection's current schema (set `search_path` with `?options=-c%20search_path%3Dname`).
 * Documents are deduplicated by content hash even when several processes write the same content
 * at once. Text cannot hold U+0000 in PostgreSQL: it is stored as U+FFFD (see `pgText`).
 */
export class PostgresStore implements Store {
  private readonly resolution: PostgresResolution;

  private constructor(
    private readonly pool: pg.Pool,
    /** The connection string with its user filled in (for pg-boss, on the same database). */
    readonly connectionString: string,
    /** The schema the tables are in. */
    readonly schema: string,
  ) {
    this.resolution = new PostgresResolution(pool);
  }

  /**
   * Connect to the database at `url` and create or migrate its schema. Several processes may
   * open the same database at once: migrations run one at a time under an advisory lock.
   */
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const pool = await connectPool(url, options.poolSize);
    try {
      const schema = await migrate(pool);
      return new PostgresStore(pool, pgConnectionString(url), schema);
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  async putDocuments(writes: DocumentWrite[]): Promise<WriteResult[]> {
    if (writes.length === 0) return [];
    const hashes = writes.map((w) => w.document.contentHash);
    // One transaction for the batch: every document in it is written whole or not at all.
    return inTransaction(this.pool, async (c) => {
      // Batches that share content lock it in one order, so that concurrent writers wait for each
      // other instead of deadlocking; the loser of a race then finds the content stored.
      await c.query(
        'SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtextextended(h, 0) AS k FROM unnest($1::text[]) AS h ORDER BY k) AS keys',
        [hashes],
      );
      const rows = writes.map((w, ord) => {
        const d = w.document;
        return {
          ord,
          id: d.id,
          content_hash: d.contentHash,
          source_kind: d.source.kind,
          source: d.source,
          url: d.source.url ?? null,
          title: d.title ?? null,
          published_at: d.publishedAt ?? null,
          byline: d.byline ?? null,
          language: d.language ?? null,
          text: d.text,
          marking: d.marking,
          meta: d.meta ?? null,
          retrieved_at: d.retrievedAt,
          pipeline_version: w.pipelineVersion,
          extraction: w.extraction,
        };
      });
      const inserted = await c.query<{ id: string; content_hash: string }>(
        `INSERT INTO documents (id, content_hash, source_kind, source, url, title, published_at, byline, language, text, marking, meta, retrieved_at, pipeline_version, extraction)
         SELECT id, content_hash, source_kind, source, url, title, published_at, byline, language, text, marking, meta, retrieved_at, pipeline_version, extraction
         FROM jsonb_to_recordset($1::jsonb) AS d(ord integer, id text, content_hash text, source_kind text, source jsonb, url text, title text, published_at text, byline text, language text, text text, marking text, meta jsonb, retrieved_at text, pipeline_version text, extraction jsonb)
         ORDER BY ord
         ON CONFLICT DO NOTHING
         RETURNING id, content_hash`,
        [pgJson(rows)],
      );
      const created = new Map(inserted.rows.map((r) => [r.content_hash, r.id]));
      const others = hashes.filter((h) => !created.has(h));
      const existing = new Map<string, string>();
      if (others.length > 0) {
        const found = await c.query<{ id: string; content_hash: string }>(
          'SELECT id, content_hash FROM documents WHERE content_hash = ANY($1::text[])',
          [others],
        );
        for (const r of found.rows) existing.set(r.content_hash, r.id);
      }
      const claimed = new Set<string>();
      const results: WriteResult[] = [];
      const projections: Projections = emptyProjections();
      for (const w of writes) {
        const hash = w.document.contentHash;
        const id = created.get(hash);
        if (id !== undefined && !claimed.has(hash)) {
          claimed.add(hash);
          results.push({ id, created: true });
          addProjections(projections, id, w.extraction);
        } else results.push({ id: id ?? existing.get(hash)!, created: false });
      }
      await insertProjections(c, projections);
      return results;
    });
  }

  async hasContent(contentHash: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM documents WHERE content_hash = $1', [contentHash]);
    return r.rowCount !== null && r.rowCount > 0;
  }

  async getDocument(id: string, clearance?: number): Promise<StoredDocument | undefined> {
    const r = await this.pool.query<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1 AND marking = ANY($2::text[])`,
      [id, markingsUpTo(clearance)],
    );
    return r.rows[0] ? toDocument(r.rows[0]) : undefined;
  }

  async getExtraction(id: string, clearance?: number): Promise<Extraction | undefined> {
    const r = await this.pool.query<{ extraction: Extraction }>(
      'SELECT extraction FROM documents WHERE id = $1 AND marking = ANY($2::text[])',
      [id, markingsUpTo(clearance)],
    );
    const extraction = r.rows[0]?.extraction;
    if (!extraction) return undefined;
    const ids = [...extraction.incidents.map((i) => i.id), ...extraction.statements.map((s) => s.id)];
    return applyReviews(extraction, await this.reviewsOf(ids));
  }

  async listDocuments(after: string | undefined, limit: number): Promise<StoredDocument[]> {
    const r =
      after === undefined
        ? await this.pool.query<DocumentRow>(
            `SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY seq LIMIT $1`,
            [limit],
          )
        : await this.pool.query<DocumentRow>(
            `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE seq > (SELECT seq FROM documents WHERE id = $1) ORDER BY seq LIMIT $2`,
            [after, limit],
          );
    return r.rows.map(toDocument);
  }

  async replaceExtraction(id: string, extraction: Extraction, pipelineVersion: string): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      const changed = await c.query(
        'UPDATE documents SET extraction = $1::jsonb, pipeline_version = $2 WHERE id = $3',
        [pgJson(extraction), pipelineVersion, id],
      );
      if (changed.rowCount === 0) return;
      for (const table of ['incidents', 'statements', 'links', 'document_entities', 'document_actor_names'])
        await c.query(`DELETE FROM ${table} WHERE doc_id = $1`, [id]);
      const projections = emptyProjections();
      addProjections(projections, id, extraction);
      await insertProjections(c, projections);
    });
  }

  async addReview(review: Review): Promise<void> {
    await this.pool.query(
      'INSERT INTO reviews (subject_id, field, action, value, author, created_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)',
      [
        review.subjectId,
        review.field,
        review.action,
        review.value === undefined ? null : pgJson(review.value),
        review.author,
        review.createdAt,
      ],
    );
  }

  async search(q: SearchQuery): Promise<SearchHit[]> {
    const words = ftsWords(q.text).slice(0, MAX_SEARCH_WORDS);
    if (words.length === 0) return [];
    const groupNames = await groupNameKeys(this.pool, q);
    const params: unknown[] = [];
    const param = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    // Each word is a phrase (as SQLite's quoted FTS5 words), all required; no operator can be injected.
    const query = words.map((w) => `phraseto_tsquery('vigil_fts', ${param(pgText(w))})`).join(' && ');
    const where: string[] = [
      'd.search @@ q.query',
      `d.marking = ANY(${param(markingsUpTo(q.clearance))}::text[])`,
    ];
    if (q.from) where.push(`d.published_at >= ${param(q.from)}`);
    if (q.to) where.push(`d.published_at <= ${param(q.to)} || 'T99'`);
    if (q.country)
      where.push(
        `EXISTS (SELECT 1 FROM incidents i WHERE i.doc_id = d.id AND i.country_code = ${param(q.country.toUpperCase())})`,
      );
    if (q.type)
      where.push(`EXISTS (SELECT 1 FROM incidents i WHERE i.doc_id = d.id AND i.type = ${param(q.type)})`);
    if (q.group)
      where.push(
        groupCondition(param(q.group), groupNames.length > 0 ? param(groupNames.map(pgText)) : undefined),
      );
    const limit = param(q.limit ?? 20);
    const offset = param(q.offset ?? 0);
    // Rank every match, then build snippets for the page only (ts_headline parses the text again).
    // The snippet is marked with control characters first, to find it in the text and tell
    // whether words were cut before or after it (shown as "…", like SQLite's snippet()).
    const r = await this.pool.query<{
      id: string;
      title: string | null;
      published_at: string | null;
      url: string | null;
      score: number;
      headline: string;
      cut_before: boolean | null;
      cut_after: boolean | null;
    }>(
      `WITH q AS (SELECT ${query} AS query),
       hits AS (
         SELECT d.seq, ts_rank(d.search, q.query) AS score
         FROM documents d, q
         WHERE ${where.join(' AND ')}
         ORDER BY score DESC, d.seq
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT d.id, d.title, d.published_at, d.url, h.score, s.headline,
              substr(s.body, 1, s.at - 1) ~ '[[:alnum:]]' AS cut_before,
              substr(s.body, s.at + length(s.plain)) ~ '[[:alnum:]]' AS cut_after
       FROM hits h
       JOIN documents d ON d.seq = h.seq
       CROSS JOIN q
       CROSS JOIN LATERAL (
         SELECT ts_headline('vigil_fts', left(d.text, 200000), q.query,
                  E'StartSel=\\x01, StopSel=\\x02, MaxWords=16, MinWords=12, ShortWord=0, MaxFragments=1') AS headline,
                left(d.text, 200000) AS body
       ) hl
       CROSS JOIN LATERAL (
         SELECT hl.headline, hl.body, translate(hl.headline, E'\\x01\\x02', '') AS plain,
                nullif(strpos(hl.body, translate(hl.headline, E'\\x01\\x02', '')), 0) AS at
       ) s
       ORDER BY h.score DESC, d.seq`,
      params,
    );
    return r.rows.map((row) => {
      const marked = row.headline.replaceAll('\u0001', '[').replaceAll('\u0002', ']');
      const hit: SearchHit = {
        id: row.id,
        snippet: `${row.cut_before ? '…' : ''}${marked}${row.cut_after ? '…' : ''}`,
        score: row.score,
      };
      if (row.title) hit.title = row.title;
      if (row.published_at) hit.publishedAt = row.published_at;
      if (row.url) hit.url = row.url;
      return hit;
    });
  }

  async addMessages(messages: StoredMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.pool.query(
      `INSERT INTO messages (source, rule_id, reason, severity, created_at)
       SELECT source, rule_id, reason, severity, created_at
       FROM jsonb_to_recordset($1::jsonb) AS m(ord integer, source text, rule_id text, reason text, severity text, created_at text)
       ORDER BY ord`,
      [
        pgJson(
          messages.map((m, ord) => ({
            ord,
            source: m.source,
            rule_id: m.ruleId,
            reason: m.reason,
            severity: m.severity,
            created_at: m.createdAt,
          })),
        ),
      ],
    );
  }

  async listMessages(limit: number): Promise<StoredMessage[]> {
    const r = await this.pool.query<{
      source: string;
      rule_id: string;
      reason: string;
      severity: StoredMessage['severity'];
      created_at: string;
    }>('SELECT source, rule_id, reason, severity, created_at FROM messages ORDER BY seq DESC LIMIT $1', [
      limit,
    ]);
    return r.rows.map((m) => ({
      source: m.source,
      ruleId: m.rule_id,
      reason: m.reason,
      severity: m.severity,
      createdAt: m.created_at,
    }));
  }

  async addFeed(url: string, marking: Tlp, addedAt: string): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO feeds (url, marking, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [pgText(url), marking, addedAt],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async listFeeds(): Promise<Feed[]> {
    const r = await this.pool.query<{
      url: string;
      marking: string;
      etag: string | null;
      last_modified: string | null;
      added_at: string;
      polled_at: string | null;
      last_error: string | null;
      documents: number;
    }>('SELECT * FROM feeds ORDER BY added_at, url');
    return r.rows.map((row) => {
      const f: Feed = {
        url: row.url,
        marking: row.marking as Tlp,
        addedAt: row.added_at,
        documents: row.documents,
      };
      if (row.etag !== null) f.etag = row.etag;
      if (row.last_modified !== null) f.lastModified = row.last_modified;
      if (row.polled_at !== null) f.polledAt = row.polled_at;
      if (row.last_error !== null) f.lastError = row.last_error;
      return f;
    });
  }

  async feedItemKeys(url: string): Promise<Set<string>> {
    const r = await this.pool.query<{ item_key: string }>(
      'SELECT item_key FROM feed_items WHERE feed_url = $1',
      [pgText(url)],
    );
    return new Set(r.rows.map((row) => row.item_key));
  }

  async saveFeedPoll(url: string, poll: FeedPoll): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query(
        'UPDATE feeds SET etag = coalesce($1, etag), last_modified = coalesce($2, last_modified), polled_at = $3, last_error = $4, documents = documents + $5 WHERE url = $6',
        [
          pgTextOrNull(poll.etag),
          pgTextOrNull(poll.lastModified),
          poll.polledAt,
          pgTextOrNull(poll.error),
          poll.documents,
          pgText(url),
        ],
      );
      await c.query(
        'INSERT INTO feed_items (feed_url, item_key) SELECT $1, k FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING',
        [pgText(url), poll.newItemKeys.map(pgText)],
      );
    });
  }

  async stats(clearance?: number): Promise<StoreStats> {
    const visible = (table: string, column = 'count(*)'): string =>
      `(SELECT ${column} FROM ${table} t JOIN documents d ON d.id = t.doc_id WHERE d.marking = ANY($1::text[]))`;
    const r = await this.pool.query<Record<keyof StoreStats, string>>(
      `SELECT (SELECT count(*) FROM documents WHERE marking = ANY($1::text[])) AS documents,
              ${visible('incidents')} AS incidents,
              ${visible('statements')} AS statements,
              ${visible('links')} AS links,
              ${visible('document_entities', 'count(DISTINCT t.entity_id)')} AS entities,
              (SELECT count(*) FROM reviews) AS reviews,
              (SELECT count(*) FROM messages) AS messages,
              (SELECT count(DISTINCT id) FROM resolved_incidents WHERE $2 BETWEEN min_level AND max_level) AS "resolvedIncidents",
              (SELECT count(DISTINCT id) FROM resolved_statements WHERE $2 BETWEEN min_level AND max_level) AS "resolvedStatements",
              (SELECT count(*) FROM alerts WHERE min_level <= $2) AS alerts`,
      [markingsUpTo(clearance), clearance ?? FULL_CLEARANCE],
    );
    const row = r.rows[0]!;
    return {
      documents: Number(row.documents),
      incidents: Number(row.incidents),
      statements: Number(row.statements),
      links: Number(row.links),
      entities: Number(row.entities),
      reviews: Number(row.reviews),
      messages: Number(row.messages),
      resolvedIncidents: Number(row.resolvedIncidents),
      resolvedStatements: Number(row.resolvedStatements),
      alerts: Number(row.alerts),
    };
  }

  async listExtractionRecords(after: string | undefined, limit: number): Promise<ExtractionRecord[]> {
    const columns = 'id, title, published_at, url, marking, extraction';
    const r =
      after === undefined
        ? await this.pool.query<ExtractionRow>(`SELECT ${columns} FROM documents ORDER BY seq LIMIT $1`, [
            limit,
          ])
        : await this.pool.query<ExtractionRow>(
            `SELECT ${columns} FROM documents WHERE seq > (SELECT seq FROM documents WHERE id = $1) ORDER BY seq LIMIT $2`,
            [after, limit],
          );
    const reviewed = new Set(
      (await this.pool.query<{ subject_id: string }>('SELECT DISTINCT subject_id FROM reviews')).rows.map(
        (row) => row.subject_id,
      ),
    );
    const records: ExtractionRecord[] = [];
    for (const row of r.rows) {
      let extraction = row.extraction;
      const ids = [...extraction.incidents.map((i) => i.id), ...extraction.statements.map((s) => s.id)];
      if (ids.some((id) => reviewed.has(id)))
        extraction = applyReviews(extraction, await this.reviewsOf(ids));
      const record: ExtractionRecord = { docId: row.id, marking: row.marking as Tlp, extraction };
      if (row.title !== null) record.title = row.title;
      if (row.published_at !== null) record.publishedAt = row.published_at;
      if (row.url !== null) record.url = row.url;
      records.push(record);
    }
    return records;
  }

  async saveResolution(resolution: ResolutionViews): Promise<void> {
    await this.resolution.saveResolution(resolution);
  }

  async listIncidents(query: IncidentQuery): Promise<ResolvedIncident[]> {
    return this.resolution.listIncidents(query);
  }

  async getIncident(id: string, clearance?: number): Promise<ResolvedIncident | undefined> {
    return this.resolution.getIncident(id, clearance);
  }

  async incidentOfMention(mentionId: string): Promise<string | undefined> {
    return this.resolution.incidentOfMention(mentionId);
  }

  async listStatements(query: StatementQuery): Promise<ResolvedStatement[]> {
    return this.resolution.listStatements(query);
  }

  async getStatement(id: string, clearance?: number): Promise<ResolvedStatement | undefined> {
    return this.resolution.getStatement(id, clearance);
  }

  async listLinks(clearance?: number): Promise<ResolvedLink[]> {
    return this.resolution.listLinks(clearance);
  }

  async listCandidates(clearance?: number): Promise<CandidateEntity[]> {
    return this.resolution.listCandidates(clearance);
  }

  async listResolutionDecisions(): Promise<ResolutionDecision[]> {
    return this.resolution.listResolutionDecisions();
  }

  async addResolutionDecisions(decisions: ResolutionDecision[]): Promise<void> {
    await this.resolution.addResolutionDecisions(decisions);
  }

  async listCandidateDecisions(clearance?: number): Promise<CandidateDecision[]> {
    return this.resolution.listCandidateDecisions(clearance);
  }

  async saveCandidateDecision(decision: CandidateDecision): Promise<void> {
    await this.resolution.saveCandidateDecision(decision);
  }

  async deleteCandidateDecision(key: string): Promise<boolean> {
    return this.resolution.deleteCandidateDecision(key);
  }

  async addAlerts(alerts: Alert[]): Promise<StoredAlert[]> {
    return this.resolution.addAlerts(alerts);
  }

  async listAlerts(query: AlertQuery): Promise<StoredAlert[]> {
    return this.resolution.listAlerts(query);
  }

  async acknowledgeAlert(id: number, by: string, at: string): Promise<boolean> {
    return this.resolution.acknowledgeAlert(id, by, at);
  }

  async recordAlertDelivery(alertId: number, delivery: AlertDelivery): Promise<void> {
    await this.resolution.recordAlertDelivery(alertId, delivery);
  }

  /** Holds a session-level advisory lock, keyed by the schema, on one connection while `fn` runs. */
  async withResolveLock<T>(fn: () => Promise<T>): Promise<T> {
    const key = `vigil:resolve:${this.schema}`;
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      return await fn();
    } finally {
      // A connection that cannot unlock is dropped: ending its session releases the lock.
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((err: Error) => {
        broken = err;
      });
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async reviewsOf(subjectIds: string[]): Promise<Review[]> {
    if (subjectIds.length === 0) return [];
    const r = await this.pool.query<{
      subject_id: string;
      field: string;
      action: Review['action'];
      value: unknown;
      author: string;
      created_at: string;
    }>(
      'SELECT subject_id, field, action, value, author, created_at FROM reviews WHERE subject_id = ANY($1::text[]) ORDER BY id',
      [subjectIds],
    );
    return r.rows.map((row) => ({
      subjectId: row.subject_id,
      field: row.field,
      action: row.action,
      ...(row.value === null ? {} : { value: row.value }),
      author: row.author,
      createdAt: row.created_at,
    }));
  }
}

/**
 * Bring the current schema up to date, one migration after the other, each recorded in
 * `schema_migrations`; returns the schema's name. Runs in one transaction under an advisory lock,
 * so that processes starting together wait for each other and none applies a migration twice.
 */
async function migrate(pool: pg.Pool): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(MIGRATION_LOCK_SQL);
    const current = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    const schema = current.rows[0]?.schema;
    if (!schema)
      throw new Error('no schema to create the tables in: create the schema named in search_path first');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
    );
    const version = applied.rows[0]?.version ?? 0;
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new Error(
        `the database is at schema version ${version}, newer than this Vigil (${POSTGRES_MIGRATIONS.length}); upgrade Vigil`,
      );
    }
    for (let v = version; v < POSTGRES_MIGRATIONS.length; v++) {
      await client.query(POSTGRES_MIGRATIONS[v]!);
      await POSTGRES_BACKFILLS[v + 1]?.(client);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
    return schema;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

function toDocument(r: DocumentRow): StoredDocument {
  const d: StoredDocument = {
    id: r.id,
    contentHash: r.content_hash,
    source: r.source,
    text: r.text,
    marking: r.marking as Tlp,
    retrievedAt: r.retrieved_at,
  };
  if (r.title !== null) d.title = r.title;
  if (r.published_at !== null) d.publishedAt = r.published_at;
  if (r.byline !== null) d.byline = r.byline;
  if (r.language !== null) d.language = r.language;
  if (r.meta !== null) d.meta = r.meta;
  return d;
}

/** Rows of the tables derived from extractions (for the search filters and counts). */
interface Projections {
  incidents: Record<string, unknown>[];
  statements: Record<string, unknown>[];
  links: Record<string, unknown>[];
  entities: Record<string, unknown>[];
  actorNames: Record<string, unknown>[];
}

function emptyProjections(): Projections {
  return { incidents: [], statements: [], links: [], entities: [], actorNames: [] };
}

function addProjections(p: Projections, docId: string, x: Extraction): void {
  for (const i of x.incidents)
    p.incidents.push({
      id: i.id,
      doc_id: docId,
      role: i.role,
      type: i.type,
      date_value: i.date?.value ?? null,
      country_code: i.location?.countryCode ?? null,
      city: i.location?.city ?? null,
      killed: countValue(i.killed) ?? null,
      wounded: countValue(i.wounded) ?? null,
      confidence: i.confidence,
    });
  for (const s of x.statements)
    p.statements.push({
      id: s.id,
      doc_id: docId,
      type: s.type,
      speaker_id: s.speaker?.id ?? null,
      organization_id: s.organization?.id ?? null,
      date_value: s.date?.value ?? null,
      confidence: s.confidence,
    });
  for (const l of x.links)
    p.links.push({
      doc_id: docId,
      from_id: l.from,
      to_id: typeof l.to === 'string' ? l.to : null,
      to_text: typeof l.to === 'string' ? null : l.to.text,
      kind: l.kind,
    });
  for (const e of x.entities)
    p.entities.push({ doc_id: docId, entity_id: e.id, kind: e.kind, mentions: e.spans.length });
  for (const key of unknownActorKeys(x)) p.actorNames.push({ doc_id: docId, name_key: key });
}

/** Insert projection rows, one statement per table. */
async function insertProjections(c: pg.PoolClient, p: Projections): Promise<void> {
  if (p.incidents.length > 0)
    await c.query(
      `INSERT INTO incidents (id, doc_id, role, type, date_value, country_code, city, killed, wounded, confidence)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, doc_id text, role text, type text, date_value text, country_code text, city text, killed integer, wounded integer, confidence double precision)`,
      [pgJson(p.incidents)],
    );
  if (p.statements.length > 0)
    await c.query(
      `INSERT INTO statements (id, doc_id, type, speaker_id, organization_id, date_value, confidence)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, doc_id text, type text, speaker_id text, organization_id text, date_value text, confidence double precision)`,
      [pgJson(p.statements)],
    );
  if (p.links.length > 0)
    await c.query(
      `INSERT INTO links (doc_id, from_id, to_id, to_text, kind)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(doc_id text, from_id text, to_id text, to_text text, kind text)`,
      [pgJson(p.links)],
    );
  if (p.entities.length > 0)
    await c.query(
      `INSERT INTO document_entities (doc_id, entity_id, kind, mentions)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(doc_id text, entity_id text, kind text, mentions integer)`,
      [pgJson(p.entities)],
    );
  if (p.actorNames.length > 0)
    await c.query(
      `INSERT INTO document_actor_names (doc_id, name_key)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(doc_id text, name_key text)`,
      [pgJson(p.actorNames)],
    );
}

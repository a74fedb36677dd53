import Database from 'better-sqlite3';
import { TLP_MARKINGS, type Tlp } from '../../ingest/source-document.js';
import { countValue, type Extraction } from '../../pipeline/extraction.js';
import { applyReviews } from '../apply-reviews.js';
import { nameKeysOf, unknownActorKeys } from '../decided-names.js';
import { SQLITE_BACKFILLS, SQLITE_MIGRATIONS } from '../migrations/sqlite/index.js';
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
import { candidateDecisionsUpTo, SqliteResolution } from './sqlite-resolution.js';
import { FULL_CLEARANCE } from '../store.js';
import { markingsUpTo } from '../../pipeline/clearance-views.js';
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

interface DocumentRow {
  id: string;
  content_hash: string;
  source: string;
  title: string | null;
  published_at: string | null;
  byline: string | null;
  language: string | null;
  text: string;
  marking: string;
  meta: string | null;
  retrieved_at: string;
}

/**
 * The embedded default store: one SQLite file (better-sqlite3) in WAL mode with FTS5 full-text
 * search. Writes are synchronous=FULL, so a resolved `putDocuments` survives a crash.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly resolution: SqliteResolution;
  /** The resolution running or last run in this process (see {@link withResolveLock}). */
  private resolving: Promise<unknown> = Promise.resolve();

  private constructor(db: Database.Database) {
    this.db = db;
    this.resolution = new SqliteResolution(db);
  }

  /**
   * The open database, for the stores that share this file and its migrations: the account store
   * and the API's paged reads (sqlite-accounts.ts, sqlite-listing.ts).
   */
  get connection(): Database.Database {
    return this.db;
  }

  /** Open (and create or migrate) the database at `path` (`:memory:` for tests). */
  static open(path: string): SqliteStore {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    migrate(db);
    return new SqliteStore(db);
  }

  async putDocuments(writes: DocumentWrite[]): Promise<WriteResult[]> {
    const existing = this.db.prepare('SELECT id FROM documents WHERE content_hash = ?');
    const insert = this.db
      .prepare(`INSERT INTO documents (id, content_hash, source_kind, source, url, title, published_at, byline, language, text, marking, meta, retrieved_at, pipeline_version, extraction)
      VALUES (@id, @contentHash, @sourceKind, @source, @url, @title, @publishedAt, @byline, @language, @text, @marking, @meta, @retrievedAt, @pipelineVersion, @extraction)`);
    // One transaction for the batch: every document in it is written whole or not at all.
    const write = this.db.transaction((batch: DocumentWrite[]): WriteResult[] =>
      batch.map((w) => {
        const d = w.document;
        const prior = existing.get(d.contentHash) as { id: string } | undefined;
        if (prior) return { id: prior.id, created: false };
        insert.run({
          id: d.id,
          contentHash: d.contentHash,
          sourceKind: d.source.kind,
          source: JSON.stringify(d.source),
          url: d.source.url ?? null,
          title: d.title ?? null,
          publishedAt: d.publishedAt ?? null,
          byline: d.byline ?? null,
          language: d.language ?? null,
          text: d.text,
          marking: d.marking,
          meta: d.meta ? JSON.stringify(d.meta) : null,
          retrievedAt: d.retrievedAt,
          pipelineVersion: w.pipelineVersion,
          extraction: JSON.stringify(w.extraction),
        });
        this.writeProjections(d.id, w.extraction);
        return { id: d.id, created: true };
      }),
    );
    return write(writes);
  }

  async hasContent(contentHash: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM documents WHERE content_hash = ?').get(contentHash) !== undefined;
  }

  async getDocument(id: string, clearance?: number): Promise<StoredDocument | undefined> {
    const row = this.db
      .prepare(`SELECT * FROM documents WHERE id = ? AND marking IN (${markingList(clearance)})`)
      .get(id) as DocumentRow | undefined;
    return row ? toDocument(row) : undefined;
  }

  async getExtraction(id: string, clearance?: number): Promise<Extraction | undefined> {
    const row = this.db
      .prepare(`SELECT extraction FROM documents WHERE id = ? AND marking IN (${markingList(clearance)})`)
      .get(id) as { extraction: string } | undefined;
    if (!row) return undefined;
    const extraction = JSON.parse(row.extraction) as Extraction;
    const ids = [...extraction.incidents.map((i) => i.id), ...extraction.statements.map((s) => s.id)];
    return applyReviews(extraction, this.reviewsOf(ids));
  }

  async listDocuments(after: string | undefined, limit: number): Promise<StoredDocument[]> {
    const rows = (
      after === undefined
        ? this.db.prepare('SELECT * FROM documents ORDER BY rowid LIMIT ?').all(limit)
        : this.db
            .prepare(
              'SELECT * FROM documents WHERE rowid > (SELECT rowid FROM documents WHERE id = ?) ORDER BY rowid LIMIT ?',
            )
            .all(after, limit)
    ) as DocumentRow[];
    return rows.map(toDocument);
  }

  async replaceExtraction(id: string, extraction: Extraction, pipelineVersion: string): Promise<void> {
    this.db.transaction(() => {
      const changed = this.db
        .prepare('UPDATE documents SET extraction = ?, pipeline_version = ? WHERE id = ?')
        .run(JSON.stringify(extraction), pipelineVersion, id).changes;
      if (changed === 0) return;
      for (const table of ['incidents', 'statements', 'links', 'document_entities', 'document_actor_names'])
        this.db.prepare(`DELETE FROM ${table} WHERE doc_id = ?`).run(id);
      this.writeProjections(id, extraction);
    })();
  }

  async addReview(review: Review): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO reviews (subject_id, field, action, value, author, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        review.subjectId,
        review.field,
        review.action,
        review.value === undefined ? null : JSON.stringify(review.value),
        review.author,
        review.createdAt,
      );
  }

  async search(q: SearchQuery): Promise<SearchHit[]> {
    const filter = searchFilter(q, groupNameKeys(this.db, q));
    if (!filter) return [];
    const { where, params } = filter;
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.published_at, d.url, snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet, bm25(documents_fts) AS score
         FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
         WHERE ${where} ORDER BY score LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit ?? 20, offset: q.offset ?? 0 }) as {
      id: string;
      title: string | null;
      published_at: string | null;
      url: string | null;
      snippet: string;
      score: number;
    }[];
    return rows.map((r) => {
      const hit: SearchHit = { id: r.id, snippet: r.snippet, score: -r.score };
      if (r.title) hit.title = r.title;
      if (r.published_at) hit.publishedAt = r.published_at;
      if (r.url) hit.url = r.url;
      return hit;
    });
  }

  async addMessages(messages: StoredMessage[]): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO messages (source, rule_id, reason, severity, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const m of messages) insert.run(m.source, m.ruleId, m.reason, m.severity, m.createdAt);
    })();
  }

  async listMessages(limit: number): Promise<StoredMessage[]> {
    const rows = this.db
      .prepare(
        'SELECT source, rule_id, reason, severity, created_at FROM messages ORDER BY rowid DESC LIMIT ?',
      )
      .all(limit) as {
      source: string;
      rule_id: string;
      reason: string;
      severity: StoredMessage['severity'];
      created_at: string;
    }[];
    return rows.map((r) => ({
      source: r.source,
      ruleId: r.rule_id,
      reason: r.reason,
      severity: r.severity,
      createdAt: r.created_at,
    }));
  }

  async addFeed(url: string, marking: Tlp, addedAt: string): Promise<boolean> {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO feeds (url, marking, added_at) VALUES (?, ?, ?)')
        .run(url, marking, addedAt).changes > 0
    );
  }

  async listFeeds(): Promise<Feed[]> {
    const rows = this.db.prepare('SELECT * FROM feeds ORDER BY added_at, url').all() as {
      url: string;
      marking: string;
      etag: string | null;
      last_modified: string | null;
      added_at: string;
      polled_at: string | null;
      last_error: string | null;
      documents: number;
    }[];
    return rows.map((r) => {
      const f: Feed = { url: r.url, marking: r.marking as Tlp, addedAt: r.added_at, documents: r.documents };
      if (r.etag !== null) f.etag = r.etag;
      if (r.last_modified !== null) f.lastModified = r.last_modified;
      if (r.polled_at !== null) f.polledAt = r.polled_at;
      if (r.last_error !== null) f.lastError = r.last_error;
      return f;
    });
  }

  async feedItemKeys(url: string): Promise<Set<string>> {
    const rows = this.db.prepare('SELECT item_key FROM feed_items WHERE feed_url = ?').all(url) as {
      item_key: string;
    }[];
    return new Set(rows.map((r) => r.item_key));
  }

  async saveFeedPoll(url: string, poll: FeedPoll): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), polled_at = ?, last_error = ?, documents = documents + ? WHERE url = ?',
        )
        .run(
          poll.etag ?? null,
          poll.lastModified ?? null,
          poll.polledAt,
          poll.error ?? null,
          poll.documents,
          url,
        );
      const item = this.db.prepare('INSERT OR IGNORE INTO feed_items (feed_url, item_key) VALUES (?, ?)');
      for (const k of poll.newItemKeys) item.run(url, k);
    })();
  }

  async stats(clearance?: number): Promise<StoreStats> {
    const n = (sql: string, ...params: unknown[]): number =>
      (this.db.prepare(sql).get(...params) as { n: number }).n;
    const visible = `marking IN (${markingList(clearance)})`;
    // A reader cleared for every marking sees every document: no need to look each one up.
    const all = markingsUpTo(clearance).length === TLP_MARKINGS.length;
    const ofVisible = (table: string) =>
      n(
        all
          ? `SELECT count(*) AS n FROM ${table}`
          : `SELECT count(*) AS n FROM ${table} t JOIN documents d ON d.id = t.doc_id WHERE d.${visible}`,
      );
    const level = clearance ?? 4;
    return {
      documents: n(`SELECT count(*) AS n FROM documents WHERE ${visible}`),
      incidents: ofVisible('incidents'),
      statements: ofVisible('statements'),
      links: ofVisible('links'),
      // Each entity once, if a visible document names it: the distinct ids come from the index,
      // and the first visible document stops the search (a count of distinct over every mention
      // joined to its document took 0.7 s on 100,000 documents).
      entities: n(
        `SELECT count(*) AS n FROM (SELECT DISTINCT entity_id FROM document_entities) e
          WHERE EXISTS (SELECT 1 FROM document_entities t JOIN documents d ON d.id = t.doc_id
                         WHERE t.entity_id = e.entity_id AND d.${visible})`,
      ),
      reviews: n('SELECT count(*) AS n FROM reviews'),
      messages: n('SELECT count(*) AS n FROM messages'),
      // An id's views cover disjoint ranges of levels, so one row per id matches a level (and
      // count(*) reads the listing index rather than every row for its distinct ids).
      resolvedIncidents: n(
        'SELECT count(*) AS n FROM resolved_incidents WHERE ? BETWEEN min_level AND max_level',
        level,
      ),
      resolvedStatements: n(
        'SELECT count(*) AS n FROM resolved_statements WHERE ? BETWEEN min_level AND max_level',
        level,
      ),
      alerts: n('SELECT count(*) AS n FROM alerts WHERE min_level <= ?', level),
    };
  }

  async listExtractionRecords(after: string | undefined, limit: number): Promise<ExtractionRecord[]> {
    const columns = 'id, title, published_at, url, marking, extraction';
    const rows = (
      after === undefined
        ? this.db.prepare(`SELECT ${columns} FROM documents ORDER BY rowid LIMIT ?`).all(limit)
        : this.db
            .prepare(
              `SELECT ${columns} FROM documents WHERE rowid > (SELECT rowid FROM documents WHERE id = ?) ORDER BY rowid LIMIT ?`,
            )
            .all(after, limit)
    ) as {
      id: string;
      title: string | null;
      published_at: string | null;
      url: string | null;
      marking: string;
      extraction: string;
    }[];
    const reviewed = new Set(
      (this.db.prepare('SELECT DISTINCT subject_id FROM reviews').all() as { subject_id: string }[]).map(
        (r) => r.subject_id,
      ),
    );
    return rows.map((r) => {
      let extraction = JSON.parse(r.extraction) as Extraction;
      const ids = [...extraction.incidents.map((i) => i.id), ...extraction.statements.map((s) => s.id)];
      if (ids.some((id) => reviewed.has(id))) extraction = applyReviews(extraction, this.reviewsOf(ids));
      const record: ExtractionRecord = { docId: r.id, marking: r.marking as Tlp, extraction };
      if (r.title !== null) record.title = r.title;
      if (r.published_at !== null) record.publishedAt = r.published_at;
      if (r.url !== null) record.url = r.url;
      return record;
    });
  }

  async saveResolution(resolution: ResolutionViews): Promise<void> {
    this.resolution.saveResolution(resolution);
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
    this.resolution.addResolutionDecisions(decisions);
  }

  async listCandidateDecisions(clearance?: number): Promise<CandidateDecision[]> {
    return this.resolution.listCandidateDecisions(clearance);
  }

  async saveCandidateDecision(decision: CandidateDecision): Promise<void> {
    this.resolution.saveCandidateDecision(decision);
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
    this.resolution.recordAlertDelivery(alertId, delivery);
  }

  async withResolveLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.resolving.then(fn);
    this.resolving = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private writeProjections(docId: string, x: Extraction): void {
    const incident = this.db.prepare(
      'INSERT INTO incidents (id, doc_id, role, type, date_value, country_code, city, killed, wounded, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const i of x.incidents) {
      incident.run(
        i.id,
        docId,
        i.role,
        i.type,
        i.date?.value ?? null,
        i.location?.countryCode ?? null,
        i.location?.city ?? null,
        countValue(i.killed) ?? null,
        countValue(i.wounded) ?? null,
        i.confidence,
      );
    }
    const statement = this.db.prepare(
      'INSERT INTO statements (id, doc_id, type, speaker_id, organization_id, date_value, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of x.statements)
      statement.run(
        s.id,
        docId,
        s.type,
        s.speaker?.id ?? null,
        s.organization?.id ?? null,
        s.date?.value ?? null,
        s.confidence,
      );
    const link = this.db.prepare(
      'INSERT INTO links (doc_id, from_id, to_id, to_text, kind) VALUES (?, ?, ?, ?, ?)',
    );
    for (const l of x.links)
      link.run(
        docId,
        l.from,
        typeof l.to === 'string' ? l.to : null,
        typeof l.to === 'string' ? null : l.to.text,
        l.kind,
      );
    const entity = this.db.prepare(
      'INSERT INTO document_entities (doc_id, entity_id, kind, mentions) VALUES (?, ?, ?, ?)',
    );
    for (const e of x.entities) entity.run(docId, e.id, e.kind, e.spans.length);
    const actorName = this.db.prepare('INSERT INTO document_actor_names (doc_id, name_key) VALUES (?, ?)');
    for (const key of unknownActorKeys(x)) actorName.run(docId, key);
  }

  private reviewsOf(subjectIds: string[]): Review[] {
    if (subjectIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT subject_id, field, action, value, author, created_at FROM reviews WHERE subject_id IN (${subjectIds.map(() => '?').join(',')})`,
      )
      .all(...subjectIds) as {
      subject_id: string;
      field: string;
      action: Review['action'];
      value: string | null;
      author: string;
      created_at: string;
    }[];
    return rows.map((r) => ({
      subjectId: r.subject_id,
      field: r.field,
      action: r.action,
      ...(r.value === null ? {} : { value: JSON.parse(r.value) as unknown }),
      author: r.author,
      createdAt: r.created_at,
    }));
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SQLITE_MIGRATIONS.length) {
    throw new Error(
      `the database is at schema version ${version}, newer than this Vigil (${SQLITE_MIGRATIONS.length}); upgrade Vigil`,
    );
  }
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v]!);
      SQLITE_BACKFILLS[v + 1]?.(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

function toDocument(r: DocumentRow): StoredDocument {
  const d: StoredDocument = {
    id: r.id,
    contentHash: r.content_hash,
    source: JSON.parse(r.source) as StoredDocument['source'],
    text: r.text,
    marking: r.marking as Tlp,
    retrievedAt: r.retrieved_at,
  };
  if (r.title !== null) d.title = r.title;
  if (r.published_at !== null) d.publishedAt = r.published_at;
  if (r.byline !== null) d.byline = r.byline;
  if (r.language !== null) d.language = r.language;
  if (r.meta !== null) d.meta = JSON.parse(r.meta) as Record<string, unknown>;
  return d;
}

/** The markings a reader may read, as an SQL list of literals (they are fixed constants, not user input). */
export function markingList(clearance: number | undefined): string {
  return markingsUpTo(clearance)
    .map((m) => `'${m}'`)
    .join(', ');
}

/**
 * The name keys the group filter of a search also finds documents by: the names that the
 * candidate decisions a reader of `q.clearance` may see resolve to `q.group` (`nameKeysOf`).
 */
export function groupNameKeys(db: Database.Database, q: SearchQuery): string[] {
  if (!q.group) return [];
  // All of them, in the order resolution reads them (a rejection of one of the names counts).
  return nameKeysOf(candidateDecisionsUpTo(db, q.clearance ?? FULL_CLEARANCE), q.group);
}

/**
 * The WHERE clause (over `documents_fts` joined with `documents d`) and named parameters of a
 * search, without paging; undefined when the words make no query. `groupNames` are the name keys
 * of {@link groupNameKeys}: a document naming one of them without a knowledge-base id is found by
 * the group filter too.
 */
export function searchFilter(
  q: SearchQuery,
  groupNames: string[] = [],
): { where: string; params: Record<string, unknown> } | undefined {
  const match = ftsQuery(q.text);
  if (!match) return undefined;
  const where: string[] = ['documents_fts MATCH @match', `d.marking IN (${markingList(q.clearance)})`];
  const params: Record<string, unknown> = { match };
  if (q.from) {
    where.push('d.published_at >= @from');
    params.from = q.from;
  }
  if (q.to) {
    where.push("d.published_at <= @to || 'T99'");
    params.to = q.to;
  }
  if (q.country) {
    where.push('EXISTS (SELECT 1 FROM incidents i WHERE i.doc_id = d.id AND i.country_code = @country)');
    params.country = q.country.toUpperCase();
  }
  if (q.type) {
    where.push('EXISTS (SELECT 1 FROM incidents i WHERE i.doc_id = d.id AND i.type = @type)');
    params.type = q.type;
  }
  if (q.group) {
    // Knowledge-base entities are indexed at ingest (document_entities). Names analysts decided
    // about are resolved here, at query time, from the decisions as they are now: the index holds
    // only what each document names (document_actor_names), never a decision, so storing, replacing
    // or undoing a decision needs no index update and cannot leave one stale.
    const named = 'EXISTS (SELECT 1 FROM document_entities e WHERE e.doc_id = d.id AND e.entity_id = @group)';
    if (groupNames.length === 0) where.push(named);
    else {
      where.push(
        `(${named} OR EXISTS (SELECT 1 FROM document_actor_names n WHERE n.doc_id = d.id AND n.name_key IN (SELECT value FROM json_each(@groupNames))))`,
      );
      params.groupNames = JSON.stringify(groupNames);
    }
    params.group = q.group;
  }
  return { where: where.join(' AND '), params };
}

/** A user's words as an FTS5 query: each word quoted (no operators injected), all required. */
export function ftsQuery(text: string): string {
  return ftsWords(text)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(' ');
}

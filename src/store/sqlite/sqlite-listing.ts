import type Database from 'better-sqlite3';
import type { Tlp } from '../../ingest/source-document.js';
import type { DocumentSummary, ActorCount, IncidentDay, ListingStore } from '../listing.js';
import type { Clearance, IncidentQuery, SearchQuery, StatementQuery } from '../store.js';
import { FULL_CLEARANCE } from '../store.js';
import { incidentFilter, statementFilter } from './sqlite-resolution.js';
import { groupNameKeys, markingList, searchFilter } from './sqlite-store.js';

/**
 * The API's paged and counted reads on the SQLite file of the document store, on its connection.
 * Filters are the store's own (`incidentFilter`, `statementFilter`, `searchFilter`), so that a
 * total always counts what the list pages through.
 */
export class SqliteListing implements ListingStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** A prepared statement, compiled once per connection (most of a small query's cost is its compilation). */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  async listDocumentSummaries(
    q: Clearance & { limit: number; offset: number },
  ): Promise<{ items: DocumentSummary[]; total: number }> {
    const visible = `marking IN (${markingList(q.clearance)})`;
    const rows = this.sql(
      `SELECT id, title, published_at, url, source_kind, marking, retrieved_at FROM documents WHERE ${visible}
         ORDER BY published_at IS NULL, published_at DESC, rowid DESC LIMIT ? OFFSET ?`,
    ).all(q.limit, q.offset) as {
      id: string;
      title: string | null;
      published_at: string | null;
      url: string | null;
      source_kind: string;
      marking: string;
      retrieved_at: string;
    }[];
    const items = rows.map((r) => {
      const d: DocumentSummary = {
        id: r.id,
        sourceKind: r.source_kind,
        marking: r.marking as Tlp,
        retrievedAt: r.retrieved_at,
      };
      if (r.title !== null) d.title = r.title;
      if (r.published_at !== null) d.publishedAt = r.published_at;
      if (r.url !== null) d.url = r.url;
      return d;
    });
    return { items, total: this.count(`SELECT count(*) AS n FROM documents WHERE ${visible}`, []) };
  }

  async countIncidents(q: IncidentQuery): Promise<number> {
    const { where, params } = incidentFilter(q);
    return this.count(`SELECT count(*) AS n FROM resolved_incidents i WHERE ${where}`, [params]);
  }

  async countStatements(q: StatementQuery): Promise<number> {
    const { where, params } = statementFilter(q);
    return this.count(`SELECT count(*) AS n FROM resolved_statements s WHERE ${where}`, [params]);
  }

  async countSearch(q: SearchQuery): Promise<number> {
    const filter = searchFilter(q, groupNameKeys(this.db, q));
    if (!filter) return 0;
    return this.count(
      `SELECT count(*) AS n FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE ${filter.where}`,
      [filter.params],
    );
  }

  async countAlerts(q: Clearance & { unacknowledged?: boolean }): Promise<number> {
    return this.count(
      `SELECT count(*) AS n FROM alerts WHERE min_level <= ? ${q.unacknowledged ? 'AND acknowledged = 0' : ''}`,
      [q.clearance ?? FULL_CLEARANCE],
    );
  }

  async alertLevel(id: number): Promise<number | undefined> {
    const row = this.sql('SELECT min_level FROM alerts WHERE id = ?').get(id) as
      { min_level: number } | undefined;
    return row?.min_level;
  }

  async incidentDays(q: Clearance & { since?: string; mainOnly?: boolean }): Promise<IncidentDay[]> {
    return this.sql(
      `SELECT date_value AS date, count(*) AS count FROM resolved_incidents
         WHERE ? BETWEEN min_level AND max_level AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
           AND date_value >= ? ${q.mainOnly ? "AND role = 'main'" : ''}
         GROUP BY date_value ORDER BY date_value`,
    ).all(q.clearance ?? FULL_CLEARANCE, q.since ?? '') as IncidentDay[];
  }

  async topActors(q: Clearance & { limit: number; mainOnly?: boolean }): Promise<ActorCount[]> {
    return this.sql(
      `SELECT a.entity_id AS id, count(DISTINCT a.incident_id) AS incidents
         FROM resolved_incident_actors a
         JOIN resolved_incidents i ON i.id = a.incident_id AND i.min_level = a.min_level
         WHERE ? BETWEEN i.min_level AND i.max_level ${q.mainOnly ? "AND i.role = 'main'" : ''}
         GROUP BY a.entity_id ORDER BY incidents DESC, a.entity_id LIMIT ?`,
    ).all(q.clearance ?? FULL_CLEARANCE, q.limit) as ActorCount[];
  }

  async dataVersion(): Promise<string | undefined> {
    return String(this.db.pragma('data_version', { simple: true }));
  }

  private count(sql: string, params: unknown[]): number {
    return (this.sql(sql).get(...params) as { n: number }).n;
  }
}

import type pg from 'pg';
import type { Tlp } from '../../ingest/source-document.js';
import { markingsUpTo } from '../../pipeline/clearance-views.js';
import type { ActorCount, DocumentSummary, IncidentDay, ListingStore } from '../listing.js';
import { ftsWords } from '../search-words.js';
import type { Clearance, IncidentQuery, SearchQuery, StatementQuery } from '../store.js';
import { groupCondition, groupNameKeys } from './group-filter.js';
import { pgText } from './pg-values.js';

/** Full clearance: readers left unspecified see everything (as in the PostgreSQL store). */
const FULL_CLEARANCE = 4;
/** Search words beyond this many are ignored, as `PostgresStore.search` ignores them. */
const MAX_SEARCH_WORDS = 32;

/** Numbered parameters for one query. */
class Params {
  readonly values: unknown[] = [];
  /** Add a value; its placeholder (`$n`). */
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * The API's paged and counted reads on the PostgreSQL database of the document store (already
 * migrated by `PostgresStore.open`), on a pool the caller owns. Its filters are those of `PostgresStore` and `PostgresResolution`: the
 * listing contract checks that every total counts what the store's list pages through.
 */
export class PostgresListing implements ListingStore {
  constructor(private readonly pool: pg.Pool) {}

  async listDocumentSummaries(
    q: Clearance & { limit: number; offset: number },
  ): Promise<{ items: DocumentSummary[]; total: number }> {
    const markings = markingsUpTo(q.clearance);
    const rows = await this.pool.query<{
      id: string;
      title: string | null;
      published_at: string | null;
      url: string | null;
      source_kind: string;
      marking: string;
      retrieved_at: string;
    }>(
      `SELECT id, title, published_at, url, source_kind, marking, retrieved_at FROM documents
       WHERE marking = ANY($1::text[])
       ORDER BY published_at IS NULL, published_at DESC, seq DESC LIMIT $2 OFFSET $3`,
      [markings, q.limit, q.offset],
    );
    const items = rows.rows.map((r) => {
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
    return {
      items,
      total: await this.count('SELECT count(*) AS n FROM documents WHERE marking = ANY($1::text[])', [
        markings,
      ]),
    };
  }

  async countIncidents(q: IncidentQuery): Promise<number> {
    const p = new Params();
    const where = [`${p.add(q.clearance ?? FULL_CLEARANCE)} BETWEEN i.min_level AND i.max_level`];
    if (q.from) where.push(`i.date_value >= ${p.add(q.from)}`);
    if (q.to) where.push(`i.date_value <= ${p.add(q.to)} || '~'`);
    if (q.country) where.push(`i.country_code = ${p.add(q.country.toUpperCase())}`);
    if (q.type) where.push(`i.type = ${p.add(q.type)}`);
    if (q.group)
      where.push(
        `EXISTS (SELECT 1 FROM resolved_incident_actors a WHERE a.incident_id = i.id AND a.min_level = i.min_level AND a.entity_id = ${p.add(q.group)})`,
      );
    if (q.mainOnly) where.push("i.role = 'main'");
    return this.count(
      `SELECT count(*) AS n FROM resolved_incidents i WHERE ${where.join(' AND ')}`,
      p.values,
    );
  }

  async countStatements(q: StatementQuery): Promise<number> {
    const p = new Params();
    const where = [`${p.add(q.clearance ?? FULL_CLEARANCE)} BETWEEN s.min_level AND s.max_level`];
    if (q.type) where.push(`s.type = ${p.add(q.type)}`);
    for (const [kind, value] of [
      ['actor', q.actor],
      ['incident', q.incident],
    ] as const) {
      if (!value) continue;
      where.push(
        `EXISTS (SELECT 1 FROM resolved_statement_refs r WHERE r.statement_id = s.id AND r.min_level = s.min_level AND r.ref_kind = '${kind}' AND r.ref_id = ${p.add(value)})`,
      );
    }
    return this.count(
      `SELECT count(*) AS n FROM resolved_statements s WHERE ${where.join(' AND ')}`,
      p.values,
    );
  }

  async countSearch(q: SearchQuery): Promise<number> {
    const words = ftsWords(q.text).slice(0, MAX_SEARCH_WORDS);
    if (words.length === 0) return 0;
    const groupNames = await groupNameKeys(this.pool, q);
    const p = new Params();
    const query = words.map((w) => `phraseto_tsquery('vigil_fts', ${p.add(pgText(w))})`).join(' && ');
    const where = [`d.search @@ (${query})`, `d.marking = ANY(${p.add(markingsUpTo(q.clearance))}::text[])`];
    if (q.from) where.push(`d.published_at >= ${p.add(q.from)}`);
    if (q.to) where.push(`d.published_at <= ${p.add(q.to)} || 'T99'`);
    if (q.country)
      where.push(
        `EXISTS (SELECT 1 FROM incidents i WHERE i.doc_id = d.id AND i.country_code = ${p.add(q.country.toUpperCase())})`,
      );
    if (q.type)
      where.push(`EXISTS (SELECT 1 FROM incidents i WHERE i.doc_id = d.id AND i.type = ${p.add(q.type)})`);
    if (q.group)
      where.push(
        groupCondition(p.add(q.group), groupNames.length > 0 ? p.add(groupNames.map(pgText)) : undefined),
      );
    return this.count(`SELECT count(*) AS n FROM documents d WHERE ${where.join(' AND ')}`, p.values);
  }

  async countAlerts(q: Clearance & { unacknowledged?: boolean }): Promise<number> {
    return this.count(
      `SELECT count(*) AS n FROM alerts WHERE min_level <= $1 ${q.unacknowledged ? 'AND NOT acknowledged' : ''}`,
      [q.clearance ?? FULL_CLEARANCE],
    );
  }

  async alertLevel(id: number): Promise<number | undefined> {
    const r = await this.pool.query<{ min_level: number }>('SELECT min_level FROM alerts WHERE id = $1', [
      id,
    ]);
    return r.rows[0]?.min_level;
  }

  async incidentDays(q: Clearance & { since?: string; mainOnly?: boolean }): Promise<IncidentDay[]> {
    const r = await this.pool.query<{ date: string; count: string }>(
      `SELECT date_value AS date, count(*) AS count FROM resolved_incidents
       WHERE $1 BETWEEN min_level AND max_level AND date_value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
         AND date_value >= $2 ${q.mainOnly ? "AND role = 'main'" : ''}
       GROUP BY date_value ORDER BY date_value`,
      [q.clearance ?? FULL_CLEARANCE, q.since ?? ''],
    );
    return r.rows.map((row) => ({ date: row.date, count: Number(row.count) }));
  }

  async topActors(q: Clearance & { limit: number; mainOnly?: boolean }): Promise<ActorCount[]> {
    const r = await this.pool.query<{ id: string; incidents: string }>(
      `SELECT a.entity_id AS id, count(DISTINCT a.incident_id) AS incidents
       FROM resolved_incident_actors a
       JOIN resolved_incidents i ON i.id = a.incident_id AND i.min_level = a.min_level
       WHERE $1 BETWEEN i.min_level AND i.max_level ${q.mainOnly ? "AND i.role = 'main'" : ''}
       GROUP BY a.entity_id ORDER BY incidents DESC, a.entity_id LIMIT $2`,
      [q.clearance ?? FULL_CLEARANCE, q.limit],
    );
    return r.rows.map((row) => ({ id: row.id, incidents: Number(row.incidents) }));
  }

  /** The server's write-ahead log position: it moves with every commit (of any database of the server). */
  async dataVersion(): Promise<string | undefined> {
    try {
      const r = await this.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      return r.rows[0]?.lsn;
    } catch {
      return undefined; // a standby in recovery has no current WAL position
    }
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const r = await this.pool.query<{ n: string }>(sql, params);
    return Number(r.rows[0]!.n);
  }
}

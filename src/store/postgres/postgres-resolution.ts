import type pg from 'pg';
import { decidedEntityId, type CandidateDecision } from '../../pipeline/candidate-decisions.js';
import { countValue } from '../../pipeline/extraction.js';
import type {
  CandidateEntity,
  ResolutionDecision,
  ResolvedIncident,
  ResolvedLink,
  ResolvedStatement,
} from '../../pipeline/resolution.js';
import type { ResolutionViews } from '../../pipeline/resolve.js';
import { FULL_CLEARANCE } from '../store.js';
import type {
  Alert,
  AlertDelivery,
  AlertQuery,
  IncidentQuery,
  StatementQuery,
  StoredAlert,
} from '../store.js';
import { inTransaction } from './connection.js';
import { pgJson, pgText, pgTextOrNull } from './pg-values.js';
import { toDelivery, type DeliveryRow } from '../alert-delivery-row.js';

/**
 * The resolution half of the PostgreSQL store, as `SqliteResolution` is for SQLite: resolved
 * incidents, statements, links, candidates, decisions and alerts. Every read is filtered by the
 * reader's clearance in SQL: a row is a view for the levels `min_level`…`max_level`.
 */
/** The candidate decisions a reader of `level` may see, the latest first (as resolution reads them). */
export async function candidateDecisionsUpTo(pool: pg.Pool, level: number): Promise<CandidateDecision[]> {
  const r = await pool.query<{ data: CandidateDecision }>(
    'SELECT data FROM candidate_decisions WHERE level <= $1 ORDER BY created_at DESC, key',
    [level],
  );
  return r.rows.map((row) => row.data);
}

export class PostgresResolution {
  constructor(private readonly pool: pg.Pool) {}

  /** Replace the whole resolution in one transaction (rows inserted a table at a time). */
  async saveResolution(r: ResolutionViews): Promise<void> {
    const incidents: Record<string, unknown>[] = [];
    const actors: Record<string, unknown>[] = [];
    const incidentMembers = new Map<string, Record<string, unknown>>();
    for (const i of r.incidents) {
      for (const m of i.members)
        incidentMembers.set(m.mentionId, { mention_id: m.mentionId, incident_id: i.id, doc_id: m.docId });
      for (const v of i.views) {
        const x = v.value;
        incidents.push({
          id: i.id,
          min_level: v.minLevel,
          max_level: v.maxLevel,
          type: x.type,
          date_value: x.date?.value ?? null,
          country_code: x.location?.countryCode ?? null,
          city: x.location?.city ?? null,
          killed: countValue(x.killed) ?? null,
          wounded: countValue(x.wounded) ?? null,
          role: x.role,
          mention_count: x.mentions.length,
          confidence: x.confidence,
          data: x,
        });
        for (const a of [...x.perpetrators, ...x.claimedBy])
          if (a.id) actors.push({ incident_id: i.id, min_level: v.minLevel, entity_id: a.id });
      }
    }
    const statements: Record<string, unknown>[] = [];
    const refs: Record<string, unknown>[] = [];
    const statementMembers = new Map<string, Record<string, unknown>>();
    for (const s of r.statements) {
      for (const m of s.members)
        statementMembers.set(m.mentionId, { mention_id: m.mentionId, statement_id: s.id, doc_id: m.docId });
      for (const v of s.views) {
        const x = v.value;
        statements.push({
          id: s.id,
          min_level: v.minLevel,
          max_level: v.maxLevel,
          type: x.type,
          date_value: x.date?.value ?? null,
          mention_count: x.mentions.length,
          confidence: x.confidence,
          data: x,
        });
        for (const a of [x.organization, x.speaker, x.outlet])
          if (a?.id)
            refs.push({ statement_id: s.id, min_level: v.minLevel, ref_kind: 'actor', ref_id: a.id });
        for (const id of x.refersTo)
          refs.push({ statement_id: s.id, min_level: v.minLevel, ref_kind: 'incident', ref_id: id });
      }
    }
    const links = r.links.map((v, ord) => ({
      ord,
      from_id: v.value.from,
      to_id: typeof v.value.to === 'string' ? v.value.to : null,
      to_text: typeof v.value.to === 'string' ? null : v.value.to.text,
      kind: v.value.kind,
      min_level: v.minLevel,
      max_level: v.maxLevel,
      data: v.value,
    }));
    const candidates = r.candidates.map((v) => ({
      key: v.value.key,
      min_level: v.minLevel,
      max_level: v.maxLevel,
      name: v.value.name,
      kind: v.value.kind,
      documents: v.value.docIds.length,
      data: v.value,
    }));
    await inTransaction(this.pool, async (c) => {
      await c.query(
        'TRUNCATE resolved_incidents, resolved_incident_actors, incident_members, resolved_statements, resolved_statement_refs, statement_members, resolved_links, candidate_entities',
      );
      const insert = async (
        table: string,
        columns: string,
        rows: unknown[],
        conflict = '',
      ): Promise<void> => {
        if (rows.length === 0) return;
        const names = columns
          .split(',')
          .map((c) => c.trim().split(' ')[0])
          .join(', ');
        await c.query(
          `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns}) ${conflict}`,
          [pgJson(rows)],
        );
      };
      await insert(
        'resolved_incidents',
        'id text, min_level integer, max_level integer, type text, date_value text, country_code text, city text, killed integer, wounded integer, role text, mention_count integer, confidence double precision, data jsonb',
        incidents,
      );
      await insert(
        'resolved_incident_actors',
        'incident_id text, min_level integer, entity_id text',
        actors,
        'ON CONFLICT DO NOTHING',
      );
      await insert('incident_members', 'mention_id text, incident_id text, doc_id text', [
        ...incidentMembers.values(),
      ]);
      await insert(
        'resolved_statements',
        'id text, min_level integer, max_level integer, type text, date_value text, mention_count integer, confidence double precision, data jsonb',
        statements,
      );
      await insert(
        'resolved_statement_refs',
        'statement_id text, min_level integer, ref_kind text, ref_id text',
        refs,
        'ON CONFLICT DO NOTHING',
      );
      await insert('statement_members', 'mention_id text, statement_id text, doc_id text', [
        ...statementMembers.values(),
      ]);
      if (links.length > 0)
        await c.query(
          `INSERT INTO resolved_links (from_id, to_id, to_text, kind, min_level, max_level, data)
           SELECT from_id, to_id, to_text, kind, min_level, max_level, data
           FROM jsonb_to_recordset($1::jsonb) AS r(ord integer, from_id text, to_id text, to_text text, kind text, min_level integer, max_level integer, data jsonb)
           ORDER BY ord`,
          [pgJson(links)],
        );
      await insert(
        'candidate_entities',
        'key text, min_level integer, max_level integer, name text, kind text, documents integer, data jsonb',
        candidates,
      );
    });
  }

  async listIncidents(q: IncidentQuery): Promise<ResolvedIncident[]> {
    const params: unknown[] = [q.clearance ?? FULL_CLEARANCE];
    const param = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['$1 BETWEEN i.min_level AND i.max_level'];
    if (q.from) where.push(`i.date_value >= ${param(q.from)}`);
    if (q.to) where.push(`i.date_value <= ${param(q.to)} || '~'`);
    if (q.country) where.push(`i.country_code = ${param(q.country.toUpperCase())}`);
    if (q.type) where.push(`i.type = ${param(q.type)}`);
    if (q.group)
      where.push(
        `EXISTS (SELECT 1 FROM resolved_incident_actors a WHERE a.incident_id = i.id AND a.min_level = i.min_level AND a.entity_id = ${param(q.group)})`,
      );
    if (q.mainOnly) where.push("i.role = 'main'");
    const r = await this.pool.query<{ data: ResolvedIncident }>(
      `SELECT i.data FROM resolved_incidents i WHERE ${where.join(' AND ')}
       ORDER BY i.date_value IS NULL, i.date_value DESC, i.mention_count DESC, i.id
       LIMIT ${param(q.limit ?? 100)} OFFSET ${param(q.offset ?? 0)}`,
      params,
    );
    return r.rows.map((row) => row.data);
  }

  async getIncident(id: string, level = FULL_CLEARANCE): Promise<ResolvedIncident | undefined> {
    const r = await this.pool.query<{ data: ResolvedIncident }>(
      'SELECT data FROM resolved_incidents WHERE id = $1 AND $2 BETWEEN min_level AND max_level',
      [id, level],
    );
    return r.rows[0]?.data;
  }

  async incidentOfMention(mentionId: string): Promise<string | undefined> {
    const r = await this.pool.query<{ incident_id: string }>(
      'SELECT incident_id FROM incident_members WHERE mention_id = $1',
      [mentionId],
    );
    return r.rows[0]?.incident_id;
  }

  async listStatements(q: StatementQuery): Promise<ResolvedStatement[]> {
    const params: unknown[] = [q.clearance ?? FULL_CLEARANCE];
    const param = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['$1 BETWEEN s.min_level AND s.max_level'];
    if (q.type) where.push(`s.type = ${param(q.type)}`);
    for (const [kind, value] of [
      ['actor', q.actor],
      ['incident', q.incident],
    ] as const) {
      if (!value) continue;
      where.push(
        `EXISTS (SELECT 1 FROM resolved_statement_refs r WHERE r.statement_id = s.id AND r.min_level = s.min_level AND r.ref_kind = '${kind}' AND r.ref_id = ${param(value)})`,
      );
    }
    const r = await this.pool.query<{ data: ResolvedStatement }>(
      `SELECT s.data FROM resolved_statements s WHERE ${where.join(' AND ')}
       ORDER BY s.date_value IS NULL, s.date_value DESC, s.id
       LIMIT ${param(q.limit ?? 100)} OFFSET ${param(q.offset ?? 0)}`,
      params,
    );
    return r.rows.map((row) => row.data);
  }

  async getStatement(id: string, level = FULL_CLEARANCE): Promise<ResolvedStatement | undefined> {
    const r = await this.pool.query<{ data: ResolvedStatement }>(
      'SELECT data FROM resolved_statements WHERE id = $1 AND $2 BETWEEN min_level AND max_level',
      [id, level],
    );
    return r.rows[0]?.data;
  }

  async listLinks(level = FULL_CLEARANCE): Promise<ResolvedLink[]> {
    const r = await this.pool.query<{ data: ResolvedLink }>(
      'SELECT data FROM resolved_links WHERE $1 BETWEEN min_level AND max_level ORDER BY seq',
      [level],
    );
    return r.rows.map((row) => row.data);
  }

  async listCandidates(level = FULL_CLEARANCE): Promise<CandidateEntity[]> {
    const r = await this.pool.query<{ data: CandidateEntity }>(
      'SELECT data FROM candidate_entities WHERE $1 BETWEEN min_level AND max_level ORDER BY documents DESC, key',
      [level],
    );
    return r.rows.map((row) => row.data);
  }

  async listResolutionDecisions(): Promise<ResolutionDecision[]> {
    const r = await this.pool.query<{
      kind: 'merge' | 'split';
      mention_a: string;
      mention_b: string;
      author: string;
      created_at: string;
    }>('SELECT kind, mention_a, mention_b, author, created_at FROM resolution_decisions ORDER BY id');
    return r.rows.map((row) => ({
      kind: row.kind,
      a: row.mention_a,
      b: row.mention_b,
      author: row.author,
      createdAt: row.created_at,
    }));
  }

  async addResolutionDecisions(decisions: ResolutionDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    await this.pool.query(
      `INSERT INTO resolution_decisions (kind, mention_a, mention_b, author, created_at)
       SELECT kind, a, b, author, "createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS d(ord integer, kind text, a text, b text, author text, "createdAt" text)
       ORDER BY ord`,
      [pgJson(decisions.map((d, ord) => ({ ...d, ord })))],
    );
  }

  async listCandidateDecisions(level = FULL_CLEARANCE): Promise<CandidateDecision[]> {
    return candidateDecisionsUpTo(this.pool, level);
  }

  async saveCandidateDecision(d: CandidateDecision): Promise<void> {
    await this.pool.query(
      `INSERT INTO candidate_decisions (key, decision, entity_id, level, created_at, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (key) DO UPDATE SET decision = excluded.decision, entity_id = excluded.entity_id,
         level = excluded.level, created_at = excluded.created_at, data = excluded.data`,
      [pgText(d.key), d.decision, decidedEntityId(d), d.level, d.createdAt, pgJson(d)],
    );
  }

  async deleteCandidateDecision(key: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM candidate_decisions WHERE key = $1', [pgText(key)]);
    return (r.rowCount ?? 0) > 0;
  }

  async addAlerts(alerts: Alert[]): Promise<StoredAlert[]> {
    return inTransaction(this.pool, async (c) => {
      const out: StoredAlert[] = [];
      for (const a of alerts) {
        const r = await c.query<{ id: string }>(
          `INSERT INTO alerts (rule, severity, subject_key, subjects, explanation, evidence, min_level, event_date, created_at)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9)
           ON CONFLICT (subject_key) DO NOTHING RETURNING id`,
          [
            a.rule,
            a.severity,
            a.subjectKey,
            pgJson(a.subjects),
            a.explanation,
            pgJson(a.evidence),
            a.level,
            pgTextOrNull(a.eventDate),
            a.createdAt,
          ],
        );
        const row = r.rows[0];
        if (row) out.push({ ...a, id: Number(row.id), acknowledged: false, deliveries: [] });
      }
      return out;
    });
  }

  async listAlerts(q: AlertQuery): Promise<StoredAlert[]> {
    const r = await this.pool.query<AlertRow>(
      `SELECT a.*, coalesce((
         SELECT jsonb_agg(jsonb_build_object('target', d.target, 'status', d.status, 'attempts', d.attempts,
                  'last_error', d.last_error, 'updated_at', d.updated_at) ORDER BY d.target)
         FROM alert_deliveries d WHERE d.alert_id = a.id), '[]'::jsonb) AS deliveries
       FROM alerts a WHERE a.min_level <= $1 ${q.unacknowledged ? 'AND NOT a.acknowledged' : ''}
         AND ($3::text IS NULL OR a.created_at >= $3::text COLLATE "C")
       ORDER BY coalesce(a.event_date, a.created_at) COLLATE "C" DESC, a.id DESC LIMIT $2`,
      [q.clearance ?? FULL_CLEARANCE, q.limit ?? 100, q.createdSince ?? null],
    );
    return r.rows.map((row) => {
      const alert: StoredAlert = {
        id: Number(row.id),
        rule: row.rule,
        severity: row.severity,
        subjectKey: row.subject_key,
        subjects: row.subjects,
        explanation: row.explanation,
        evidence: row.evidence,
        level: row.min_level,
        createdAt: row.created_at,
        acknowledged: row.acknowledged,
        deliveries: row.deliveries.map(toDelivery),
      };
      if (row.event_date !== null) alert.eventDate = row.event_date;
      if (row.acknowledged_by !== null) alert.acknowledgedBy = row.acknowledged_by;
      if (row.acknowledged_at !== null) alert.acknowledgedAt = row.acknowledged_at;
      return alert;
    });
  }

  async acknowledgeAlert(id: number, by: string, at: string): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE alerts SET acknowledged = true, acknowledged_by = $1, acknowledged_at = $2 WHERE id = $3',
      [by, at, id],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async recordAlertDelivery(alertId: number, d: AlertDelivery): Promise<void> {
    await this.pool.query(
      `INSERT INTO alert_deliveries (alert_id, target, status, attempts, last_error, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (alert_id, target) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
         last_error = excluded.last_error, updated_at = excluded.updated_at`,
      [alertId, d.target, d.status, d.attempts, pgTextOrNull(d.lastError), d.updatedAt],
    );
  }
}

interface AlertRow {
  id: string;
  rule: string;
  severity: Alert['severity'];
  subject_key: string;
  subjects: string[];
  explanation: string;
  evidence: StoredAlert['evidence'];
  min_level: number;
  event_date: string | null;
  created_at: string;
  acknowledged: boolean;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  deliveries: DeliveryRow[];
}

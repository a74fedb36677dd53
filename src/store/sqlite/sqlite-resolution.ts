import type Database from 'better-sqlite3';
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
import type {
  Alert,
  AlertDelivery,
  AlertQuery,
  IncidentQuery,
  StatementQuery,
  StoredAlert,
} from '../store.js';
import { toDelivery, type DeliveryRow } from '../alert-delivery-row.js';
import { FULL_CLEARANCE } from '../store.js';

/**
 * The resolution half of the SQLite store: resolved incidents, statements, links, candidates,
 * decisions and alerts. Every read is filtered by the reader's clearance in SQL: a row is a view
 * for the levels `min_level`…`max_level`.
 */
/** The candidate decisions a reader of `level` may see, the latest first (as resolution reads them). */
export function candidateDecisionsUpTo(db: Database.Database, level: number): CandidateDecision[] {
  const rows = db
    .prepare('SELECT data FROM candidate_decisions WHERE level <= ? ORDER BY created_at DESC, key')
    .all(level) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as CandidateDecision);
}

export class SqliteResolution {
  constructor(private readonly db: Database.Database) {}

  saveResolution(r: ResolutionViews): void {
    const db = this.db;
    db.transaction(() => {
      for (const table of [
        'resolved_incidents',
        'resolved_incident_actors',
        'incident_members',
        'resolved_statements',
        'resolved_statement_refs',
        'statement_members',
        'resolved_links',
        'candidate_entities',
      ])
        db.prepare(`DELETE FROM ${table}`).run();
      const incident = db.prepare(
        'INSERT INTO resolved_incidents (id, min_level, max_level, type, date_value, country_code, city, killed, wounded, role, mention_count, confidence, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const actor = db.prepare(
        'INSERT OR IGNORE INTO resolved_incident_actors (incident_id, min_level, entity_id) VALUES (?, ?, ?)',
      );
      const incidentMember = db.prepare(
        'INSERT OR REPLACE INTO incident_members (mention_id, incident_id, doc_id) VALUES (?, ?, ?)',
      );
      for (const i of r.incidents) {
        for (const m of i.members) incidentMember.run(m.mentionId, i.id, m.docId);
        for (const v of i.views) {
          const x = v.value;
          incident.run(
            i.id,
            v.minLevel,
            v.maxLevel,
            x.type,
            x.date?.value ?? null,
            x.location?.countryCode ?? null,
            x.location?.city ?? null,
            countValue(x.killed) ?? null,
            countValue(x.wounded) ?? null,
            x.role,
            x.mentions.length,
            x.confidence,
            JSON.stringify(x),
          );
          for (const a of [...x.perpetrators, ...x.claimedBy]) if (a.id) actor.run(i.id, v.minLevel, a.id);
        }
      }
      const statement = db.prepare(
        'INSERT INTO resolved_statements (id, min_level, max_level, type, date_value, mention_count, confidence, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const ref = db.prepare(
        'INSERT OR IGNORE INTO resolved_statement_refs (statement_id, min_level, ref_kind, ref_id) VALUES (?, ?, ?, ?)',
      );
      const statementMember = db.prepare(
        'INSERT OR REPLACE INTO statement_members (mention_id, statement_id, doc_id) VALUES (?, ?, ?)',
      );
      for (const s of r.statements) {
        for (const m of s.members) statementMember.run(m.mentionId, s.id, m.docId);
        for (const v of s.views) {
          const x = v.value;
          statement.run(
            s.id,
            v.minLevel,
            v.maxLevel,
            x.type,
            x.date?.value ?? null,
            x.mentions.length,
            x.confidence,
            JSON.stringify(x),
          );
          for (const a of [x.organization, x.speaker, x.outlet])
            if (a?.id) ref.run(s.id, v.minLevel, 'actor', a.id);
          for (const id of x.refersTo) ref.run(s.id, v.minLevel, 'incident', id);
        }
      }
      const link = db.prepare(
        'INSERT INTO resolved_links (from_id, to_id, to_text, kind, min_level, max_level, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const v of r.links) {
        const l = v.value;
        link.run(
          l.from,
          typeof l.to === 'string' ? l.to : null,
          typeof l.to === 'string' ? null : l.to.text,
          l.kind,
          v.minLevel,
          v.maxLevel,
          JSON.stringify(l),
        );
      }
      const candidate = db.prepare(
        'INSERT INTO candidate_entities (key, min_level, max_level, name, kind, documents, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const v of r.candidates)
        candidate.run(
          v.value.key,
          v.minLevel,
          v.maxLevel,
          v.value.name,
          v.value.kind,
          v.value.docIds.length,
          JSON.stringify(v.value),
        );
    })();
  }

  listIncidents(q: IncidentQuery): ResolvedIncident[] {
    const { where, params } = incidentFilter(q);
    const rows = this.db
      .prepare(
        `SELECT i.data FROM resolved_incidents i WHERE ${where}
         ORDER BY i.date_value IS NULL, i.date_value DESC, i.mention_count DESC, i.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit ?? 100, offset: q.offset ?? 0 }) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as ResolvedIncident);
  }

  getIncident(id: string, level = FULL_CLEARANCE): ResolvedIncident | undefined {
    const row = this.db
      .prepare('SELECT data FROM resolved_incidents WHERE id = ? AND ? BETWEEN min_level AND max_level')
      .get(id, level) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ResolvedIncident) : undefined;
  }

  incidentOfMention(mentionId: string): string | undefined {
    const row = this.db
      .prepare('SELECT incident_id FROM incident_members WHERE mention_id = ?')
      .get(mentionId) as { incident_id: string } | undefined;
    return row?.incident_id;
  }

  listStatements(q: StatementQuery): ResolvedStatement[] {
    const { where, params } = statementFilter(q);
    const rows = this.db
      .prepare(
        `SELECT s.data FROM resolved_statements s WHERE ${where}
         ORDER BY s.date_value IS NULL, s.date_value DESC, s.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit ?? 100, offset: q.offset ?? 0 }) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as ResolvedStatement);
  }

  getStatement(id: string, level = FULL_CLEARANCE): ResolvedStatement | undefined {
    const row = this.db
      .prepare('SELECT data FROM resolved_statements WHERE id = ? AND ? BETWEEN min_level AND max_level')
      .get(id, level) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ResolvedStatement) : undefined;
  }

  listLinks(level = FULL_CLEARANCE): ResolvedLink[] {
    const rows = this.db
      .prepare('SELECT data FROM resolved_links WHERE ? BETWEEN min_level AND max_level ORDER BY rowid')
      .all(level) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as ResolvedLink);
  }

  listCandidates(level = FULL_CLEARANCE): CandidateEntity[] {
    const rows = this.db
      .prepare(
        'SELECT data FROM candidate_entities WHERE ? BETWEEN min_level AND max_level ORDER BY documents DESC, key',
      )
      .all(level) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as CandidateEntity);
  }

  listResolutionDecisions(): ResolutionDecision[] {
    const rows = this.db
      .prepare('SELECT kind, mention_a, mention_b, author, created_at FROM resolution_decisions ORDER BY id')
      .all() as {
      kind: 'merge' | 'split';
      mention_a: string;
      mention_b: string;
      author: string;
      created_at: string;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      a: r.mention_a,
      b: r.mention_b,
      author: r.author,
      createdAt: r.created_at,
    }));
  }

  addResolutionDecisions(decisions: ResolutionDecision[]): void {
    const insert = this.db.prepare(
      'INSERT INTO resolution_decisions (kind, mention_a, mention_b, author, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const d of decisions) insert.run(d.kind, d.a, d.b, d.author, d.createdAt);
    })();
  }

  listCandidateDecisions(level = FULL_CLEARANCE): CandidateDecision[] {
    return candidateDecisionsUpTo(this.db, level);
  }

  saveCandidateDecision(d: CandidateDecision): void {
    this.db
      .prepare(
        `INSERT INTO candidate_decisions (key, decision, entity_id, level, created_at, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET decision = excluded.decision, entity_id = excluded.entity_id,
           level = excluded.level, created_at = excluded.created_at, data = excluded.data`,
      )
      .run(d.key, d.decision, decidedEntityId(d), d.level, d.createdAt, JSON.stringify(d));
  }

  deleteCandidateDecision(key: string): boolean {
    return this.db.prepare('DELETE FROM candidate_decisions WHERE key = ?').run(key).changes > 0;
  }

  addAlerts(alerts: Alert[]): StoredAlert[] {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO alerts (rule, severity, subject_key, subjects, explanation, evidence, min_level, event_date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() =>
      alerts.flatMap((a): StoredAlert[] => {
        const result = insert.run(
          a.rule,
          a.severity,
          a.subjectKey,
          JSON.stringify(a.subjects),
          a.explanation,
          JSON.stringify(a.evidence),
          a.level,
          a.eventDate ?? null,
          a.createdAt,
        );
        return result.changes > 0
          ? [{ ...a, id: Number(result.lastInsertRowid), acknowledged: false, deliveries: [] }]
          : [];
      }),
    )();
  }

  listAlerts(q: AlertQuery): StoredAlert[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM alerts WHERE min_level <= ? ${q.unacknowledged ? 'AND acknowledged = 0' : ''}
           ${q.createdSince === undefined ? '' : 'AND created_at >= ?'}
         ORDER BY coalesce(event_date, created_at) DESC, id DESC LIMIT ?`,
      )
      .all(
        q.clearance ?? FULL_CLEARANCE,
        ...(q.createdSince === undefined ? [] : [q.createdSince]),
        q.limit ?? 100,
      ) as AlertRow[];
    const deliveries = this.db.prepare(
      'SELECT target, status, attempts, last_error, updated_at FROM alert_deliveries WHERE alert_id = ? ORDER BY target',
    );
    return rows.map((r) => {
      const alert: StoredAlert = {
        id: r.id,
        rule: r.rule,
        severity: r.severity,
        subjectKey: r.subject_key,
        subjects: JSON.parse(r.subjects) as string[],
        explanation: r.explanation,
        evidence: JSON.parse(r.evidence) as StoredAlert['evidence'],
        level: r.min_level,
        createdAt: r.created_at,
        acknowledged: r.acknowledged === 1,
        deliveries: (deliveries.all(r.id) as DeliveryRow[]).map(toDelivery),
      };
      if (r.event_date !== null) alert.eventDate = r.event_date;
      if (r.acknowledged_by !== null) alert.acknowledgedBy = r.acknowledged_by;
      if (r.acknowledged_at !== null) alert.acknowledgedAt = r.acknowledged_at;
      return alert;
    });
  }

  acknowledgeAlert(id: number, by: string, at: string): boolean {
    return (
      this.db
        .prepare('UPDATE alerts SET acknowledged = 1, acknowledged_by = ?, acknowledged_at = ? WHERE id = ?')
        .run(by, at, id).changes > 0
    );
  }

  recordAlertDelivery(alertId: number, d: AlertDelivery): void {
    this.db
      .prepare(
        `INSERT INTO alert_deliveries (alert_id, target, status, attempts, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (alert_id, target) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
           last_error = excluded.last_error, updated_at = excluded.updated_at`,
      )
      .run(alertId, d.target, d.status, d.attempts, d.lastError ?? null, d.updatedAt);
  }
}

/** The WHERE clause (over `resolved_incidents i`) and named parameters of an incident query, without paging. */
export function incidentFilter(q: IncidentQuery): { where: string; params: Record<string, unknown> } {
  const where = ['@level BETWEEN i.min_level AND i.max_level'];
  const params: Record<string, unknown> = { level: q.clearance ?? FULL_CLEARANCE };
  if (q.from) {
    where.push('i.date_value >= @from');
    params.from = q.from;
  }
  if (q.to) {
    where.push("i.date_value <= @to || '~'");
    params.to = q.to;
  }
  if (q.country) {
    where.push('i.country_code = @country');
    params.country = q.country.toUpperCase();
  }
  if (q.type) {
    where.push('i.type = @type');
    params.type = q.type;
  }
  if (q.group) {
    where.push(
      'EXISTS (SELECT 1 FROM resolved_incident_actors a WHERE a.incident_id = i.id AND a.min_level = i.min_level AND a.entity_id = @group)',
    );
    params.group = q.group;
  }
  if (q.mainOnly) where.push("i.role = 'main'");
  return { where: where.join(' AND '), params };
}

/** The WHERE clause (over `resolved_statements s`) and named parameters of a statement query, without paging. */
export function statementFilter(q: StatementQuery): { where: string; params: Record<string, unknown> } {
  const where = ['@level BETWEEN s.min_level AND s.max_level'];
  const params: Record<string, unknown> = { level: q.clearance ?? FULL_CLEARANCE };
  if (q.type) {
    where.push('s.type = @type');
    params.type = q.type;
  }
  for (const [kind, value] of [
    ['actor', q.actor],
    ['incident', q.incident],
  ] as const) {
    if (!value) continue;
    where.push(
      `EXISTS (SELECT 1 FROM resolved_statement_refs r WHERE r.statement_id = s.id AND r.min_level = s.min_level AND r.ref_kind = '${kind}' AND r.ref_id = @${kind})`,
    );
    params[kind] = value;
  }
  return { where: where.join(' AND '), params };
}

interface AlertRow {
  id: number;
  rule: string;
  severity: Alert['severity'];
  subject_key: string;
  subjects: string;
  explanation: string;
  evidence: string;
  min_level: number;
  event_date: string | null;
  created_at: string;
  acknowledged: number;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

import { dateRange, dayNumber, isoDay } from '../../pipeline/date-range.js';
import { countText } from '../../pipeline/extraction.js';
import type {
  ResolvedIncident,
  ResolvedLink,
  ResolvedStatement,
  SourcedEvidence,
} from '../../pipeline/resolution.js';
import type { Alert } from '../../store/store.js';
import type { AlertRule } from './alert-config.js';

/** What the rules look at: the resolved store as its owner sees it. */
export interface AlertInput {
  incidents: ResolvedIncident[];
  statements: ResolvedStatement[];
  links: ResolvedLink[];
  /** Knowledge-base ids of outlets that belong to a group (a group's media arm). */
  groupOutlets: Set<string>;
  /** Clearance level needed to read a document (0 = TLP:CLEAR … 4 = TLP:RED). */
  levelOf: (docId: string) => number;
  /** Creation time of the alerts. */
  now: string;
}

/**
 * Run the configured rules over resolved incidents, statements and links. Pure: the same input
 * gives the same alerts with the same subject keys, so re-running never duplicates an alert.
 */
export function evaluateRules(rules: AlertRule[], input: AlertInput): Alert[] {
  const incidents = new Map(input.incidents.map((i) => [i.id, i]));
  const out: Alert[] = [];
  const make = (
    rule: AlertRule,
    key: string,
    subjects: string[],
    explanation: string,
    evidence: SourcedEvidence[],
    eventDay?: number,
  ): Alert => {
    const alert: Alert = {
      rule: rule.id,
      severity: rule.severity,
      subjectKey: `${rule.id}:${key}`,
      subjects,
      explanation,
      evidence: evidence.slice(0, 6),
      level: Math.max(0, ...evidence.map((e) => input.levelOf(e.docId))),
      createdAt: input.now,
    };
    if (eventDay !== undefined) alert.eventDate = isoDay(eventDay);
    return alert;
  };

  for (const rule of rules) {
    switch (rule.kind) {
      case 'statement-cites-recent-incident':
        for (const s of input.statements) {
          if (!rule.statementTypes.includes(s.type)) continue;
          const day = statementDay(s);
          if (day === undefined) continue;
          const cited = new Set([
            ...s.refersTo,
            ...input.links.flatMap((l) => (l.from === s.id && typeof l.to === 'string' ? [l.to] : [])),
          ]);
          for (const id of cited) {
            const incident = incidents.get(id);
            const range = incident?.date ? dateRange(incident.date) : undefined;
            if (!incident || !range || range[0] > day || day - range[0] > rule.withinDays) continue;
            out.push(
              make(
                rule,
                `${s.id}:${id}`,
                [s.id, id],
                `${describeStatement(s)} on ${isoDay(day)} cites ${describeIncident(incident)} (${day - range[0]} days earlier)`,
                [...s.evidence, ...incident.evidence.filter((e) => e.field === 'type' || e.field === 'date')],
                day,
              ),
            );
          }
        }
        break;
      case 'incident-framed-as-revenge': {
        const framed = new Set<string>();
        for (const l of input.links) {
          const incident = incidents.get(l.from);
          if (!incident) continue;
          framed.add(incident.id);
          const earlier = typeof l.to === 'string' ? incidents.get(l.to) : undefined;
          const target = earlier
            ? describeIncident(earlier)
            : typeof l.to === 'string'
              ? l.to
              : `"${l.to.text}"`;
          const range = incident.date ? dateRange(incident.date) : undefined;
          out.push(
            make(
              rule,
              `${incident.id}`,
              [incident.id, ...(earlier ? [earlier.id] : [])],
              `${describeIncident(incident)} is framed as revenge for ${target}`,
              l.evidence,
              range?.[0],
            ),
          );
        }
        // A justification of an attack whose framing has not raised the alert above: one alert
        // per attack, and none for revenge words that justify no attack on record.
        for (const s of input.statements) {
          if (s.type !== 'revenge-justification') continue;
          const avenged = new Set(input.links.filter((l) => l.from === s.id).map((l) => l.to));
          const justified = s.refersTo.filter((id) => incidents.has(id) && !avenged.has(id));
          if (justified.length === 0 || justified.every((id) => framed.has(id))) continue;
          out.push(
            make(
              rule,
              s.id,
              [s.id, ...justified],
              `${describeStatement(s)} justifies ${justified.map((id) => describeIncident(incidents.get(id)!)).join('; ')} as revenge`,
              s.evidence,
              statementDay(s),
            ),
          );
        }
        break;
      }
      case 'outlet-after-silence': {
        const byOutlet = new Map<string, { s: ResolvedStatement; day: number }[]>();
        for (const s of input.statements) {
          const outlet = s.outlet?.id;
          const day = statementDay(s);
          if (!outlet || !input.groupOutlets.has(outlet) || day === undefined) continue;
          const list = byOutlet.get(outlet) ?? [];
          list.push({ s, day });
          byOutlet.set(outlet, list);
        }
        for (const list of byOutlet.values()) {
          list.sort((a, b) => a.day - b.day || a.s.id.localeCompare(b.s.id));
          for (let k = 1; k < list.length; k++) {
            const gap = list[k]!.day - list[k - 1]!.day;
            if (gap < rule.silenceDays) continue;
            const { s, day } = list[k]!;
            out.push(
              make(
                rule,
                s.id,
                [s.id],
                `${s.outlet!.name} released a statement on ${isoDay(day)} after ${gap} days of silence (previous: ${isoDay(list[k - 1]!.day)}): ${describeStatement(s)}`,
                s.evidence,
                day,
              ),
            );
          }
        }
        break;
      }
      case 'statement-spike': {
        const byIncident = new Map<string, { s: ResolvedStatement; day: number }[]>();
        for (const s of input.statements) {
          const day = statementDay(s);
          if (day === undefined) continue;
          for (const id of s.refersTo) {
            const list = byIncident.get(id) ?? [];
            list.push({ s, day });
            byIncident.set(id, list);
          }
        }
        for (const [id, list] of byIncident) {
          const incident = incidents.get(id);
          if (!incident || list.length < rule.minStatements) continue;
          list.sort((a, b) => a.day - b.day);
          let firing = false;
          for (const { day } of list) {
            const inWindow = list.filter((x) => x.day <= day && x.day > day - rule.windowDays);
            const before = list.filter(
              (x) => x.day <= day - rule.windowDays && x.day > day - rule.windowDays - rule.baselineDays,
            );
            const baseline = (before.length * rule.windowDays) / rule.baselineDays;
            const spike = inWindow.length >= rule.minStatements && inWindow.length > rule.factor * baseline;
            if (spike && !firing)
              out.push(
                make(
                  rule,
                  `${id}:${isoDay(day)}`,
                  [id, ...inWindow.map((x) => x.s.id)],
                  `${inWindow.length} statements in ${rule.windowDays} days up to ${isoDay(day)} refer to ${describeIncident(incident)} (usual rate ${baseline.toFixed(1)})`,
                  inWindow.flatMap((x) => x.s.evidence.slice(0, 1)),
                  day,
                ),
              );
            firing = spike;
          }
        }
        break;
      }
    }
  }
  return out;
}

/** Day a statement was made: its own date when precise to the day, else its first report's. */
function statementDay(s: ResolvedStatement): number | undefined {
  if (s.date?.precision === 'day') return dayNumber(s.date.value);
  const published = s.mentions.flatMap((m) => (m.publishedAt ? [dayNumber(m.publishedAt)] : []));
  return published.length > 0 ? Math.min(...published) : undefined;
}

/** "call-to-violence by Islamic State (al-Furqan, Telegram)". */
export function describeStatement(s: ResolvedStatement): string {
  const who = s.organization?.name ?? s.speaker?.name ?? 'an unnamed speaker';
  const via = [s.outlet?.name, s.platform?.name].filter(Boolean).join(', ');
  return `${s.type} by ${who}${via ? ` (${via})` : ''}`;
}

/** "Armed Assault in Christchurch, New Zealand on 2019-03-15 (51 killed)". */
export function describeIncident(i: ResolvedIncident): string {
  const place = i.location
    ? [i.location.city, i.location.country].filter(Boolean).join(', ')
    : 'an unknown place';
  const killed = i.killed ? countText(i.killed) : undefined;
  return `${i.type} in ${place}${i.date ? ` on ${i.date.value}` : ''}${killed ? ` (${killed} killed)` : ''}`;
}

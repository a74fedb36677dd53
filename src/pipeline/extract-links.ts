import type { Mention } from '../doc.js';
import type { IncidentMention, LinkMention, StatementMention } from './extraction.js';
import type { RevengeObject } from './incident-references.js';

/**
 * `retaliation-for` links: from each statement that calls for or justifies revenge (and, for a
 * justification, from the incident it justifies) to the incident its words name — an incident of
 * the document at the place or date named — or else to the words themselves ("attacks in Europe
 * by Muslims").
 */
export function extractLinks(
  objects: RevengeObject[],
  incidents: IncidentMention[],
  statements: StatementMention[],
  invoked: Set<string> = new Set(),
): LinkMention[] {
  const links: LinkMention[] = [];
  const seen = new Set<string>();
  const add = (link: LinkMention): void => {
    const key = `${link.from}>${typeof link.to === 'string' ? link.to : link.to.text}`;
    if (seen.has(key) || link.from === link.to) return;
    seen.add(key);
    links.push(link);
  };
  for (const o of objects) {
    const evidence = [
      { field: 'retaliation-for', start: o.sentence.start, end: o.sentence.end, text: o.sentence.text },
    ];
    const target = invokedIncident(o, incidents);
    const to = target ? target.id : { text: o.text };
    const from = statements.filter(
      (s) =>
        ['call-to-violence', 'revenge-justification', 'threat', 'claim-of-responsibility'].includes(s.type) &&
        s.evidence.some((e) => e.start === o.sentence.start),
    );
    for (const s of from) add({ from: s.id, to, kind: 'retaliation-for', evidence });
    // An attack framed as revenge: the incident itself retaliates — the attack the statement
    // justifies or claims, never the earlier events it invokes (`invoked`: incidents read off
    // revenge framings): a main incident it refers to, else the document's main incident, else a
    // recalled incident it refers to (a follow-up article about the attack).
    if (from.some((s) => s.type === 'revenge-justification' || s.type === 'claim-of-responsibility')) {
      const roles = new Map(incidents.map((i) => [i.id, i.role]));
      const referred = [...new Set(from.flatMap((s) => s.refersTo))].filter(
        (id) => !invoked.has(id) && id !== target?.id,
      );
      const main = incidents.find((i) => i.role === 'main' && !invoked.has(i.id));
      const referredMain = referred.filter((id) => roles.get(id) === 'main');
      const attacks = referredMain.length > 0 ? referredMain : main ? [main.id] : referred;
      for (const id of attacks)
        if (id !== target?.id) add({ from: id, to, kind: 'retaliation-for', evidence });
    }
  }
  return links;
}

/** The incident whose place, or date, the revenge words name. */
function invokedIncident(o: RevengeObject, incidents: IncidentMention[]): IncidentMention | undefined {
  const inside = (m: Mention): boolean => m.start >= o.start && m.end <= o.end;
  const places = o.sentence.mentions.filter((m) => m.kind === 'place' && inside(m));
  const dates = o.sentence.mentions.filter((m) => m.kind === 'date' && inside(m));
  return (
    incidents.find((i) => i.evidence.some((e) => e.start === o.start && e.end === o.end)) ??
    incidents.find((i) =>
      places.some(
        (p) =>
          i.location &&
          p.place &&
          i.location.countryCode === p.place.countryCode &&
          (!p.place.city || i.location.city === p.place.city),
      ),
    ) ??
    incidents.find((i) =>
      dates.some((d) => i.date && i.date.value.startsWith((d.value as { value: string }).value)),
    )
  );
}

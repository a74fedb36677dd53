import type { DateValue, Doc, Mention } from '../doc.js';
import type { Evidence, IncidentMention } from './extraction.js';
import { EVENT_WORDS, REVENGE_OBJECT } from './lexicons/statement-cues.js';
import type { SentenceSignals } from './sentence-signals.js';

/** Attack nouns in a named earlier incident ("the Christchurch mosque shootings"). */
const NAMED_ATTACK: [RegExp, string][] = [
  [/\b(?:shootings?|massacres?|gun attacks?)\b/i, 'Armed Assault'],
  [/\b(?:bombings?|blasts?|explosions?)\b/i, 'Bombing/Explosion'],
  [/\b(?:stabbings?|knife attacks?)\b/i, 'Armed Assault'],
  [/\b(?:attacks?|killings?|murders?)\b/i, 'Unknown'],
];

/** The earlier events an expression of revenge names, with its offsets. */
export interface RevengeObject {
  start: number;
  end: number;
  text: string;
  sentence: SentenceSignals;
}

/** "revenge for the New Zealand attack" → the words naming the earlier events, per sentence. */
export function revengeObjects(doc: Doc, signals: SentenceSignals[]): RevengeObject[] {
  const out: RevengeObject[] = [];
  for (const s of signals) {
    const m = REVENGE_OBJECT.exec(s.text);
    if (!m?.[1]) continue;
    const raw = m[1];
    const lead = raw.match(/^(?:the|their|our)\s+/i)?.[0].length ?? 0;
    const words = raw.slice(lead).replace(/\s+$/, '');
    if (words.length < 3) continue;
    const start = s.start + m.index + m[0].indexOf(raw) + lead;
    const named = s.mentions.some(
      (x) => (x.kind === 'place' || x.kind === 'date') && x.start >= start && x.end <= start + words.length,
    );
    if (!named && !EVENT_WORDS.test(words)) continue;
    out.push({
      start,
      end: start + words.length,
      text: doc.text.slice(start, start + words.length),
      sentence: s,
    });
  }
  return out;
}

/**
 * Incidents a document names as the cause of revenge without reporting them ("take revenge for
 * the New Zealand attack"): a background incident with the place, date and attack type the words
 * give, unless an incident of the document already has that place.
 */
export function extractReferencedIncidents(
  doc: Doc,
  objects: RevengeObject[],
  incidents: IncidentMention[],
): IncidentMention[] {
  const out: IncidentMention[] = [];
  for (const o of objects) {
    const attack = NAMED_ATTACK.find(([re]) => re.test(o.text));
    if (!attack) continue;
    const inside = (m: Mention): boolean => m.start >= o.start && m.end <= o.end;
    const place = o.sentence.mentions.find((m) => m.kind === 'place' && inside(m))?.place;
    const date = o.sentence.mentions.find((m) => m.kind === 'date' && inside(m))?.value as
      DateValue | undefined;
    if (!place && !date) continue;
    const known = [...incidents, ...out].some(
      (i) =>
        place &&
        i.location &&
        i.location.countryCode === place.countryCode &&
        (!place.city || i.location.city === place.city),
    );
    if (known) continue;
    const evidence: Evidence[] = [{ field: 'type', start: o.start, end: o.end, text: o.text }];
    if (place) evidence.push({ field: 'location', start: o.start, end: o.end, text: o.text });
    if (date) evidence.push({ field: 'date', start: o.start, end: o.end, text: o.text });
    out.push({
      id: `${doc.id}:i${incidents.length + out.length + 1}`,
      type: attack[1],
      types: [attack[1]],
      date: date ?? null,
      location: place ?? null,
      perpetrators: [],
      targets: [],
      weapons: ['Unknown'],
      killed: null,
      wounded: null,
      perpetratorsKilled: null,
      perpetratorsWounded: null,
      suicide: null,
      claimedBy: [],
      role: 'background',
      evidence,
      confidence: 0.5,
    });
  }
  return out;
}

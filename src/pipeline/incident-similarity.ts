import { nameKey, tokenizeWords } from '../text/normalize.js';
import { dateRange, dayNumber, rangeGap } from './date-range.js';
import { countValue } from './extraction.js';
import { COMMON_WORDS } from './lexicons/common-words.js';
import type { IncidentRecord } from './resolution.js';

/** Places closer than this are one place for matching (a suburb and its city). */
export const NEARBY_KM = 30;

/** What incident comparison looks at, computed once per mention. */
export interface IncidentFeatures {
  record: IncidentRecord;
  /** Days the incident's date can mean; undefined when the report gives no date. */
  dates?: [number, number];
  /** The date is a single day. */
  dayPrecise: boolean;
  /** Day the report was published. */
  reportDay?: number;
  country?: string;
  /** Normalised city name. */
  city?: string;
  coords?: { lat: number; lon: number };
  types: Set<string>;
  /** Known perpetrator groups and the groups above them. */
  perpetrators: Set<string>;
  targetTypes: Set<string>;
  /** Distinctive words of the evidence and target text, with counts. */
  words: Map<string, number>;
  killed?: number;
}

/** The outcome of comparing two incident reports. */
export interface Comparison {
  /** Higher is more alike; {@link MERGE_THRESHOLD} and above merges. */
  score: number;
  /** Why the two cannot be one incident, when they cannot. */
  conflict?: string;
  reasons: string[];
}

const ASSAULTS = new Set(['Armed Assault', 'Unarmed Assault']);
/** The parts of a complex attack (gunmen with bombs holding hostages), each coded first by some report. */
const COMPLEX_ATTACK = new Set(['Hostage Taking (Barricade Incident)', 'Armed Assault', 'Bombing/Explosion']);

/**
 * Whether two reports' types can describe one attack: either is unknown, they share a type, or
 * both are assaults or parts of a complex attack that reports code differently.
 */
export function typesCompatible(a: IncidentFeatures, b: IncidentFeatures): boolean {
  const [x, y] = [a.record.mention.type, b.record.mention.type];
  return (
    x === 'Unknown' ||
    y === 'Unknown' ||
    intersects(a.types, b.types) ||
    (ASSAULTS.has(x) && ASSAULTS.has(y)) ||
    (COMPLEX_ATTACK.has(x) && COMPLEX_ATTACK.has(y))
  );
}

/** Score from which two reports are taken to describe the same incident. */
export const MERGE_THRESHOLD = 5.5;

/** Compute the comparison features of an incident mention. */
export function incidentFeatures(
  record: IncidentRecord,
  groupFamily: (id: string) => string[] = (id) => [id],
): IncidentFeatures {
  const m = record.mention;
  const dates = m.date ? dateRange(m.date) : undefined;
  const reportDay = record.source.publishedAt ? dayNumber(record.source.publishedAt) : Number.NaN;
  const loc = m.location;
  const words = new Map<string, number>();
  const texts = new Set([...m.evidence.map((e) => e.text), ...m.targets.map((t) => t.text)]);
  for (const text of texts)
    for (const w of tokenizeWords(text)) {
      const word = nameKey(text.slice(w.start, w.end));
      if (word.length < 3 || COMMON_WORDS.has(word) || /^\d+$/.test(word)) continue;
      words.set(word, (words.get(word) ?? 0) + 1);
    }
  const f: IncidentFeatures = {
    record,
    dayPrecise: m.date?.precision === 'day' && dates !== undefined,
    types: new Set(m.types.length > 0 ? m.types : [m.type]),
    perpetrators: new Set(m.perpetrators.flatMap((p) => (p.id ? groupFamily(p.id) : []))),
    targetTypes: new Set(m.targets.map((t) => t.type).filter((t) => t !== 'Unknown')),
    words,
  };
  if (dates) f.dates = dates;
  if (!Number.isNaN(reportDay)) f.reportDay = reportDay;
  if (loc?.countryCode) f.country = loc.countryCode;
  if (loc?.city) f.city = nameKey(loc.city);
  if (loc?.city && !loc.approximate) f.coords = { lat: loc.lat, lon: loc.lon };
  const killed = countValue(m.killed);
  if (killed !== undefined) f.killed = killed;
  return f;
}

/** Weight of a word: rarer words tell incidents apart better. */
export type WordWeight = (word: string) => number;

/**
 * Compare two incident reports: hard conflicts (same document, different countries or cities,
 * dates that cannot be the same day) and a score from date, place, type, perpetrator, target,
 * casualty figures and shared distinctive words, with the reasons in words.
 */
export function compareIncidents(a: IncidentFeatures, b: IncidentFeatures, weight: WordWeight): Comparison {
  const reasons: string[] = [];
  const conflict = (why: string): Comparison => ({ score: -Infinity, conflict: why, reasons });
  if (a.record.source.docId === b.record.source.docId)
    return conflict('reported as two incidents by one document');
  let score = 0;

  const dates = compareDates(a, b);
  if (dates.conflict) return conflict(dates.conflict);
  score += dates.score;
  if (dates.reason) reasons.push(dates.reason);

  const place = comparePlaces(a, b);
  if (place.conflict) return conflict(place.conflict);
  // A day apart is tolerated for a slip in dating one attack, not for two places near each other.
  if (dates.reason === 'dates a day apart' && place.reason === 'nearby places')
    return conflict('nearby places on different days');
  score += place.score;
  if (place.reason) reasons.push(place.reason);

  const primaryA = a.record.mention.type;
  if (primaryA === b.record.mention.type && primaryA !== 'Unknown') {
    score += 1.5;
    reasons.push(`same type (${primaryA})`);
  } else if (intersects(a.types, b.types) || (ASSAULTS.has(primaryA) && ASSAULTS.has(b.record.mention.type)))
    // An attack with a truck and a pistol is coded armed by one report, unarmed by another.
    score += 0.5;
  else if (!typesCompatible(a, b)) {
    score -= 1.5;
    reasons.push('different types');
  }

  if (a.perpetrators.size > 0 && b.perpetrators.size > 0) {
    const shared = [...a.perpetrators].filter((p) => b.perpetrators.has(p));
    if (shared.length > 0) {
      score += 2;
      reasons.push(`same perpetrator (${shared.join(', ')})`);
    } else {
      score -= 3;
      reasons.push('different perpetrators');
    }
  }
  if (intersects(a.targetTypes, b.targetTypes)) score += 0.5;

  if (a.killed !== undefined && b.killed !== undefined && a.killed > 0 && b.killed > 0) {
    const ratio = Math.min(a.killed, b.killed) / Math.max(a.killed, b.killed);
    if (ratio === 1) {
      score += 1;
      reasons.push(`same death toll (${a.killed})`);
    } else if (ratio >= 0.5) score += 0.5;
    else if (ratio < 1 / 3) {
      // Tolls grow as reports come in, but rarely threefold, and a later report seldom gives fewer.
      const [earlier, later] = (a.reportDay ?? 0) <= (b.reportDay ?? 0) ? [a, b] : [b, a];
      score -= later.killed! < earlier.killed! ? 2.5 : 1.5;
      reasons.push('death tolls far apart');
    }
  }

  const words = sharedWords(a.words, b.words, weight);
  if (words.similarity > 0) {
    score += 4 * words.similarity;
    if (words.top.length > 0) reasons.push(`shared words: ${words.top.join(', ')}`);
  }
  return { score, reasons };
}

/** Days a siege or hostage taking may last between the dates its reports give. */
export const SIEGE_DAYS = 4;

/** A barricade incident or kidnapping: an attack that lasts days. */
export function isSiege(f: IncidentFeatures): boolean {
  return f.types.has('Hostage Taking (Barricade Incident)') || f.types.has('Hostage Taking (Kidnapping)');
}

interface Part {
  score: number;
  conflict?: string;
  reason?: string;
}

function compareDates(a: IncidentFeatures, b: IncidentFeatures): Part {
  if (a.dates && b.dates) {
    const gap = rangeGap(a.dates, b.dates);
    if (a.dayPrecise && b.dayPrecise) {
      // A siege or a hostage taking lasts days: reports date its start or its end.
      if (gap >= 2 && gap <= SIEGE_DAYS && (isSiege(a) || isSiege(b)))
        return { score: 0.5, reason: `dates ${gap} days apart (a siege)` };
      if (gap >= 2) return { score: 0, conflict: `dates ${gap} days apart` };
      return gap === 0
        ? { score: 3, reason: `same day (${a.record.mention.date!.value})` }
        : { score: 0, reason: 'dates a day apart' };
    }
    if (gap > 1) return { score: 0, conflict: 'dates do not overlap' };
    return { score: 1, reason: 'dates compatible' };
  }
  // A report cannot describe an incident that happened after it was published.
  const dated = a.dates ? a : b.dates ? b : undefined;
  const undated = dated === a ? b : a;
  if (dated?.dates && undated.reportDay !== undefined && undated.reportDay < dated.dates[0] - 1)
    return { score: 0, conflict: 'reported before the other incident happened' };
  return { score: 0 };
}

function comparePlaces(a: IncidentFeatures, b: IncidentFeatures): Part {
  if (a.country && b.country && a.country !== b.country) return { score: 0, conflict: 'different countries' };
  if (a.city && b.city) {
    if (a.city === b.city) return { score: 3, reason: `same city (${a.record.mention.location!.city})` };
    if (a.coords && b.coords && distanceKm(a.coords, b.coords) < NEARBY_KM)
      return { score: 1.5, reason: 'nearby places' };
    return {
      score: 0,
      conflict: `different cities (${a.record.mention.location!.city}, ${b.record.mention.location!.city})`,
    };
  }
  // "in Garissa" read as the county by one report, as the town by another.
  const region = (f: IncidentFeatures) => f.record.mention.location?.admin1;
  if (a.country === b.country && region(a) !== undefined && region(a) === region(b))
    return { score: 1.5, reason: `same region (${region(a)})` };
  if (a.country && b.country) return { score: 0.5, reason: 'same country' };
  return { score: 0 };
}

/** Cosine similarity of two word bags weighted by word rarity, and the heaviest shared words. */
function sharedWords(
  a: Map<string, number>,
  b: Map<string, number>,
  weight: WordWeight,
): { similarity: number; top: string[] } {
  if (a.size === 0 || b.size === 0) return { similarity: 0, top: [] };
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: [string, number][] = [];
  for (const [w, n] of a) {
    const x = n * weight(w);
    na += x * x;
    const m = b.get(w);
    if (m !== undefined) {
      const contribution = x * m * weight(w);
      dot += contribution;
      shared.push([w, contribution]);
    }
  }
  for (const [w, n] of b) {
    const y = n * weight(w);
    nb += y * y;
  }
  if (dot === 0) return { similarity: 0, top: [] };
  shared.sort((x, y) => y[1] - x[1]);
  return { similarity: dot / Math.sqrt(na * nb), top: shared.slice(0, 4).map(([w]) => w) };
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function intersects<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

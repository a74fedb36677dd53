import type { PlaceRef } from '../doc.js';
import { nameKey } from '../text/normalize.js';
import { dateRange } from './date-range.js';
import { countValue } from './extraction.js';
import type { ResolvedIncident } from './resolution.js';

/** Earlier events invoked for revenge are at most this old (in days) to be matched to a stored incident. */
const MAX_AGE_DAYS = 3 * 365;

/**
 * Find the stored incident that words such as "the New Zealand attack" or "the massacre in
 * Christchurch" name: an incident before `beforeDay` in the city (or, when the words name only a
 * country, the country) the words name, the most widely reported one when several match.
 * Returns undefined when the words name no place or no incident matches — the link then keeps
 * its words ("attacks in Europe by Muslims").
 */
export function matchEventText(
  places: PlaceRef[],
  beforeDay: number | undefined,
  incidents: ResolvedIncident[],
): ResolvedIncident | undefined {
  if (places.length === 0) return undefined;
  const cities = new Set(places.flatMap((p) => (p.city ? [nameKey(p.city)] : [])));
  const countries = new Set(places.map((p) => p.countryCode));
  let best: ResolvedIncident | undefined;
  let bestScore = 0;
  for (const incident of incidents) {
    const loc = incident.location;
    if (!loc || !countries.has(loc.countryCode)) continue;
    if (cities.size > 0 && !(loc.city && cities.has(nameKey(loc.city)))) continue;
    const range = incident.date ? dateRange(incident.date) : undefined;
    if (beforeDay !== undefined && range && (range[0] > beforeDay || beforeDay - range[1] > MAX_AGE_DAYS))
      continue;
    const killed = countValue(incident.killed) ?? 0;
    const score =
      incident.mentions.length * 10 +
      (incident.role === 'main' ? 5 : 0) +
      Math.log1p(killed) +
      (range ? 1 : 0);
    if (score > bestScore) {
      best = incident;
      bestScore = score;
    }
  }
  return best;
}

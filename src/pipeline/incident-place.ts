import type { Doc, Mention, PlaceRef } from '../doc.js';
import type { Gazetteer } from '../kb/gazetteer.js';
import { toPlaceRef } from './annotate-places.js';
import { ATTACK_NOUNS } from './lexicons/incident-cues.js';
import { EVENT_THRESHOLD, type SentenceSignals } from './sentence-signals.js';

// Where an incident happened: the most precise place its sentences name, the dateline as a
// fallback, towns the gazetteer does not list, and the places that are not the incident's
// (origins, routes, borders, reference points).

/** Countries' capitals, from the gazetteer. */
export interface Capitals {
  isCapital(p: PlaceRef): boolean;
  capitalOf(countryCode: string): PlaceRef | undefined;
}

/** No gazetteer at hand: no place is known to be a capital. */
export const NO_CAPITALS: Capitals = { isCapital: () => false, capitalOf: () => undefined };

/** Capitals as the gazetteer knows them. */
export function gazetteerCapitals(gazetteer: Gazetteer): Capitals {
  return {
    isCapital: (p) =>
      p.geonamesId !== undefined && gazetteer.capital(p.countryCode)?.geonamesId === p.geonamesId,
    capitalOf: (cc) => {
      const c = gazetteer.capital(cc);
      return c && toPlaceRef(c);
    },
  };
}

/** "in the centre of the capital", "in the capital late Monday" — not "the capital of Mali". */
const IN_THE_CAPITAL =
  /\b(?:in|of|at) the (?:(?:centre|center|heart|outskirts) of the )?capital\b(?!\s+of\b)/i;

/** Words that turn the rest of a sentence to another event: "a day after", "following". */
const OTHER_ATTACK_BEFORE = /\b(?:after|before|following|since)\b/i;

/**
 * The incident's place: the most precise place its sentences name (a city, else a region, else a
 * country), its own sentences before the report's lead, the dateline last. An event sentence that
 * places the attack "in the capital" names the capital of the country it names, else the dateline's
 * city when that is a capital.
 */
export function incidentLocation(
  dateline: { end: number; capitals: Capitals },
  ...groups: SentenceSignals[][]
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  const { isCapital, capitalOf } = dateline.capitals;
  const levels: ((p: PlaceRef, m: Mention) => boolean)[] = [
    (p) => p.city !== undefined,
    (p) => p.admin1 !== undefined,
    (p, m) => m.ruleId !== 'places:demonym',
    () => true,
  ];
  const usable = (x: Mention, s: SentenceSignals, skipDateline: boolean): boolean => {
    const before = s.text.slice(0, x.start - s.start);
    const after = s.text.slice(x.end - s.start);
    return (
      x.kind === 'place' &&
      x.place !== undefined &&
      !(skipDateline && x.start < dateline.end) &&
      !OTHER_EVENT.test(before.slice(-12)) &&
      !ROUTE.test(after) &&
      // "the Western District of Texas": part of a longer name.
      !/^ of (?:the )?[A-Z]/.test(after) &&
      !STREET.test(after) &&
      !(x.ruleId === 'places:demonym' && NATIONALITY.test(after.slice(0, 30))) &&
      !(skipDateline && ORIGIN.test(before.slice(-40))) &&
      // "killed Alice Hawthorne of Albany": a victim's hometown.
      !s.mentions.some(
        (p) => p.kind === 'person' && /^,? of $/.test(s.text.slice(p.end - s.start, x.start - s.start)),
      ) &&
      !BORDER.test(before.slice(-24)) &&
      !(x.place?.city && REGION_OF.test(before.slice(-40))) &&
      !(x.place?.city && RESIDENT.test(after.slice(0, 20))) &&
      // "I did it for Gaza": a place in quoted words yields to the dateline.
      !(skipDateline && s.mentions.some((q) => q.kind === 'quote' && q.start <= x.start && x.end <= q.end)) &&
      !DESTINATION.test(before.slice(-50)) &&
      !SAME_TIME_AS_ANOTHER_ATTACK.test(before) &&
      !(skipDateline && CUSTODY_AT.test(before.slice(-50))) &&
      !/\bbetween $/.test(before.slice(-9)) &&
      !DISTANCE_FROM.test(before.slice(-60))
    );
  };
  const capitalNamed = groups
    .flat()
    .some((s) => /\bthe (?:country's |nation's )?capital\b(?! of)/i.test(s.text));
  const atDateline = datelineCity(groups.flat(), dateline.end);
  for (const s of groups[0] ?? []) {
    const inCapital = IN_THE_CAPITAL.exec(s.text);
    // "a day after a bombing in the capital killed dozens": another attack's place.
    if (s.score < EVENT_THRESHOLD || !inCapital || OTHER_ATTACK_BEFORE.test(s.text.slice(0, inCapital.index)))
      continue;
    if (s.mentions.some((m) => m.kind === 'place' && m.place?.city && m.start >= dateline.end)) continue;
    const country = s.mentions.find(
      (m) => m.kind === 'place' && m.place && !m.place.city && !m.place.admin1 && m.start >= dateline.end,
    )?.place;
    const d = atDateline?.place;
    const city = country ? capitalOf(country.countryCode) : d && isCapital(d) ? d : undefined;
    if (city) return { place: city, sentence: s };
  }
  // The most precise place first; at each level, the incident's own sentences before the fallbacks;
  // a nationality ("Israeli citizenship") only when neither they nor the dateline name a place.
  for (const skipDateline of [true, false]) {
    for (const level of skipDateline ? levels.slice(0, -1) : levels) {
      for (const sentences of groups) {
        for (const s of sentences) {
          const m = s.mentions.find((x) => usable(x, s, skipDateline) && level(x.place!, x));
          if (!m?.place) continue;
          // "KARACHI, Pakistan (AP) — … at the University of Karachi": a report that names only
          // the region or the country takes its dateline's city there — unless the dateline is the
          // capital, where agencies file from whatever happened in the country, and the report
          // does not say "in the capital".
          const d = atDateline?.place;
          if (
            d &&
            !m.place.city &&
            (m.place.admin1 ? d.admin1 === m.place.admin1 : !isCapital(d) || capitalNamed) &&
            d.countryCode === m.place.countryCode
          )
            return atDateline;
          return { place: m.place, sentence: s };
        }
      }
    }
  }
  return undefined;
}

/**
 * "Saturday night's bombings on Bali", in a report filed from Jakarta that names Jakarta: the
 * region the attack words name wins over a city elsewhere; a city inside it that an event sentence
 * names wins over both (not "the hospital in Denpasar").
 */
export function attackPhraseRegion(
  doc: Doc,
  lead: SentenceSignals | undefined,
  sentences: SentenceSignals[],
  listed: { place: PlaceRef; sentence: SentenceSignals } | undefined,
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  if (!lead || !listed?.place.city) return undefined;
  const region = lead.mentions.find(
    (m) =>
      m.kind === 'place' &&
      m.place !== undefined &&
      m.place.city === undefined &&
      m.place.admin1 !== undefined &&
      ATTACK_PLACE.test(doc.text.slice(Math.max(lead.start, m.start - 30), m.start)),
  )?.place;
  if (!region || region.admin1 === listed.place.admin1) return undefined;
  for (const s of sentences.filter((x) => x.score >= EVENT_THRESHOLD))
    for (const m of s.mentions)
      if (m.kind === 'place' && m.place?.city && m.place.admin1 === region.admin1)
        return { place: m.place, sentence: s };
  return { place: region, sentence: lead };
}

/** The words before a place the attack words name: "bombings on ", "the attack in ". */
const ATTACK_PLACE = new RegExp(`\\b(?:${ATTACK_NOUNS}) (?:on|in) (?:the )?$`, 'i');

/**
 * "OKLAHOMA CITY — Federal agents charged McVeigh with the bombing of the federal building here":
 * the lead places its attack at the dateline's city.
 */
export function hereAtDateline(
  doc: Doc,
  lead: SentenceSignals | undefined,
  signals: SentenceSignals[],
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  if (!lead || !/\bhere\b/i.test(lead.text)) return undefined;
  return datelineCity(signals.slice(0, 1), datelineEnd(doc.text));
}

/** The city a wire dateline names ("KARACHI, Pakistan (AP) —", ending at `end`), with its sentence. */
function datelineCity(
  sentences: SentenceSignals[],
  end: number,
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  for (const s of sentences) {
    const m = s.mentions.find((x) => x.kind === 'place' && x.start < end && x.place?.city !== undefined);
    if (m?.place) return { place: m.place, sentence: s };
  }
  return undefined;
}

/** "the Jammu-Srinagar highway": a place naming a route, not where the incident was. */
const ROUTE = /^[-–—][A-Z][\w'’-]* (?:highway|road|motorway|expressway|railway|pipeline)\b/;

/** "a Tunisian man", "the Moroccan suspect": a person's nationality, not where anything happened. */
const NATIONALITY =
  /^[- ](?:[\w-]+ )?(?:man|woman|men|women|national|nationals|citizen|citizens|suspect|suspects|immigrant|immigrants|migrant|migrants|asylum[- ]seeker|driver|student|tourists?|worker|workers|father|mother|brother|sister|parents|origin|descent|-born|born)\b/i;

/**
 * "a man from Leeds", "Hodgkinson, 66, of Belleville", "five friends from Rosario, Argentina":
 * where someone comes from, used only when no other place is named.
 */
const ORIGIN = /\b(?:from|\d+, of) (?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, )?$/;

/**
 * "the apartment block on Kashirskoye highway", "Baker Street": a road named after a place (not
 * "a crowded São Paulo street", a street in the city).
 */
const STREET = /^ (?:highway|motorway|expressway|Street|Road|Avenue|Boulevard|Highway|Lane)\b/;

/** "Karak, about 120 km (75 miles) south of Amman", "Bad Homburg, north of Frankfurt": a reference point, not the place. */
const DISTANCE_FROM =
  /\b(?:(?:km|kilometres|kilometers|miles)\b(?:\s*\([^)]*\))?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)|,\s+(?:just\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+$/i;

/** "the wounded were flown to Kathmandu", "taken to hospitals in Quetta": where victims were brought. */
const DESTINATION =
  /\b(?:flown|taken|rushed|airlifted|evacuated|transferred|brought|driven) (?:by [\w-]+ )?to (?:(?:a |the )?(?:[\w-]+ )?(?:hospitals?|clinics?) in )?$/i;

/**
 * "the Andean department of Ayacucho", "the southern district of Chitwan": a region named like its
 * capital, not the city ("the Braunsfeld district of Cologne" is in the city).
 */
const REGION_OF =
  /\b(?:[Dd]epartment|[Pp]rovince|[Ss]tate|[Rr]egion|[Gg]overnorate|[Cc]ounty|[Pp]refecture) of $|\bthe (?:[a-z-]+ )?district of $/;

/** "A Chicago man was charged": where someone lives, not where the incident was. */
const RESIDENT =
  /^ (?:man|woman|men|women|resident|residents|native|teenager|youth|couple|family|businessman)\b/;

/** "arrested in Marseille on suspicion of …", "shot at a firing range near Massaguet": where a suspect was held or punished. */
const CUSTODY_AT =
  /\b(?:arrested|detained|held|captured|caught|jailed|tried|sentenced|hanged|executed|extradited|(?:shot|executed) at a firing range) (?:[\w-]+ ){0,3}?(?:in|at|near) $/i;

/** "The bombing came on the same morning that gunmen attacked a maternity hospital in Kabul": another attack's place. */
const SAME_TIME_AS_ANOTHER_ATTACK = /\bsame (?:day|morning|night|evening|afternoon|week) (?:that|as|when)\b/i;

/** "near the border with Niger": the neighbouring country is not where the incident was. */
const BORDER = /\b(?:border|frontier|borders) (?:with )?$/i;

/** "the 2005 London bombings": a place after a year names another, earlier event. */
const OTHER_EVENT = /\b(?:1[89]|20)\d\d\s+$/;

/**
 * "the village of Mukondi", "the settlement of Eli", "at Koshobe, a farming village", "the base at
 * Inates", "near Madi in the southern district of Chitwan", "struck Solhan, in Yagha province",
 * "near Elwak town in Mandera County": a named place the sentence gives as such.
 */
const NAMED_PLACE =
  /\b(?:town|village|city|settlement|district|hamlet|camp|locality|area) of ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2})|\b(?:at|in) ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2}), an? (?:[\w-]+ ){0,2}(?:village|town|hamlet|settlement|suburb|township|neighbou?rhood)\b|\b(?:base|camp|barracks|outpost|property|farm|plant|complex|compound) (?:at|in|near) ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2})|\b(?:at|in|near) ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2}) in the (?:[\w-]+ )?(?:district|province|region|county|state|governorate) of\b|\b(?:at|in|near) ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2}), (?:about |some |around |nearly )?[\w-]+ (?:miles|km|kilometres|kilometers)\b|\bthe ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+)?) (?:air |military |army |naval )?(?:base|air base|airbase|barracks)\b|\b(?:struck|attacked|raided|stormed|surrounded|overran) ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2}), (?:a |an |in |near )|\bnear ((?:\p{Lu}[\p{L}\p{N}'’-]+)(?: \p{Lu}[\p{L}\p{N}'’-]+){0,2}) (?:in \p{Lu}[\p{L}\p{N}'’-]+['’]s\b|town\b|village\b)/u;

/** "the main U.S. military base in Africa": a continent or wide region is no town. */
const WIDE_REGIONS =
  /^(?:Africa|Europe|Asia|America|North America|South America|Latin America|Central America|Middle East|Caucasus|Balkans|Sahel|Maghreb|Levant|Arctic|Antarctica|Oceania)$/;

/**
 * An attack in a town the gazetteer does not list (GeoNames holds places above 1,000 people): the
 * town's name as the text gives it, with the coordinates of its region or country (those of the
 * sentence, else `around`: the region or country the report places the incident in), marked
 * approximate — rather than another city the report happens to name.
 */
export function unlistedPlace(
  events: SentenceSignals[],
  around?: PlaceRef,
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  for (const s of events) {
    const m = NAMED_PLACE.exec(s.text);
    const name = m?.slice(1).find((g) => g !== undefined);
    if (!m || !name || WIDE_REGIONS.test(name)) continue;
    const start = s.start + m.index + m[0].indexOf(name);
    const places = s.mentions.filter((x) => x.kind === 'place' && x.place);
    // A listed city is no unlisted town; a region of that name ("the city of Karak", capital of
    // Karak governorate) is the town's region; "the Russian air base" names no town.
    const overlapping = places.filter((x) => x.start < start + name.length && start < x.end);
    if (overlapping.some((x) => x.place!.city !== undefined || x.ruleId === 'places:demonym')) continue;
    const region =
      places.find((x) => x.place!.admin1 && !x.place!.city)?.place ??
      places.find((x) => !x.place!.city)?.place ??
      places[0]?.place ??
      around;
    if (!region) continue;
    const { country, countryCode, lat, lon, admin1 } = region;
    return {
      place: { city: name, ...(admin1 ? { admin1 } : {}), country, countryCode, lat, lon, approximate: true },
      sentence: s,
    };
  }
  return undefined;
}

/** End of a wire-style dateline at the start of the text ("MOGADISHU, Somalia (AP) — "), or 0. */
export function datelineEnd(text: string): number {
  const m =
    /^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*(?:\([\w .]{1,20}\))?\s*[—–-]{1,2}\s/.exec(
      text,
    );
  return m ? m[0].length : 0;
}

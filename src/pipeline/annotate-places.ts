import type { Doc, Mention, Message, PlaceRef } from '../doc.js';
import type { Gazetteer, Place } from '../kb/gazetteer.js';
import { nameKey, startsUpper, wordsOf, type Word } from '../text/normalize.js';
import type { PhraseMatch } from '../text/phrase-index.js';
import { firstTokenEndingAfter, overlapsAny, sentenceAt, sortMentions } from './context.js';

/** Words after a place name that keep it a place ("Kano State", "Nangarhar province"). */
const REGION_WORDS = new Set(
  'province provinces state region district county governorate city town village oblast prefecture department municipality area border capital'.split(
    ' ',
  ),
);
/** Venues named after their city keep the city a place ("Manchester Arena", "Kabul Airport"). */
const VENUE_WORDS = new Set(
  'arena stadium airport station metro mosque mosques synagogue church cathedral temple bazaar market mall hotel university college marathon festival carnival parade beach theatre theater'.split(
    ' ',
  ),
);
/** Words after a city that make it a sports club ("Liverpool forward Luis Diaz", "Barcelona coach"). */
const CLUB_WORDS = new Set(
  'forward striker midfielder defender goalkeeper winger fc coach manager captain fans supporters squad'.split(
    ' ',
  ),
);
/** Capitalised titles after a country or demonym that keep it a place ("Turkish President"). */
const TITLE_WORDS = new Set(
  'president presidential prime foreign defence defense interior vice deputy minister secretary ambassador senator chancellor king queen prince princess crown leader premier sultan emir governor mayor chief general army navy police troops forces military'.split(
    ' ',
  ),
);
/** Capitalised words before a place that keep it a place ("South London", "Greater Manchester"). */
const DIRECTIONS = new Set(
  'north south east west northern southern eastern western central greater upper lower downtown'.split(' '),
);
/** Words before a place that show a location is meant. */
const LOCATIVES = new Set(
  'in at near outside from to into across around between towards toward via inside through throughout of within off northern southern eastern western central north south east west'.split(
    ' ',
  ),
);
/** "University of Sydney": a place after "<institution> of" names the institution, not a location. */
const INSTITUTIONS = new Set(
  'university college bank institute school museum church archdiocese diocese academy hospital council chamber'.split(
    ' ',
  ),
);
/** Nouns that announce place names ("the towns damaged were Carrascal, Cantilan and Madrid"). */
const PLACE_NOUNS = new Set(
  'town towns city cities village villages municipality municipalities district districts province provinces suburb suburbs area areas'.split(
    ' ',
  ),
);
/** Cities at least this large are meant before a region of the same name elsewhere. */
const LARGE_CITY = 250_000;
/** Cities smaller than this need a locative word, a qualifier, a place noun or their country in the sentence. */
const SMALL_CITY = 50_000;

interface Candidate {
  match: PhraseMatch<number>;
  /** Places left after filtering, best first once resolved. */
  places: Place[];
}

/**
 * Places (countries, first-level regions, cities, demonyms) from the gazetteer.
 * Case-aware (names must be capitalised and tagged as proper nouns where they could be words),
 * skips spans already claimed by actors, names inside longer proper names ("New York Times",
 * "Paris Hilton") and stop-listed words, and resolves ambiguous names by context: a qualifier
 * ("Ithaca, New York"), countries named in the document, then population.
 */
export function annotatePlaces(doc: Doc, gazetteer: Gazetteer): Doc {
  const text = doc.text;
  const { words } = wordsOf(text);
  const taken = doc.mentions;
  const surnames = surnamesIn(doc, words);
  const found: Candidate[] = [];
  for (const match of gazetteer.index.findAll(text, (m) => plausible(doc, words, m, gazetteer, surnames))) {
    const national = match.values.some((n) => ['country', 'demonym'].includes(gazetteer.place(n).kind));
    // A country inside a descriptive actor name ("Turkish military", "U.S. forces") is still a place;
    // inside a proper name ("Islamic State of Iraq") it is not.
    const blocking = national
      ? taken.filter((m) => !(m.start === match.start && /^\S+\s+\p{Ll}/u.test(m.text)))
      : taken;
    if (overlapsAny(blocking, match.start, match.end)) continue;
    found.push({ match, places: match.values.map(gazetteer.place) });
  }

  // Countries the document names without doubt anchor the other names.
  const anchors = new Map<string, number[]>();
  const addAnchor = (cc: string, at: number): void => {
    anchors.set(cc, [...(anchors.get(cc) ?? []), at]);
  };
  for (const c of found) {
    const kinds = new Set(c.places.map((p) => p.kind));
    const ccs = new Set(c.places.map((p) => p.countryCode));
    if (ccs.size === 1 && !kinds.has('city')) addAnchor(c.places[0]!.countryCode, c.match.start);
  }

  const messages: Message[] = [];
  const mentions: Mention[] = [];
  for (let i = 0; i < found.length; i++) {
    const c = found[i]!;
    const next = found[i + 1];
    const prev = found[i - 1];
    // "Ithaca, New York": a following region or country that contains one of the candidates.
    const qualifier =
      next &&
      /^,\s?$/.test(text.slice(c.match.end, next.match.start)) &&
      c.places.some((p) => next.places.some((q) => contains(q, p)))
        ? next
        : undefined;
    const qualified =
      prev &&
      /^,\s?$/.test(text.slice(prev.match.end, c.match.start)) &&
      c.places.some((p) => prev.places.some((q) => contains(p, q)))
        ? prev
        : undefined;
    const sentence = sentenceAt(doc, c.match.start);
    // "Canadian" is the demonym, not Canadian (Texas), unless a qualifier follows.
    const national = c.places.some((p) => p.kind === 'country' || p.kind === 'demonym');
    const venueCity = venueNamed(text, words, c.match) && c.places.some((p) => p.kind === 'city');
    const options = venueCity
      ? c.places.filter((p) => p.kind === 'city')
      : national && !qualifier
        ? c.places.filter((p) => p.kind !== 'city')
        : c.places;
    const ranked = rank(options, (p) => {
      let s = base(p);
      if (qualifier && qualifier.places.some((q) => contains(q, p))) s += 100;
      if (qualified && p.kind !== 'city' && qualified.places.some((q) => contains(p, q))) s += 50;
      const at = anchors.get(p.countryCode);
      if (at) s += 20 + (at.some((o) => o >= sentence.start && o < sentence.end) ? 10 : 0);
      return s;
    });
    const best = ranked[0]!;
    // "the Shangri-La hotel" in a report on Sri Lanka: a venue's brand, not the Chinese city; "the
    // Vista Hotel" in a report on New York: a venue's name, not the Californian town.
    if (
      venueCity &&
      best.population < LARGE_CITY &&
      ((anchors.size > 0 && !anchors.has(best.countryCode)) || namesVenueElsewhere(text, found, c, best))
    )
      continue;
    if (best.kind === 'city' && best.population < SMALL_CITY) {
      const locative = LOCATIVES.has(wordAt(text, words, c.match.wordIndex - 1).toLowerCase());
      const listed = placeNounBefore(text, words, c.match.wordIndex, sentence.start);
      const anchoredHere = anchors
        .get(best.countryCode)
        ?.some((o) => o >= sentence.start && o < sentence.end);
      if (!locative && !qualifier && !listed && !anchoredHere) continue;
      // "stormed the Dubrovka theatre": a small town's name on a venue elsewhere, unless the
      // venue is said to be there ("in the Kuta Beach strip").
      const article = /^(?:the|a|an)$/i.test(wordAt(text, words, c.match.wordIndex - 1));
      const placedVenue =
        locative || (article && LOCATIVES.has(wordAt(text, words, c.match.wordIndex - 2).toLowerCase()));
      if (venueCity && !placedVenue && !qualifier) continue;
    }
    const rival = ranked.find((p) => p.countryCode !== best.countryCode);
    if (
      rival &&
      best.kind === 'city' &&
      rival.kind === 'city' &&
      !anchors.has(best.countryCode) &&
      !qualifier
    )
      messages.push({
        ruleId: 'places:ambiguous',
        reason: `"${text.slice(c.match.start, c.match.end)}" could be in ${best.country} or ${rival.country}; chose the larger`,
        severity: 'info',
        span: { start: c.match.start, end: c.match.end },
      });
    c.places = ranked;
    mentions.push({
      kind: 'place',
      start: c.match.start,
      end: c.match.end,
      text: text.slice(c.match.start, c.match.end),
      place: toPlaceRef(best),
      ruleId: `places:${best.kind}`,
    });
  }
  return {
    ...doc,
    mentions: sortMentions([...doc.mentions, ...mentions.map((m) => capitalNamed(text, m, gazetteer) ?? m)]),
    messages: [...doc.messages, ...messages],
  };
}

/**
 * "the Vista Hotel" in a report that names another city of that country: a hotel, mall or theatre
 * takes other places' names (an airport, a church or a market bearing a town's name is usually in it).
 */
function namesVenueElsewhere(text: string, found: Candidate[], c: Candidate, best: Place): boolean {
  const nextWord = /^\s+([\w-]+)/.exec(text.slice(c.match.end, c.match.end + 30))?.[1]?.toLowerCase() ?? '';
  if (!/^(?:hotel|mall|theatre|theater)$/.test(nextWord)) return false;
  const surface = text.slice(c.match.start, c.match.end);
  return found.some(
    (o) =>
      text.slice(o.match.start, o.match.end) !== surface &&
      o.places.some((p) => p.kind === 'city' && p.countryCode === best.countryCode),
  );
}

/** "the Somali capital", "Afghanistan's capital": the capital city, not the country. */
const CAPITAL_AFTER =
  /^(?:['’]s)? capital\b(?!s| punishment| markets?| gains?| flight| investment| expenditure| controls?)/;

function capitalNamed(text: string, m: Mention, gazetteer: Gazetteer): Mention | undefined {
  if (!['places:country', 'places:demonym'].includes(m.ruleId ?? '') || !m.place) return undefined;
  const after = CAPITAL_AFTER.exec(text.slice(m.end, m.end + 40));
  const city = after ? gazetteer.capital(m.place.countryCode) : undefined;
  if (!after || !city) return undefined;
  const end = m.end + after[0].length;
  return { ...m, end, text: text.slice(m.start, end), place: toPlaceRef(city), ruleId: 'places:capital' };
}

/** Makes of vehicles that are also towns (Mercedes in Uruguay, Toyota in Japan). */
const VEHICLE_MAKES = new Set(['mercedes', 'toyota', 'lincoln', 'mazda', 'daihatsu', 'suzuka']);

/** A match that may be a place at all, judged on its surroundings. */
function plausible(
  doc: Doc,
  words: Word[],
  m: PhraseMatch<number>,
  gazetteer: Gazetteer,
  surnames: Set<string>,
): boolean {
  const text = doc.text;
  const surface = text.slice(m.start, m.end);
  // A wire dateline ("MADISON, Wis. —", "BRISBANE —") names a place, whatever else the word may be.
  if (m.start === 0 && /^[A-Z][A-Z .'’-]+$/.test(surface) && /^(?:,|\s*[—–-])/.test(text.slice(m.end)))
    return true;
  if (gazetteer.stopwords.has(surface.toLowerCase())) return false;
  if (!startsUpper(surface)) return false;
  const kinds = m.values.map((n) => gazetteer.place(n).kind);
  const onlyCities = kinds.every((k) => k === 'city');
  const national = kinds.some((k) => k === 'country' || k === 'demonym');
  // Capitalised common words ("Police said", "Nice to") are not tagged as proper nouns; after a
  // locative ("a church in Charleston") a capitalised word is a name whatever its tag.
  const locative = m.wordIndex > 0 && LOCATIVES.has(wordAt(text, words, m.wordIndex - 1));
  if (onlyCities && !properNounInside(doc, m.start, m.end) && !locative) return false;
  // "his armoured Mercedes", "a Toyota pickup": a make of vehicle, unless said to be a place.
  if (onlyCities && VEHICLE_MAKES.has(surface.toLowerCase()) && !locative) return false;
  // "Bolton said", after "John Bolton": a surname, not the town.
  if (onlyCities && m.wordCount === 1 && surnames.has(surface)) return false;
  // Inside a longer proper name: "New York Times", "Jordan Peterson", "Lake Victoria".
  const after = words[m.wordIndex + m.wordCount];
  if (
    onlyCities &&
    after &&
    text.slice(m.end, after.start) === ' ' &&
    CLUB_WORDS.has(wordAt(text, words, m.wordIndex + m.wordCount).toLowerCase())
  )
    return false;
  // "Gerald R. Ford", "George W. Bush": an initial next to the name makes it a person's.
  if (after && /^ [A-Z]\.$/.test(text.slice(m.end, after.end + 1))) return false;
  if (
    /[A-Z]\. $/.test(text.slice(Math.max(0, m.start - 3), m.start)) &&
    /(?:^|\s)[A-Z]\. $/.test(text.slice(Math.max(0, m.start - 4), m.start))
  )
    return false;
  if (after && /^ $/.test(text.slice(m.end, after.start)) && isNameWord(doc, after)) {
    const next = text.slice(after.start, after.end).toLowerCase();
    // "Afghan Taliban": a national adjective before a known actor is still a place.
    const actorNext = national && doc.mentions.some((x) => x.start === after.start);
    // "Manchester Arena", "a Berlin Christmas market": a venue named after its city.
    const venue = kinds.includes('city') && venueNamed(text, words, m);
    if (!REGION_WORDS.has(next) && !venue && !(national && TITLE_WORDS.has(next)) && !actorNext) return false;
  }
  const before = words[m.wordIndex - 1];
  if (before && /^ $/.test(text.slice(before.end, m.start)) && isNameWord(doc, before)) {
    const word = text.slice(before.start, before.end);
    // "South London" and "Afghanistan's Maidan Wardak" are places; "Lake Victoria" is not a city.
    if (!DIRECTIONS.has(word.toLowerCase()) && !/['’]s$/.test(word)) return false;
  }
  if (before && text.slice(before.start, before.end) === 'of') {
    const head = wordAt(text, words, m.wordIndex - 2).toLowerCase();
    if (INSTITUTIONS.has(head)) return false;
  }
  return true;
}

/**
 * Words the document uses as surnames: the last word of a run of two or more capitalised proper
 * nouns that is not itself a known name ("John Bolton" → "Bolton"), or a word after a title ("Mr Bryant").
 */
function surnamesIn(doc: Doc, words: Word[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1]!;
    if (!/^ $/.test(doc.text.slice(prev.end, w.start)) || !isNameWord(doc, w)) continue;
    const prevText = doc.text.slice(prev.start, prev.end);
    const next = words[i + 1];
    const nextIsName = next && /^ $/.test(doc.text.slice(w.end, next.start)) && isNameWord(doc, next);
    if (nextIsName) continue;
    if (
      /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Sgt|Lt|Capt|Prof)$/.test(prevText) ||
      (isNameWord(doc, prev) && !DIRECTIONS.has(prevText.toLowerCase()) && !/['’]s$/.test(prevText))
    )
      out.add(doc.text.slice(w.start, w.end));
  }
  return out;
}

/** A capitalised word tagged as a proper noun (sentence-initial function words are not). */
function isNameWord(doc: Doc, w: Word): boolean {
  const s = doc.text.slice(w.start, w.end);
  if (!startsUpper(s)) return false;
  const i = firstTokenEndingAfter(doc, w.start);
  return doc.tokens[i]?.pos === 'PROPN';
}

function properNounInside(doc: Doc, start: number, end: number): boolean {
  for (let i = firstTokenEndingAfter(doc, start); i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (t.start >= end) break;
    if (t.pos === 'PROPN') return true;
  }
  return false;
}

/**
 * A venue word right after the name, or after one more name word, each a space apart ("Manchester
 * Arena", "Berlin Christmas market").
 */
function venueNamed(text: string, words: Word[], m: PhraseMatch<number>): boolean {
  let end = m.end;
  for (const k of [0, 1]) {
    const w = words[m.wordIndex + m.wordCount + k];
    if (!w || text.slice(end, w.start) !== ' ') return false;
    if (VENUE_WORDS.has(text.slice(w.start, w.end).toLowerCase())) return true;
    end = w.end;
  }
  return false;
}

/** A place noun within the eight words before word `i`, in the same sentence. */
function placeNounBefore(text: string, words: Word[], i: number, sentenceStart: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
    const w = words[j]!;
    if (w.start < sentenceStart) break;
    if (PLACE_NOUNS.has(text.slice(w.start, w.end).toLowerCase())) return true;
  }
  return false;
}

function wordAt(text: string, words: Word[], i: number): string {
  const w = words[i];
  return w ? text.slice(w.start, w.end) : '';
}

/** Prior preference: countries, then regions, then cities by size. */
function base(p: Place): number {
  switch (p.kind) {
    case 'country':
      return 12;
    case 'demonym':
      return 11 + Math.log10(p.population + 1) / 10;
    case 'admin1':
      return 6;
    case 'city':
      // A city that gives its region its name ("Zürich", Canton of Zurich) is the one meant, and
      // a large city is meant before a foreign region of its name ("Manchester", not the parish).
      return (
        Math.log10(p.population + 1) +
        (p.admin1 && namesRegion(p.name, p.admin1) ? 1.5 : 0) +
        (p.population >= LARGE_CITY ? 0.5 : 0)
      );
  }
}

/** Whether a region's name contains the city's name as whole words ("Canton of Zurich", "Kabul"). */
function namesRegion(city: string, region: string): boolean {
  const c = nameKey(city);
  const r = nameKey(region);
  const at = r.indexOf(c);
  return (
    at >= 0 && (at === 0 || r[at - 1] === ' ') && (at + c.length === r.length || r[at + c.length] === ' ')
  );
}

/** True when `outer` (a country or region) contains `inner`. */
function contains(outer: Place, inner: Place): boolean {
  if (outer.countryCode !== inner.countryCode) return false;
  if (outer.kind === 'country' || outer.kind === 'demonym') return inner.kind !== 'country';
  if (outer.kind === 'admin1') return inner.kind === 'city' && inner.admin1Code === outer.admin1Code;
  return false;
}

function rank(places: Place[], score: (p: Place) => number): Place[] {
  return places
    .map((p) => ({ p, s: score(p) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.p);
}

/** The public shape of a place (DESIGN.md `location`). */
/** The reference mentions and incidents carry for a gazetteer place. */
export function toPlaceRef(p: Place): PlaceRef {
  const ref: PlaceRef = { country: p.country, countryCode: p.countryCode, lat: p.lat, lon: p.lon };
  if (p.kind === 'city') ref.city = p.name;
  if (p.admin1 && p.kind !== 'country' && p.kind !== 'demonym') ref.admin1 = p.admin1;
  if (p.geonamesId !== undefined && p.kind !== 'demonym') ref.geonamesId = p.geonamesId;
  return ref;
}

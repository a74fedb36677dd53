import type { PlaceRef } from '../../doc.js';
import type { Gazetteer, Place } from '../../kb/gazetteer.js';
import type { KbEntry } from '../../kb/kb-schema.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { ActorRef, Evidence, Extraction, IncidentMention } from '../../pipeline/extraction.js';
import { distanceKm } from '../../pipeline/incident-similarity.js';
import { PIPELINE_VERSION } from '../../services/ingest.js';
import { contentHash, documentId } from '../../store/document-id.js';
import type { DocumentWrite, StoredDocument } from '../../store/store.js';
import { nameKey } from '../../text/normalize.js';
import type { DocumentSource, Tlp } from '../source-document.js';

/** An incident's fields as a dataset row gives them (an incident mention without id and evidence). */
export type DatasetIncident = Omit<IncidentMention, 'id' | 'evidence'>;

/** What one dataset row or STIX object becomes: a document with one structured incident (or none). */
export interface DatasetDocument {
  /** `gtd`, `acled`, `stix`: with `key`, what makes the document one of its kind. */
  dataset: string;
  /** The record's own id in its dataset (GTD eventid, ACLED event_id_cnty, STIX id). */
  key: string;
  source: DocumentSource;
  title: string;
  text: string;
  publishedAt?: string;
  marking: Tlp;
  meta: Record<string, unknown>;
}

/** The id a dataset document is stored under: a hash of its dataset, its key and its text. */
export function datasetDocumentId(d: Pick<DatasetDocument, 'dataset' | 'key' | 'text'>): string {
  return documentId({ kind: 'dataset', path: `${d.dataset}:${d.key}` }, d.text);
}

/**
 * The stored document of a dataset record. Its content hash covers the dataset and the record's
 * key as well as the text, so that two records with the same summary are two documents while the
 * same record imported twice is stored once.
 */
export function datasetStoredDocument(d: DatasetDocument, retrievedAt: string): StoredDocument {
  const document: StoredDocument = {
    id: datasetDocumentId(d),
    contentHash: contentHash(`${d.dataset}:${d.key}\n${d.text}`),
    source: d.source,
    title: d.title,
    text: d.text,
    marking: d.marking,
    retrievedAt,
    meta: d.meta,
  };
  if (d.publishedAt) document.publishedAt = d.publishedAt;
  return document;
}

/**
 * A dataset record with its one incident, ready to store: the incident is the document's main
 * incident (`<doc id>:i1`), its evidence is the record's text (one item, field `record`: every
 * field comes from the record as a whole, and one copy keeps a 200,000-row import small), and the
 * knowledge-base actors it names are the document's entities.
 */
export function datasetWrite(
  d: DatasetDocument,
  incident: DatasetIncident,
  retrievedAt: string,
): DocumentWrite {
  const document = datasetStoredDocument(d, retrievedAt);
  const evidence: Evidence[] = [{ field: 'record', start: 0, end: d.text.length, text: d.text }];
  const entities = new Map<string, Extraction['entities'][number]>();
  for (const a of [...incident.perpetrators, ...incident.claimedBy])
    if (a.id && !entities.has(a.id))
      entities.set(a.id, { id: a.id, kind: a.kind ?? 'group', name: a.name, spans: spansOf(d.text, a) });
  const extraction: Extraction = {
    id: document.id,
    incidents: [{ id: `${document.id}:i1`, ...incident, evidence }],
    statements: [],
    links: [],
    entities: [...entities.values()],
    messages: [],
  };
  return { document, extraction, pipelineVersion: PIPELINE_VERSION };
}

/** Where the text names an actor (by the words the dataset used), for the document's entities. */
function spansOf(text: string, a: ActorRef): [number, number][] {
  const words = a.text ?? a.name;
  const at = text.indexOf(words);
  return at === -1 ? [] : [[at, at + words.length]];
}

/**
 * Dataset actor names to knowledge-base groups: by the GTD spelling (`gtdName`), then by name or
 * alias; a name the knowledge base does not know is kept as an unknown group. Cached by name.
 */
export class ActorMatcher {
  private readonly byGtdName = new Map<string, KbEntry>();
  private readonly cache = new Map<string, ActorRef>();

  constructor(private readonly kb: KnowledgeBase) {
    for (const e of kb.byId.values())
      if ('gtdName' in e && e.gtdName) this.byGtdName.set(nameKey(e.gtdName), e);
  }

  /** Whether the knowledge base has an entity with this id. */
  knows(id: string): boolean {
    return this.kb.byId.has(id);
  }

  /** The actor a dataset names: a knowledge-base entity when one has the name, else `{id: null, name, kind: 'group'}`. */
  match(name: string): ActorRef {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const entry = this.find(name);
    const ref: ActorRef = entry
      ? { id: entry.id, name: entry.name, kind: entry.kind, text: name }
      : { id: null, name, kind: 'group', text: name };
    this.cache.set(name, ref);
    return ref;
  }

  private find(name: string): KbEntry | undefined {
    // ACLED adds the country or a date range in brackets ("Islamic State (Iraq)", "… (1989-)") and
    // writes "JNIM: Group for Support of Islam and Muslims", "Boko Haram - Jamaatu Ahli is-Sunnah…".
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const candidates = [name, bare, ...bare.split(/\s*:\s+|\s+-\s+/)].filter((n) => n.length > 1);
    for (const n of candidates) {
      const gtd = this.byGtdName.get(nameKey(n));
      if (gtd) return gtd;
      const hit = this.kb.names
        .lookup(n)
        .find((h) => !h.ambiguous && (h.entry.kind === 'group' || h.entry.kind === 'state-body'));
      if (hit) return hit.entry;
    }
    return undefined;
  }
}

/** Country names of datasets that the gazetteer does not know: former states and GTD's spellings. */
const COUNTRY_CODES: Record<string, string> = {
  'west germany (frg)': 'DE',
  'east germany (gdr)': 'DE',
  'soviet union': 'SU',
  yugoslavia: 'YU',
  czechoslovakia: 'CS',
  'serbia-montenegro': 'RS',
  zaire: 'CD',
  rhodesia: 'ZW',
  'south vietnam': 'VN',
  'north yemen': 'YE',
  'south yemen': 'YE',
  "people's republic of the congo": 'CG',
  'republic of the congo': 'CG',
  'democratic republic of the congo': 'CD',
  'bosnia-herzegovina': 'BA',
  'west bank and gaza strip': 'PS',
  'ivory coast': 'CI',
  'east timor': 'TL',
  'slovak republic': 'SK',
  'new hebrides': 'VU',
  'vatican city': 'VA',
  macau: 'MO',
  kosovo: 'XK',
};

/** A place as a dataset row gives it. */
export interface DatasetPlace {
  country: string;
  /** ISO alpha-2 code when the dataset gives one (ACLED's numeric `iso`, converted). */
  countryCode?: string;
  admin1?: string;
  city?: string;
  lat?: number;
  lon?: number;
}

/** A gazetteer city farther than this from the dataset's coordinates is another town of the same name. */
const SAME_CITY_KM = 50;

/**
 * Dataset places to Vigil's: the country by name (the gazetteer's, or a former state's code), the
 * city from the gazetteer when one of that name lies in the country (near the dataset's
 * coordinates when it gives them: the GeoNames id lets resolution match news reports of the same
 * town), the dataset's coordinates when it has them, else the city's, else the country's (then
 * marked approximate).
 */
export class PlaceMatcher {
  private readonly countries = new Map<string, Place | { country: string; countryCode: string } | null>();
  private readonly cities = new Map<string, Place[]>();

  constructor(private readonly gazetteer: Gazetteer) {}

  /** The place of a dataset row, or null when its country is unknown ("International"). */
  match(p: DatasetPlace): PlaceRef | null {
    const country = this.country(p.country, p.countryCode);
    if (!country) return null;
    const code = country.countryCode;
    const cityName = p.city && !/^unknown$/i.test(p.city) ? p.city : undefined;
    const hasCoords = p.lat !== undefined && p.lon !== undefined;
    const city = cityName ? this.city(cityName, code, hasCoords ? [p.lat!, p.lon!] : undefined) : undefined;
    const centre = 'lat' in country ? country : undefined;
    const lat = hasCoords ? p.lat! : (city?.lat ?? centre?.lat);
    const lon = hasCoords ? p.lon! : (city?.lon ?? centre?.lon);
    if (lat === undefined || lon === undefined) return null;
    const place: PlaceRef = { country: country.country, countryCode: code, lat, lon };
    const admin1 = city?.admin1 ?? (p.admin1 && !/^unknown$/i.test(p.admin1) ? p.admin1 : undefined);
    if (admin1) place.admin1 = admin1;
    if (city) {
      place.city = city.name;
      if (city.geonamesId !== undefined) place.geonamesId = city.geonamesId;
    } else if (cityName) place.city = cityName;
    if (!hasCoords && !city) place.approximate = true;
    return place;
  }

  private country(name: string, code?: string): Place | { country: string; countryCode: string } | null {
    const key = `${name}|${code ?? ''}`;
    const cached = this.countries.get(key);
    if (cached !== undefined) return cached;
    const byCode = code ? this.gazetteer.countries.get(code) : undefined;
    const byName = this.gazetteer.index
      .lookup(name)
      .map((n) => this.gazetteer.place(n))
      .find((p) => p.kind === 'country');
    const former = COUNTRY_CODES[name.trim().toLowerCase()];
    const found =
      byCode ??
      byName ??
      (former ? (this.gazetteer.countries.get(former) ?? { country: name, countryCode: former }) : null);
    this.countries.set(key, found);
    return found;
  }

  private city(name: string, countryCode: string, near?: [number, number]): Place | undefined {
    const key = `${countryCode}|${name}`;
    let found = this.cities.get(key);
    if (!found) {
      found = this.gazetteer.index
        .lookup(name)
        .map((n) => this.gazetteer.place(n))
        .filter((p) => p.kind === 'city' && p.countryCode === countryCode)
        .sort((a, b) => b.population - a.population);
      this.cities.set(key, found);
    }
    if (!near) return found[0];
    return found.find((p) => distanceKm(p, { lat: near[0], lon: near[1] }) <= SAME_CITY_KM);
  }
}

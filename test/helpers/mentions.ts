import type { PlaceRef } from '../../src/doc.js';
import type { Tlp } from '../../src/ingest/source-document.js';
import type { Extraction, IncidentMention, StatementMention } from '../../src/pipeline/extraction.js';
import type { ExtractionRecord, IncidentRecord } from '../../src/pipeline/resolution.js';

/** Places used by the resolution tests, with their real coordinates. */
export const PLACES = {
  christchurch: {
    city: 'Christchurch',
    admin1: 'Canterbury',
    country: 'New Zealand',
    countryCode: 'NZ',
    lat: -43.53,
    lon: 172.63,
    geonamesId: 2192362,
  },
  linwood: { city: 'Linwood', country: 'New Zealand', countryCode: 'NZ', lat: -43.53, lon: 172.67 },
  auckland: { city: 'Auckland', country: 'New Zealand', countryCode: 'NZ', lat: -36.85, lon: 174.76 },
  kabul: { city: 'Kabul', country: 'Afghanistan', countryCode: 'AF', lat: 34.53, lon: 69.17 },
  kandahar: { city: 'Kandahar', country: 'Afghanistan', countryCode: 'AF', lat: 31.61, lon: 65.71 },
  afghanistan: { country: 'Afghanistan', countryCode: 'AF', lat: 33, lon: 65 },
  colombo: { city: 'Colombo', country: 'Sri Lanka', countryCode: 'LK', lat: 6.93, lon: 79.85 },
} satisfies Record<string, PlaceRef>;

/** An incident mention with sensible defaults; `overrides` sets what a test is about. */
export function incident(id: string, overrides: Partial<IncidentMention> = {}): IncidentMention {
  return {
    id,
    type: 'Armed Assault',
    types: ['Armed Assault'],
    date: null,
    location: null,
    perpetrators: [],
    targets: [],
    weapons: ['Firearms'],
    killed: null,
    wounded: null,
    perpetratorsKilled: null,
    perpetratorsWounded: null,
    suicide: null,
    claimedBy: [],
    role: 'main',
    evidence: [],
    confidence: 0.8,
    ...overrides,
  };
}

/** A statement mention with sensible defaults. */
export function statement(id: string, overrides: Partial<StatementMention> = {}): StatementMention {
  return {
    id,
    type: 'call-to-violence',
    speaker: null,
    organization: null,
    outlet: null,
    platform: null,
    medium: null,
    date: null,
    quote: null,
    refersTo: [],
    evidence: [],
    confidence: 0.7,
    ...overrides,
  };
}

/** A day-precise date. */
export function day(value: string) {
  return { value, precision: 'day' as const };
}

/** An incident mention reported by document `docId`, published on `published`. */
export function incidentRecord(
  docId: string,
  published: string,
  overrides: Partial<IncidentMention> = {},
  marking: Tlp = 'TLP:CLEAR',
): IncidentRecord {
  const mention = incident(`${docId}:i1`, overrides);
  return {
    mention,
    source: {
      id: mention.id,
      docId,
      publishedAt: published,
      marking,
      role: mention.role,
      confidence: mention.confidence,
    },
  };
}

/** A document's extraction record for `resolveAll`. */
export function extractionRecord(
  docId: string,
  published: string,
  parts: Partial<Pick<Extraction, 'incidents' | 'statements' | 'links'>>,
  marking: Tlp = 'TLP:CLEAR',
): ExtractionRecord {
  return {
    docId,
    publishedAt: published,
    marking,
    title: docId,
    extraction: { id: docId, incidents: [], statements: [], links: [], entities: [], messages: [], ...parts },
  };
}

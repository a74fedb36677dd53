import type { DateValue, PlaceRef } from '../../doc.js';
import type { ActorRef, Count } from '../../pipeline/extraction.js';
import type { ResolvedIncident, ResolvedStatement } from '../../pipeline/resolution.js';
import { stixId } from './ids.js';
import { compact, type StixObject } from './stix-object.js';

/** Vigil itself, the creator of every exported object. */
export const VIGIL_IDENTITY_ID = stixId('identity', 'vigil');
/** The property extension carrying Vigil's incident fields (docs/stix-extension.md). */
export const INCIDENT_EXTENSION_ID = stixId('extension-definition', 'vigil-incident');
/** The property extension carrying Vigil's statement fields (docs/stix-extension.md). */
export const STATEMENT_EXTENSION_ID = stixId('extension-definition', 'vigil-statement');
/** Creation time of the objects that do not come from documents (Vigil, its extensions, the knowledge base). */
export const VIGIL_EPOCH = '2019-01-01T00:00:00.000Z';

/** The identity of Vigil (created_by_ref of every exported object). */
export function vigilIdentity(markingRef: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: VIGIL_IDENTITY_ID,
    created: VIGIL_EPOCH,
    modified: VIGIL_EPOCH,
    name: 'Vigil',
    identity_class: 'system',
    description:
      'Sourced records of terrorist incidents, extremist statements and retaliation chains extracted from news and channel exports.',
    object_marking_refs: [markingRef],
  };
}

/** The two extension definitions (incident and statement fields), as STIX objects. */
export function extensionDefinitions(markingRef: string): StixObject[] {
  const definition = (id: string, name: string, file: string, what: string): StixObject => ({
    type: 'extension-definition',
    spec_version: '2.1',
    id,
    created_by_ref: VIGIL_IDENTITY_ID,
    created: VIGIL_EPOCH,
    modified: VIGIL_EPOCH,
    name,
    description: what,
    schema: `JSON Schema (draft 2020-12) in the Vigil repository at schemas/stix-extension/${file}, described in docs/stix-extension.md`,
    version: '1.0.0',
    extension_types: ['property-extension'],
    object_marking_refs: [markingRef],
  });
  return [
    definition(
      INCIDENT_EXTENSION_ID,
      'Vigil incident',
      'vigil-incident.json',
      'The fields of an incident as Vigil resolved it from its reports, in the Global Terrorism Database codebook categories: attack types, date, place, perpetrators, targets, weapons, victims and attackers killed and wounded, suicide, claims, casualty figures report by report, role and confidence.',
    ),
    definition(
      STATEMENT_EXTENSION_ID,
      'Vigil statement',
      'vigil-statement.json',
      'The fields of a statement as Vigil resolved it: type (call-to-violence, threat, claim-of-responsibility, revenge-justification, warning), speaker, organisation, outlet, platform, medium, date, quote and the incidents it refers to.',
    ),
  ];
}

/** An actor as the extensions carry it (snake case; `kb_id` is the knowledge-base id). */
interface ActorJson {
  kb_id?: string;
  name: string;
  kind?: string;
  ideology?: string;
  text?: string;
  outlet?: ActorJson;
}

function actorJson(a: ActorRef & { outlet?: ActorRef }): ActorJson {
  return compact({
    kb_id: a.id ?? undefined,
    name: a.name,
    kind: a.kind,
    ideology: a.ideology,
    text: a.text,
    outlet: a.outlet ? actorJson(a.outlet) : undefined,
  });
}

function actorRef(a: ActorJson): ActorRef & { outlet?: ActorRef } {
  const ref: ActorRef & { outlet?: ActorRef } = { id: a.kb_id ?? null, name: a.name };
  if (a.kind) ref.kind = a.kind;
  if (a.ideology) ref.ideology = a.ideology;
  if (a.text) ref.text = a.text;
  if (a.outlet) ref.outlet = actorRef(a.outlet);
  return ref;
}

function placeJson(p: PlaceRef): Record<string, unknown> {
  return compact({
    city: p.city,
    admin1: p.admin1,
    country: p.country,
    country_code: p.countryCode,
    lat: p.lat,
    lon: p.lon,
    geonames_id: p.geonamesId,
    approximate: p.approximate,
  });
}

function placeRef(p: Record<string, unknown>): PlaceRef {
  const place: PlaceRef = {
    country: String(p.country ?? ''),
    countryCode: String(p.country_code ?? ''),
    lat: Number(p.lat),
    lon: Number(p.lon),
  };
  if (typeof p.city === 'string') place.city = p.city;
  if (typeof p.admin1 === 'string') place.admin1 = p.admin1;
  if (typeof p.geonames_id === 'number') place.geonamesId = p.geonames_id;
  if (p.approximate === true) place.approximate = true;
  return place;
}

/** Vigil's incident fields as the incident extension's properties. */
export function incidentExtension(
  i: ResolvedIncident,
  retaliationForText: string[],
): Record<string, unknown> {
  return compact({
    extension_type: 'property-extension',
    vigil_id: i.id,
    incident_type: i.type,
    types: i.types,
    date: i.date?.value,
    date_precision: i.date?.precision,
    location: i.location ? placeJson(i.location) : undefined,
    perpetrators: i.perpetrators.map(actorJson),
    targets: i.targets,
    weapons: i.weapons,
    killed: i.killed,
    wounded: i.wounded,
    killed_latest: i.killedLatest,
    wounded_latest: i.woundedLatest,
    perpetrators_killed: i.perpetratorsKilled,
    perpetrators_wounded: i.perpetratorsWounded,
    suicide: i.suicide,
    claimed_by: i.claimedBy.map(actorJson),
    casualty_reports: i.casualtyReports.map((r) =>
      compact({ document: r.docId, published_at: r.publishedAt, killed: r.killed, wounded: r.wounded }),
    ),
    role: i.role,
    confidence: i.confidence,
    reports: i.mentions.length,
    first_reported: i.firstReported,
    last_reported: i.lastReported,
    evidence: i.evidence.map((e) => ({ field: e.field, text: e.text, document: e.docId })),
    retaliation_for_text: retaliationForText,
  });
}

/** Vigil's statement fields as the statement extension's properties (`refers_to`: STIX incident ids). */
export function statementExtension(
  s: ResolvedStatement,
  refersTo: string[],
  retaliationForText: string[],
): Record<string, unknown> {
  return compact({
    extension_type: 'property-extension',
    vigil_id: s.id,
    statement_type: s.type,
    speaker: s.speaker ? actorJson(s.speaker) : undefined,
    organization: s.organization ? actorJson(s.organization) : undefined,
    outlet: s.outlet ? actorJson(s.outlet) : undefined,
    platform: s.platform ? actorJson(s.platform) : undefined,
    medium: s.medium,
    date: s.date?.value,
    date_precision: s.date?.precision,
    quote: s.quote,
    refers_to: refersTo,
    confidence: s.confidence,
    reports: s.mentions.length,
    evidence: s.evidence.map((e) => ({ field: e.field, text: e.text, document: e.docId })),
    retaliation_for_text: retaliationForText,
  });
}

/** The incident fields an extension carries, read back (for `vigil import stix`). */
export interface IncidentFields {
  type: string;
  types: string[];
  date: DateValue | null;
  location: PlaceRef | null;
  perpetrators: ActorRef[];
  targets: { type: string; text: string }[];
  weapons: string[];
  killed: Count | null;
  wounded: Count | null;
  perpetratorsKilled: Count | null;
  perpetratorsWounded: Count | null;
  suicide: boolean | null;
  claimedBy: (ActorRef & { outlet?: ActorRef })[];
  role: 'main' | 'background';
  confidence: number;
  retaliationForText: string[];
}

/** The statement fields an extension carries, read back (`refersTo`: STIX incident ids). */
export interface StatementFields {
  type: string;
  speaker: ActorRef | null;
  organization: ActorRef | null;
  outlet: ActorRef | null;
  platform: ActorRef | null;
  medium: string | null;
  date: DateValue | null;
  quote: string | null;
  refersTo: string[];
  confidence: number;
  retaliationForText: string[];
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const count = (v: unknown): Count | null => {
  if (!v || typeof v !== 'object') return null;
  const c = v as Record<string, unknown>;
  if (typeof c.value === 'number') return { value: c.value };
  if (typeof c.min === 'number' && typeof c.max === 'number') return { min: c.min, max: c.max };
  return null;
};
const dateOf = (e: Record<string, unknown>): DateValue | null =>
  typeof e.date === 'string' && typeof e.date_precision === 'string'
    ? { value: e.date, precision: e.date_precision as DateValue['precision'] }
    : null;
const actorOrNull = (v: unknown): ActorRef | null =>
  v && typeof v === 'object' && typeof (v as ActorJson).name === 'string' ? actorRef(v as ActorJson) : null;
const actors = (v: unknown): ActorRef[] =>
  list<unknown>(v).flatMap((a) => {
    const ref = actorOrNull(a);
    return ref ? [ref] : [];
  });
const strings = (v: unknown): string[] => list<unknown>(v).filter((s): s is string => typeof s === 'string');

/** Read an incident extension back into Vigil's fields. */
export function incidentFields(e: Record<string, unknown>): IncidentFields {
  const type = typeof e.incident_type === 'string' ? e.incident_type : 'Unknown';
  return {
    type,
    types: strings(e.types).length > 0 ? strings(e.types) : [type],
    date: dateOf(e),
    location:
      e.location && typeof e.location === 'object' ? placeRef(e.location as Record<string, unknown>) : null,
    perpetrators: actors(e.perpetrators),
    targets: list<{ type: string; text: string }>(e.targets).filter(
      (t) => typeof t?.type === 'string' && typeof t.text === 'string',
    ),
    weapons: strings(e.weapons),
    killed: count(e.killed),
    wounded: count(e.wounded),
    perpetratorsKilled: count(e.perpetrators_killed),
    perpetratorsWounded: count(e.perpetrators_wounded),
    suicide: typeof e.suicide === 'boolean' ? e.suicide : null,
    claimedBy: actors(e.claimed_by),
    role: e.role === 'background' ? 'background' : 'main',
    confidence: typeof e.confidence === 'number' ? e.confidence : 0.5,
    retaliationForText: strings(e.retaliation_for_text),
  };
}

/** Read a statement extension back into Vigil's fields. */
export function statementFields(e: Record<string, unknown>): StatementFields {
  return {
    type: typeof e.statement_type === 'string' ? e.statement_type : 'threat',
    speaker: actorOrNull(e.speaker),
    organization: actorOrNull(e.organization),
    outlet: actorOrNull(e.outlet),
    platform: actorOrNull(e.platform),
    medium: typeof e.medium === 'string' ? e.medium : null,
    date: dateOf(e),
    quote: typeof e.quote === 'string' ? e.quote : null,
    refersTo: strings(e.refers_to),
    confidence: typeof e.confidence === 'number' ? e.confidence : 0.5,
    retaliationForText: strings(e.retaliation_for_text),
  };
}

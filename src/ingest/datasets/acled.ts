import type { DateValue } from '../../doc.js';
import { alpha2OfNumeric } from '../../kb/country-codes.js';
import type { ActorRef } from '../../pipeline/extraction.js';
import { dateRange, isoDay } from '../../pipeline/date-range.js';
import type { Tlp } from '../source-document.js';
import type { ActorMatcher, DatasetDocument, DatasetIncident, PlaceMatcher } from './dataset-record.js';
import { describeRecord } from './gtd.js';
import { readDatasetCsv, type RowItem } from './dataset-rows.js';

/** The columns of an ACLED export (the data export tool and the API's CSV), in their order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** Columns an import needs; a file without them is not ACLED's. */
export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'country',
  'latitude',
  'longitude',
  'fatalities',
] as const;

/**
 * ACLED sub-event types as GTD attack types and weapons (docs/import.md). Sub-events that are not
 * attacks (peaceful protests, agreements, arrests, bases established, territory handed over) map
 * to nothing: they are not imported.
 */
const SUB_EVENTS: Record<string, { type: string; weapons: string[]; suicide?: boolean } | null> = {
  'Armed clash': { type: 'Armed Assault', weapons: ['Firearms'] },
  'Government regains territory': { type: 'Armed Assault', weapons: ['Firearms'] },
  'Non-state actor overtakes territory': { type: 'Armed Assault', weapons: ['Firearms'] },
  'Chemical weapon': { type: 'Unarmed Assault', weapons: ['Chemical'] },
  'Air/drone strike': { type: 'Bombing/Explosion', weapons: ['Explosives'] },
  'Suicide bomb': { type: 'Bombing/Explosion', weapons: ['Explosives'], suicide: true },
  'Shelling/artillery/missile attack': { type: 'Bombing/Explosion', weapons: ['Explosives'] },
  'Remote explosive/landmine/IED': { type: 'Bombing/Explosion', weapons: ['Explosives'] },
  Grenade: { type: 'Bombing/Explosion', weapons: ['Explosives'] },
  'Sexual violence': { type: 'Unarmed Assault', weapons: ['Unknown'] },
  Attack: { type: 'Armed Assault', weapons: ['Unknown'] },
  'Abduction/forced disappearance': { type: 'Hostage Taking (Kidnapping)', weapons: ['Unknown'] },
  'Mob violence': { type: 'Unarmed Assault', weapons: ['Unknown'] },
  'Violent demonstration': { type: 'Facility/Infrastructure Attack', weapons: ['Unknown'] },
  'Looting/property destruction': { type: 'Facility/Infrastructure Attack', weapons: ['Unknown'] },
  'Disrupted weapons use': { type: 'Bombing/Explosion', weapons: ['Explosives'] },
  'Excessive force against protesters': { type: 'Armed Assault', weapons: ['Unknown'] },
  'Peaceful protest': null,
  'Protest with intervention': null,
  Agreement: null,
  Arrests: null,
  'Change to group/activity': null,
  'Headquarters or base established': null,
  'Non-violent transfer of territory': null,
  Other: null,
};

/** The rows of an ACLED export (UTF-8 CSV). */
export function readAcledRows(path: string): AsyncGenerator<RowItem> {
  return readDatasetCsv(path, { encoding: 'utf8', required: ACLED_REQUIRED, dataset: 'ACLED' });
}

/** What an ACLED row becomes: a document and its incident, a problem, or nothing (not an attack). */
export type AcledRecord =
  { document: DatasetDocument; incident: DatasetIncident } | { problem: string } | { notAnAttack: string };

/** Matchers and settings a row needs. */
export interface AcledContext {
  actors: ActorMatcher;
  places: PlaceMatcher;
  marking: Tlp;
  path: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** An ACLED date: `2023-01-31` (current exports) or `31 January 2023` (older ones). */
function acledDay(v: string): string | undefined {
  const t = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Number.isNaN(Date.parse(t)) ? undefined : t;
  const m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(t);
  const month = m ? MONTHS.findIndex((x) => x.startsWith(m[2]!.toLowerCase()) && m[2]!.length >= 3) : -1;
  if (!m || month < 0) return undefined;
  const iso = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** ISO week of a day (`2019-W11`), for events ACLED dates to within a week. */
function isoWeek(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 3); // the week's Thursday decides its year
  const jan4 = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week =
    1 + Math.round(((day.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Target types of ACLED's actor-type codes (`inter2`: numbers in older exports, words in newer ones). */
function targetType(inter: string, actor: string): string | undefined {
  const t = inter.trim().toLowerCase();
  if (t === '1' || t === '8' || t.startsWith('state forces') || t.startsWith('external'))
    return /police/i.test(actor) ? 'Police' : 'Military';
  if (['2', '3', '4'].includes(t) || /rebel|militia/.test(t)) return 'Terrorists/Non-State Militia';
  if (t === '7' || t.startsWith('civilian')) return 'Private Citizens & Property';
  if (t === '5' || t === '6' || /rioter|protester/.test(t)) return 'Private Citizens & Property';
  return undefined;
}

/**
 * One ACLED row as a document and its incident (docs/import.md): the sub-event type gives the GTD
 * attack type and weapon, `actor1` and its associated actors the perpetrators (linked to the
 * knowledge base; "Unidentified …" actors are no perpetrator), `actor2` the target,
 * `fatalities` the killed (ACLED does not separate attackers from victims), `time_precision` the
 * date's precision, and the text is the row's notes.
 */
export function acledRecord(v: Record<string, string>, line: number, ctx: AcledContext): AcledRecord {
  const eventId = v.event_id_cnty?.trim();
  if (!eventId) return { problem: 'the row has no event_id_cnty' };
  const sub = v.sub_event_type?.trim() ?? '';
  const mapped = SUB_EVENTS[sub];
  if (mapped === null) return { notAnAttack: sub };
  const day = acledDay(v.event_date ?? '');
  if (!day) return { problem: `event ${eventId}: event_date "${v.event_date ?? ''}" is not a date` };
  const precision = v.time_precision?.trim();
  const date: DateValue =
    precision === '3'
      ? { value: day.slice(0, 7), precision: 'month' }
      : precision === '2'
        ? { value: isoWeek(day), precision: 'week' }
        : { value: day, precision: 'day' };
  const fatalities = v.fatalities?.trim() ? Number(v.fatalities) : undefined;
  if (fatalities !== undefined && (!Number.isInteger(fatalities) || fatalities < 0))
    return { problem: `event ${eventId}: fatalities "${v.fatalities}" is not a number` };
  const lat = Number(v.latitude);
  const lon = Number(v.longitude);
  const numeric = Number.parseInt(v.iso ?? '', 10);
  const code = Number.isInteger(numeric) ? alpha2OfNumeric(numeric) : undefined;
  const location = ctx.places.match({
    country: v.country ?? '',
    ...(code ? { countryCode: code } : {}),
    admin1: v.admin1?.trim() || undefined,
    city: v.location?.trim() || undefined,
    ...(v.latitude?.trim() && Number.isFinite(lat) && v.longitude?.trim() && Number.isFinite(lon)
      ? { lat, lon }
      : {}),
  });
  const names = [v.actor1, ...(v.assoc_actor_1 ?? '').split(';')]
    .map((n) => n?.trim())
    .filter((n): n is string => !!n && !/^unidentified\b/i.test(n));
  const perpetrators: ActorRef[] = [];
  for (const n of names) {
    const a = ctx.actors.match(n);
    if (!perpetrators.some((p) => p.name === a.name)) perpetrators.push(a);
  }
  const target = v.actor2?.trim() ? targetType(v.inter2 ?? '', v.actor2) : undefined;
  const type = mapped?.type ?? 'Unknown';
  const incident: DatasetIncident = {
    type,
    types: [type],
    date,
    location,
    perpetrators,
    targets: target ? [{ type: target, text: v.actor2!.trim() }] : [],
    weapons: mapped?.weapons ?? [],
    killed: fatalities === undefined ? null : { value: fatalities },
    wounded: null,
    perpetratorsKilled: null,
    perpetratorsWounded: null,
    suicide: mapped?.suicide ?? null,
    claimedBy: [],
    role: 'main',
    confidence: 1,
  };
  const meta: Record<string, unknown> = { dataset: 'acled', eventId, structured: true };
  for (const key of [
    'event_type',
    'sub_event_type',
    'disorder_type',
    'source',
    'source_scale',
    'tags',
  ] as const) {
    const value = v[key]?.trim();
    if (value) meta[key] = value;
  }
  const first = date.precision === 'day' ? day : isoDay(dateRange(date)![0]);
  return {
    document: {
      dataset: 'acled',
      key: eventId,
      source: { kind: 'dataset', path: ctx.path, line },
      title: `ACLED ${eventId}`,
      text: v.notes?.trim() || describeRecord(incident, v.country ?? ''),
      publishedAt: first,
      marking: ctx.marking,
      meta,
    },
    incident,
  };
}

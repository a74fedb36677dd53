import type { DateValue } from '../../doc.js';
import type { ActorRef, Count } from '../../pipeline/extraction.js';
import type { Tlp } from '../source-document.js';
import type { ActorMatcher, DatasetDocument, DatasetIncident, PlaceMatcher } from './dataset-record.js';
import { readDatasetCsv, type DatasetEncoding, type RowItem } from './dataset-rows.js';
import { readDatasetXlsx } from './dataset-xlsx.js';

/** The columns of the Global Terrorism Database's own files, in their order (GTD codebook, 2017 on). */
export const GTD_COLUMNS = [
  'eventid',
  'iyear',
  'imonth',
  'iday',
  'approxdate',
  'extended',
  'resolution',
  'country',
  'country_txt',
  'region',
  'region_txt',
  'provstate',
  'city',
  'latitude',
  'longitude',
  'specificity',
  'vicinity',
  'location',
  'summary',
  'crit1',
  'crit2',
  'crit3',
  'doubtterr',
  'alternative',
  'alternative_txt',
  'multiple',
  'success',
  'suicide',
  'attacktype1',
  'attacktype1_txt',
  'attacktype2',
  'attacktype2_txt',
  'attacktype3',
  'attacktype3_txt',
  'targtype1',
  'targtype1_txt',
  'targsubtype1',
  'targsubtype1_txt',
  'corp1',
  'target1',
  'natlty1',
  'natlty1_txt',
  'targtype2',
  'targtype2_txt',
  'targsubtype2',
  'targsubtype2_txt',
  'corp2',
  'target2',
  'natlty2',
  'natlty2_txt',
  'targtype3',
  'targtype3_txt',
  'targsubtype3',
  'targsubtype3_txt',
  'corp3',
  'target3',
  'natlty3',
  'natlty3_txt',
  'gname',
  'gsubname',
  'gname2',
  'gsubname2',
  'gname3',
  'gsubname3',
  'motive',
  'guncertain1',
  'guncertain2',
  'guncertain3',
  'individual',
  'nperps',
  'nperpcap',
  'claimed',
  'claimmode',
  'claimmode_txt',
  'claim2',
  'claimmode2',
  'claimmode2_txt',
  'claim3',
  'claimmode3',
  'claimmode3_txt',
  'compclaim',
  'weaptype1',
  'weaptype1_txt',
  'weapsubtype1',
  'weapsubtype1_txt',
  'weaptype2',
  'weaptype2_txt',
  'weapsubtype2',
  'weapsubtype2_txt',
  'weaptype3',
  'weaptype3_txt',
  'weapsubtype3',
  'weapsubtype3_txt',
  'weaptype4',
  'weaptype4_txt',
  'weapsubtype4',
  'weapsubtype4_txt',
  'weapdetail',
  'nkill',
  'nkillus',
  'nkillter',
  'nwound',
  'nwoundus',
  'nwoundte',
  'property',
  'propextent',
  'propextent_txt',
  'propvalue',
  'propcomment',
  'ishostkid',
  'nhostkid',
  'nhostkidus',
  'nhours',
  'ndays',
  'divert',
  'kidhijcountry',
  'ransom',
  'ransomamt',
  'ransomamtus',
  'ransompaid',
  'ransompaidus',
  'ransomnote',
  'hostkidoutcome',
  'hostkidoutcome_txt',
  'nreleased',
  'addnotes',
  'scite1',
  'scite2',
  'scite3',
  'dbsource',
  'INT_LOG',
  'INT_IDEO',
  'INT_MISC',
  'INT_ANY',
  'related',
] as const;

/** Columns an import needs; a file without them is not GTD's. */
export const GTD_REQUIRED = ['eventid', 'iyear', 'imonth', 'iday', 'country_txt', 'attacktype1_txt'] as const;

/** The columns an import reads. */
const GTD_USED = [
  ...GTD_REQUIRED,
  'approxdate',
  'region_txt',
  'provstate',
  'city',
  'latitude',
  'longitude',
  'summary',
  'multiple',
  'success',
  'suicide',
  'attacktype2_txt',
  'attacktype3_txt',
  'targtype1_txt',
  'corp1',
  'target1',
  'targtype2_txt',
  'corp2',
  'target2',
  'targtype3_txt',
  'corp3',
  'target3',
  'gname',
  'gname2',
  'gname3',
  'motive',
  'claimed',
  'claim2',
  'claim3',
  'weaptype1_txt',
  'weaptype2_txt',
  'weaptype3_txt',
  'weaptype4_txt',
  'nkill',
  'nkillter',
  'nwound',
  'nwoundte',
  'scite1',
  'scite2',
  'scite3',
  'dbsource',
  'related',
] as const;

/** GTD attack types (attacktype1_txt …), as Vigil spells them: the same words. */
const ATTACK_TYPES = new Set([
  'Assassination',
  'Armed Assault',
  'Bombing/Explosion',
  'Hijacking',
  'Hostage Taking (Barricade Incident)',
  'Hostage Taking (Kidnapping)',
  'Facility/Infrastructure Attack',
  'Unarmed Assault',
  'Unknown',
]);

/** GTD weapon types, with the spelling of releases before 2017 ("Explosives/Bombs/Dynamite"). */
const WEAPONS: Record<string, string> = {
  'Explosives/Bombs/Dynamite': 'Explosives',
  'Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)':
    'Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)',
};
for (const w of [
  'Biological',
  'Chemical',
  'Radiological',
  'Nuclear',
  'Firearms',
  'Explosives',
  'Fake Weapons',
  'Incendiary',
  'Melee',
  'Sabotage Equipment',
  'Other',
  'Unknown',
])
  WEAPONS[w] = w;

/** Options of {@link readGtdRows}. */
export interface GtdReadOptions {
  /** Encoding of a CSV file (default latin1, as GTD distributes it). */
  encoding?: DatasetEncoding;
}

/** The rows of a GTD file: `.xlsx` through the workbook reader, anything else as CSV. */
export function readGtdRows(path: string, options: GtdReadOptions = {}): AsyncGenerator<RowItem> {
  return /\.xlsx$/i.test(path)
    ? readDatasetXlsx(path, { required: GTD_REQUIRED, dataset: 'GTD' })
    : readDatasetCsv(path, {
        encoding: options.encoding ?? 'latin1',
        required: GTD_REQUIRED,
        dataset: 'GTD',
        columns: GTD_USED,
      });
}

/** What a GTD row becomes. */
export type GtdRecord = { document: DatasetDocument; incident: DatasetIncident } | { problem: string };

/** Matchers and settings a row needs. */
export interface GtdContext {
  actors: ActorMatcher;
  places: PlaceMatcher;
  marking: Tlp;
  /** The file, for each document's source. */
  path: string;
}

/** A GTD number: blank and the sentinels -9 and -99 mean unknown. */
function gtdNumber(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t === '' || t === '-9' || t === '-99') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function gtdText(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t && t !== '-9' && t !== '-99' ? t : undefined;
}

const count = (n: number | undefined): Count | null => (n === undefined ? null : { value: Math.round(n) });

/**
 * One GTD row as a document and its incident (docs/import.md): categories map one to one, the
 * date's unknown month or day (0) lowers its precision, `nkill`/`nwound` (victims and attackers
 * together) are split with `nkillter`/`nwoundte`, perpetrators `gname`…`gname3` are linked to the
 * knowledge base, and the text is the row's summary or, when it has none, a sentence made of its
 * fields. A row without an eventid or with an impossible date is a problem.
 */
export function gtdRecord(v: Record<string, string>, line: number, ctx: GtdContext): GtdRecord {
  const eventId = v.eventid?.trim();
  if (!eventId) return { problem: 'the row has no eventid' };
  const year = gtdNumber(v.iyear);
  const month = gtdNumber(v.imonth) ?? 0;
  const day = gtdNumber(v.iday) ?? 0;
  if (year === undefined || !Number.isInteger(year) || year < 1900 || year > 2100)
    return { problem: `eventid ${eventId}: iyear "${v.iyear ?? ''}" is not a year` };
  if (!Number.isInteger(month) || month < 0 || month > 12)
    return { problem: `eventid ${eventId}: imonth "${v.imonth}" is not a month (1-12, 0 when unknown)` };
  if (!Number.isInteger(day) || day < 0 || day > 31 || (month === 0 && day > 0))
    return { problem: `eventid ${eventId}: iday "${v.iday}" is not a day (1-31, 0 when unknown)` };
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (day > 0 && new Date(`${iso}T00:00:00Z`).getUTCMonth() + 1 !== month)
    return { problem: `eventid ${eventId}: ${iso} is not a date` };
  const date: DateValue =
    day > 0
      ? { value: iso, precision: 'day' }
      : month > 0
        ? { value: iso.slice(0, 7), precision: 'month' }
        : { value: String(year), precision: 'year' };

  const types = [v.attacktype1_txt, v.attacktype2_txt, v.attacktype3_txt]
    .map(gtdText)
    .filter((t): t is string => t !== undefined)
    .map((t) => (ATTACK_TYPES.has(t) ? t : 'Unknown'));
  const type = types[0] ?? 'Unknown';
  const perpetrators: ActorRef[] = [];
  const claimedBy: ActorRef[] = [];
  (['', '2', '3'] as const).forEach((n) => {
    const name = gtdText(v[`gname${n}`]);
    if (!name || name === 'Unknown') return;
    const actor = ctx.actors.match(name);
    if (perpetrators.some((p) => p.name === actor.name)) return;
    perpetrators.push(actor);
    if (gtdNumber(v[n === '' ? 'claimed' : `claim${n}`]) === 1) claimedBy.push(actor);
  });
  const targets = (['1', '2', '3'] as const).flatMap((n) => {
    const t = gtdText(v[`targtype${n}_txt`]);
    if (!t) return [];
    return [{ type: t, text: gtdText(v[`target${n}`]) ?? gtdText(v[`corp${n}`]) ?? t }];
  });
  const weapons = [
    ...new Set(
      (['1', '2', '3', '4'] as const).flatMap((n) => {
        const w = gtdText(v[`weaptype${n}_txt`]);
        return w ? [WEAPONS[w] ?? 'Other'] : [];
      }),
    ),
  ];
  const nkill = gtdNumber(v.nkill);
  const nkillter = gtdNumber(v.nkillter);
  const nwound = gtdNumber(v.nwound);
  const nwoundte = gtdNumber(v.nwoundte);
  const victims = (all: number | undefined, perps: number | undefined): Count | null =>
    all === undefined ? null : count(Math.max(0, all - (perps ?? 0)));
  const location = ctx.places.match({
    country: v.country_txt ?? '',
    admin1: gtdText(v.provstate),
    city: gtdText(v.city),
    lat: gtdNumber(v.latitude),
    lon: gtdNumber(v.longitude),
  });
  const suicide = gtdNumber(v.suicide);
  const incident: DatasetIncident = {
    type,
    types: types.length > 0 ? [...new Set(types)] : [type],
    date,
    location,
    perpetrators,
    targets,
    weapons,
    killed: victims(nkill, nkillter),
    wounded: victims(nwound, nwoundte),
    perpetratorsKilled: count(nkillter),
    perpetratorsWounded: count(nwoundte),
    suicide: suicide === undefined ? null : suicide === 1,
    claimedBy,
    role: 'main',
    confidence: 1,
  };
  const summary = gtdText(v.summary);
  const meta: Record<string, unknown> = { dataset: 'gtd', eventId, structured: true };
  for (const key of [
    'approxdate',
    'region_txt',
    'multiple',
    'success',
    'motive',
    'related',
    'dbsource',
  ] as const) {
    const value = gtdText(v[key]);
    if (value) meta[key] = value;
  }
  const sources = [v.scite1, v.scite2, v.scite3].map(gtdText).filter(Boolean);
  if (sources.length > 0) meta.sources = sources;
  return {
    document: {
      dataset: 'gtd',
      key: eventId,
      source: { kind: 'dataset', path: ctx.path, line },
      title: `GTD ${eventId}`,
      text: summary ?? describeRecord(incident, v.country_txt ?? ''),
      publishedAt:
        date.precision === 'day' ? iso : `${date.value}${date.precision === 'month' ? '-01' : '-01-01'}`,
      marking: ctx.marking,
      meta,
    },
    incident,
  };
}

/** A one-sentence description of an incident, for records without a summary. */
export function describeRecord(i: DatasetIncident, countryText: string): string {
  const place = [i.location?.city, i.location?.country ?? countryText].filter(Boolean).join(', ');
  const by = i.perpetrators.length > 0 ? ` by ${i.perpetrators.map((p) => p.text ?? p.name).join(', ')}` : '';
  const figures = [
    i.killed && 'value' in i.killed ? `${i.killed.value} killed` : '',
    i.wounded && 'value' in i.wounded ? `${i.wounded.value} wounded` : '',
  ].filter(Boolean);
  return `${i.type} in ${place || 'an unknown place'}${i.date ? ` on ${i.date.value}` : ''}${by}${figures.length > 0 ? `: ${figures.join(', ')}` : ''}.`;
}

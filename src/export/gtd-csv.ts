import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { dateRange, isoDay } from '../pipeline/date-range.js';
import type { ActorRef, Count } from '../pipeline/extraction.js';
import type { ResolvedIncident } from '../pipeline/resolution.js';

/** The columns of `vigil export --format csv`, named as in the GTD codebook (docs/export.md). */
export const GTD_EXPORT_COLUMNS = [
  'eventid',
  'iyear',
  'imonth',
  'iday',
  'country_txt',
  'provstate',
  'city',
  'latitude',
  'longitude',
  'attacktype1_txt',
  'attacktype2_txt',
  'attacktype3_txt',
  'targtype1_txt',
  'target1',
  'targtype2_txt',
  'target2',
  'targtype3_txt',
  'target3',
  'gname',
  'gname2',
  'gname3',
  'individual',
  'claimed',
  'nkill',
  'nkillter',
  'nwound',
  'nwoundte',
  'weaptype1_txt',
  'weaptype2_txt',
  'weaptype3_txt',
  'weaptype4_txt',
  'suicide',
  'summary',
  'scite1',
  'scite2',
  'scite3',
  'vigil_id',
  'n_reports',
] as const;

/** One CSV row: a value per column (blank cells are empty strings). */
export type GtdRow = Record<(typeof GTD_EXPORT_COLUMNS)[number], string | number>;

/** GTD's name for perpetrators that are individuals without a group. */
const UNAFFILIATED = 'Unaffiliated Individual(s)';
/** Titles of documents imported from GTD (`vigil import gtd`): their eventid is kept. */
const GTD_TITLE = /^GTD (\d{12})$/;

/**
 * GTD-like event ids, unique within one export: an incident imported from GTD keeps its eventid;
 * any other gets `YYYYMMDD` (00 for an unknown month or day, as GTD writes them) and a 4-digit
 * suffix derived from its Vigil id, so the same incident gets the same eventid on every export
 * (on the rare collision of two suffixes the later incident takes the next free one).
 */
export class GtdEventIds {
  private readonly used = new Set<string>();

  /** The eventid of an incident, given its year, month and day columns. */
  next(i: ResolvedIncident, year: string, month: number, day: number): string {
    const imported = i.mentions.map((m) => GTD_TITLE.exec(m.title ?? '')?.[1]).find(Boolean);
    if (imported && !this.used.has(imported)) {
      this.used.add(imported);
      return imported;
    }
    const prefix = `${year.padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    let suffix = Number.parseInt(createHash('sha256').update(i.id).digest('hex').slice(0, 8), 16) % 10_000;
    for (let tries = 0; tries < 10_000; tries++, suffix = (suffix + 1) % 10_000) {
      const id = `${prefix}${String(suffix).padStart(4, '0')}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new Error(`more than 10,000 incidents on ${prefix}`);
  }
}

/** The lower figure of a count (GTD has one number per field; a range's lower bound is the sure one). */
function low(c: Count | null): number | undefined {
  if (!c) return undefined;
  return 'value' in c ? c.value : c.min;
}

/** Year, month and day columns of a date: 0 for an unknown month or day, as in GTD. */
function dateColumns(i: ResolvedIncident): { year: string; month: number; day: number } {
  if (!i.date) return { year: '', month: 0, day: 0 };
  const { value, precision } = i.date;
  const first = precision === 'week' ? dateRange(i.date)?.[0] : undefined;
  const iso = first !== undefined ? isoDay(first) : value;
  const [y = '', m = '0', d = '0'] = iso.split('-');
  return {
    year: y,
    month: precision === 'year' ? 0 : Number(m),
    day: precision === 'day' ? Number(d) : 0,
  };
}

/** The GTD row of one resolved incident (docs/export.md says how each column is derived). */
export function gtdRow(i: ResolvedIncident, kb: KnowledgeBase, ids: GtdEventIds): GtdRow {
  const { year, month, day } = dateColumns(i);
  const gname = (a: ActorRef | undefined): string => {
    if (!a) return '';
    const entry = a.id ? kb.byId.get(a.id) : undefined;
    if (entry && 'gtdName' in entry && entry.gtdName) return entry.gtdName;
    if (!a.id && a.kind !== 'group') return UNAFFILIATED;
    return entry?.name ?? a.name;
  };
  const killed = low(i.killed);
  const wounded = low(i.wounded);
  const perpKilled = low(i.perpetratorsKilled);
  const perpWounded = low(i.perpetratorsWounded);
  const cites = [...new Map(i.mentions.map((m) => [m.docId, m.url ?? m.title ?? m.docId])).values()];
  const summary =
    (i.evidence.find((e) => e.field === 'type') ?? i.evidence[0])?.text.replace(/\s+/g, ' ').trim() ?? '';
  const blank = (n: number | undefined): string | number => (n === undefined ? '' : n);
  return {
    eventid: ids.next(i, year, month, day),
    iyear: year,
    imonth: i.date ? month : '',
    iday: i.date ? day : '',
    country_txt: i.location?.country ?? '',
    provstate: i.location?.admin1 ?? '',
    city: i.location?.city ?? '',
    latitude: i.location?.lat ?? '',
    longitude: i.location?.lon ?? '',
    attacktype1_txt: i.types[0] ?? i.type,
    attacktype2_txt: i.types[1] ?? '',
    attacktype3_txt: i.types[2] ?? '',
    targtype1_txt: i.targets[0]?.type ?? '',
    target1: i.targets[0]?.text ?? '',
    targtype2_txt: i.targets[1]?.type ?? '',
    target2: i.targets[1]?.text ?? '',
    targtype3_txt: i.targets[2]?.type ?? '',
    target3: i.targets[2]?.text ?? '',
    gname: gname(i.perpetrators[0]) || 'Unknown',
    gname2: gname(i.perpetrators[1]),
    gname3: gname(i.perpetrators[2]),
    individual: i.perpetrators.length > 0 && i.perpetrators.every((p) => !p.id && p.kind !== 'group') ? 1 : 0,
    claimed: i.claimedBy.length > 0 ? 1 : 0,
    nkill: killed === undefined ? '' : killed + (perpKilled ?? 0),
    nkillter: blank(perpKilled),
    nwound: wounded === undefined ? '' : wounded + (perpWounded ?? 0),
    nwoundte: blank(perpWounded),
    weaptype1_txt: i.weapons[0] ?? 'Unknown',
    weaptype2_txt: i.weapons[1] ?? '',
    weaptype3_txt: i.weapons[2] ?? '',
    weaptype4_txt: i.weapons[3] ?? '',
    suicide: i.suicide ? 1 : 0,
    summary,
    scite1: cites[0] ?? '',
    scite2: cites[1] ?? '',
    scite3: cites[2] ?? '',
    vigil_id: i.id,
    n_reports: i.mentions.length,
  };
}

/**
 * The incidents as GTD-style CSV (csv-stringify: fields with commas, quotes or line breaks are
 * quoted), in chunks: the header first, then a chunk per page of incidents.
 */
export async function* gtdCsv(
  incidents: AsyncIterable<ResolvedIncident>,
  kb: KnowledgeBase,
): AsyncGenerator<string> {
  const columns = [...GTD_EXPORT_COLUMNS];
  yield stringify([], { header: true, columns });
  const ids = new GtdEventIds();
  let rows: GtdRow[] = [];
  for await (const i of incidents) {
    rows.push(gtdRow(i, kb, ids));
    if (rows.length >= 500) {
      yield stringify(rows, { columns });
      rows = [];
    }
  }
  if (rows.length > 0) yield stringify(rows, { columns });
}

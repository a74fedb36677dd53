// A synthetic Global Terrorism Database file in GTD's own layout (all 135 columns, Latin-1), for
// the import benchmark: `node bench/gtd-synthetic.js OUT.csv [ROWS]`. Not real data: places,
// groups and figures are drawn from small lists with a fixed seed, so every run writes the same file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { GTD_COLUMNS } from '../dist/ingest/datasets/gtd.js';

const PLACES = [
  ['Iraq', 'Baghdad', 'Baghdad', 33.3036, 44.3718],
  ['Iraq', 'Nineveh', 'Mosul', 36.3456, 43.1575],
  ['Afghanistan', 'Kabul', 'Kabul', 34.5167, 69.1833],
  ['Afghanistan', 'Helmand', 'Lashkar Gah', 31.5938, 64.3716],
  ['Pakistan', 'Khyber Pakhtunkhwa', 'Peshawar', 34.008, 71.5785],
  ['India', 'Jammu and Kashmir', 'Srinagar', 34.0837, 74.7973],
  ['Nigeria', 'Borno', 'Maiduguri', 11.8464, 13.1603],
  ['Somalia', 'Banaadir', 'Mogadishu', 2.0371, 45.3438],
  ['Colombia', 'Antioquia', 'Medellín', 6.2518, -75.5636],
  ['United Kingdom', 'Northern Ireland', 'Belfast', 54.5973, -5.9301],
  ['Spain', 'Basque Country', 'Bilbao', 43.263, -2.935],
  ['France', 'Île-de-France', 'Paris', 48.8566, 2.3522],
  ['Philippines', 'Mindanao', 'Cotabato', 7.2236, 124.2464],
  ['Syria', 'Aleppo', 'Aleppo', 36.2021, 37.1343],
  ['Yemen', 'Aden', 'Aden', 12.7794, 45.0367],
  ['Turkey', 'Istanbul', 'Istanbul', 41.0082, 28.9784],
];
const GROUPS = [
  ['Taliban', 1],
  ['Islamic State of Iraq and the Levant (ISIL)', 1],
  ['Al-Shabaab', 1],
  ['Boko Haram', 1],
  ['Irish Republican Army (IRA)', 0],
  ['Basque Fatherland and Freedom (ETA)', 0],
  ['Revolutionary Armed Forces of Colombia (FARC)', 0],
  ["New People's Army (NPA)", 0],
  ["Kurdistan Workers' Party (PKK)", 0],
  ['Unknown', 0],
  ['Unknown', 0],
  ['Gunmen', 0],
  ['Separatists', 0],
];
const TYPES = [
  ['Bombing/Explosion', 'Explosives'],
  ['Armed Assault', 'Firearms'],
  ['Assassination', 'Firearms'],
  ['Hostage Taking (Kidnapping)', 'Firearms'],
  ['Facility/Infrastructure Attack', 'Incendiary'],
  ['Unarmed Assault', 'Melee'],
];
const TARGETS = [
  ['Private Citizens & Property', 'Civilians'],
  ['Police', 'Police checkpoint'],
  ['Military', 'Army patrol'],
  ['Government (General)', 'Government office'],
  ['Religious Figures/Institutions', 'Mosque'],
  ['Business', 'Market'],
  ['Educational Institution', 'School'],
];
const WORDS =
  'near the main road at dawn two vehicles crowded local residents officials said witnesses reported security forces cordoned off the area later hospital sources'.split(
    ' ',
  );

let seed = 20240101;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Write `rows` synthetic GTD rows to `path`; resolves when the file is complete. */
export async function writeSyntheticGtd(path, rows) {
  const out = createWriteStream(path);
  out.write(`${GTD_COLUMNS.join(',')}\r\n`);
  const perDay = new Map();
  for (let n = 0; n < rows; n++) {
    const year = 1970 + Math.floor(random() * 50);
    const month = 1 + Math.floor(random() * 12);
    const day = random() < 0.03 ? 0 : 1 + Math.floor(random() * 28);
    const dayKey = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const seq = (perDay.get(dayKey) ?? 0) + 1;
    perDay.set(dayKey, seq);
    const [country, provstate, city, lat, lon] = pick(PLACES);
    const [gname, claims] = pick(GROUPS);
    const [type, weapon] = pick(TYPES);
    const [targtype, target] = pick(TARGETS);
    const nkill = random() < 0.1 ? -99 : Math.floor(random() * 12);
    const nwound = random() < 0.1 ? -99 : Math.floor(random() * 30);
    const words = Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ');
    const summary =
      random() < 0.3
        ? ''
        : `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}: Assailants attacked a ${target.toLowerCase()} in ${city}, ${provstate}, ${country}, ${words}. Incident ${n}.`;
    const row = Object.fromEntries(GTD_COLUMNS.map((c) => [c, '']));
    Object.assign(row, {
      eventid: `${dayKey}${String(seq).padStart(4, '0')}`,
      iyear: year,
      imonth: month,
      iday: day,
      country_txt: country,
      provstate,
      city,
      latitude: (lat + (random() - 0.5) * 0.05).toFixed(6),
      longitude: (lon + (random() - 0.5) * 0.05).toFixed(6),
      summary,
      success: 1,
      suicide: random() < 0.05 ? 1 : 0,
      attacktype1_txt: type,
      targtype1_txt: targtype,
      target1: target,
      gname,
      claimed: claims && random() < 0.5 ? 1 : 0,
      weaptype1_txt: weapon,
      nkill,
      nkillter: nkill > 0 && random() < 0.2 ? 1 : 0,
      nwound,
      nwoundte: 0,
      property: -9,
      dbsource: 'Synthetic',
      INT_LOG: -9,
      INT_IDEO: -9,
      INT_MISC: 0,
      INT_ANY: -9,
    });
    const line = `${GTD_COLUMNS.map((c) => quote(String(row[c]))).join(',')}\r\n`;
    if (!out.write(Buffer.from(line, 'latin1'))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, rows = '200000'] = process.argv.slice(2);
  if (!path) throw new Error('usage: node bench/gtd-synthetic.js OUT.csv [ROWS]');
  await writeSyntheticGtd(path, Number(rows));
}

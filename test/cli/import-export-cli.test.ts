import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';
import { stixErrors } from '../helpers/stix-schemas.js';

const fixture = (path: string): string => new URL(`../fixtures/${path}`, import.meta.url).pathname;
const story = fixture('resolve/stories/reciprocal.jsonl');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'vigil-interop-cli-'));

describe('vigil export', { timeout: 120_000 }, () => {
  const dir = tmp();
  const db = join(dir, 'vigil.db');

  it('says in one line that there is nothing resolved to export', () => {
    const r = vigil(['--db', db, 'export', '--format', 'csv']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toBe('vigil: nothing resolved to export; run `vigil resolve` first\n');
  });

  it('exports a resolved store as a valid STIX bundle, GTD-style CSV and JSON Lines', () => {
    expect(vigil(['--db', db, 'ingest', story]).code).toBe(0);
    const out = join(dir, 'bundle.json');
    expect(vigil(['--db', db, 'export', '--format', 'stix', '--out', out])).toMatchObject({
      code: 0,
      stdout: '',
    });
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      objects: { type: string; id: string }[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.filter((o) => o.type === 'incident').length).toBeGreaterThan(0);
    expect(bundle.objects.flatMap(stixErrors)).toEqual([]);
    expect(vigil(['--db', db, 'export', '--format', 'stix']).stdout).toBe(readFileSync(out, 'utf8'));

    const csv = vigil(['--db', db, 'export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^eventid,iyear,imonth,iday,country_txt,/);
    expect(csv.stdout).toContain(',Graz,');

    const jsonl = vigil(['--db', db, 'export', '--format', 'jsonl']).stdout.trim().split('\n');
    expect(new Set(jsonl.map((l) => (JSON.parse(l) as { kind: string }).kind))).toEqual(
      new Set(['incident', 'statement', 'link', 'entity']),
    );
  });

  it('refuses a clearance that is not a TLP level, in one line', () => {
    const r = vigil(['--db', db, 'export', '--format', 'csv', '--clearance', '7']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vigil: --clearance needs a level from 0 to 4, not "7"\n');
  });
});

describe('vigil import gtd and acled', { timeout: 120_000 }, () => {
  it('imports a GTD file, idempotently', () => {
    const db = join(tmp(), 'vigil.db');
    const file = fixture('datasets/gtd-sample.csv');
    const first = vigil(['--db', db, 'import', 'gtd', file]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`imported 5 rows of ${file}: 5 stored, 0 already stored, 0 skipped\n`);
    const again = vigil(['--db', db, 'import', 'gtd', '--json', file]);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 5, stored: 0, duplicates: 5 });
    // Reprocessing keeps the incidents built from the rows' fields.
    expect(vigil(['--db', db, 'reprocess']).code).toBe(0);
    expect(vigil(['--db', db, 'resolve']).code).toBe(0);
    const csv = vigil(['--db', db, 'export', '--format', 'csv']).stdout;
    expect(csv).toContain('201903150002,2019,3,15,New Zealand,');
    expect(csv.trim().split('\n')).toHaveLength(6);
  });

  it('reports bad rows with their line and stores the rest, exit 1', () => {
    const db = join(tmp(), 'vigil.db');
    const file = fixture('datasets/gtd-bad-rows.csv');
    const r = vigil(['--db', db, 'import', 'gtd', file]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 3).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${file}:3 import:bad-row`,
      `${file}:4 import:bad-encoding`,
      `${file}:7 import:bad-encoding`,
    ]);
    expect(r.stderr).toContain('2 stored, 0 already stored, 3 skipped (reasons above)');
  });

  it('gives one line naming the file for a wrong header and for an xlsx that is not one', () => {
    const db = join(tmp(), 'vigil.db');
    const header = fixture('datasets/gtd-bad-header.csv');
    const r = vigil(['--db', db, 'import', 'gtd', header]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `${header}:1 import:bad-header not a GTD file: the header lacks eventid, iyear, imonth, iday, country_txt, attacktype1_txt (it has id, date, text)`,
    );
    const xlsx = fixture('datasets/not-a-workbook.xlsx');
    expect(vigil(['--db', db, 'import', 'gtd', xlsx]).stderr.split('\n')[0]).toBe(
      `${xlsx} import:bad-xlsx not an xlsx workbook (it is not a zip archive)`,
    );
  });

  it('imports ACLED, leaving out events that are not attacks', () => {
    const db = join(tmp(), 'vigil.db');
    const r = vigil(['--db', db, 'import', 'acled', fixture('datasets/acled-sample.csv')]);
    expect(r.code).toBe(1); // one row has a bad date
    expect(r.stderr).toContain(
      '4 stored, 0 already stored, 1 skipped (reasons above), 1 not attacks (1 Peaceful protest)',
    );
  });
});

describe('vigil import stix', { timeout: 120_000 }, () => {
  it('writes the knowledge-base overlay next to the database, which every command then loads', () => {
    const db = join(tmp(), 'vigil.db');
    const r = vigil(['--db', db, 'import', 'stix', fixture('stix/opencti-bundle.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 knowledge-base entities added and 1 given new aliases');
    expect(r.stderr).toContain(
      `kept 4 objects Vigil does not use in ${db}.kb/stix-kept.json: 1 identity, 1 malware, 1 indicator, 1 relationship (uses)`,
    );
    expect(existsSync(`${db}.kb/groups/stix-import.yaml`)).toBe(true);
    const doc = JSON.stringify({
      id: 'x',
      text: 'Fighters of the Liwa al-Fajr al-Shamali attacked a border post.',
    });
    const extracted = JSON.parse(vigil(['--db', db, 'extract', '-'], `${doc}\n`).stdout) as {
      entities: { id: string }[];
    };
    expect(extracted.entities.map((e) => e.id)).toContain('northern-dawn-brigade');
    const other = JSON.parse(vigil(['--db', join(tmp(), 'other.db'), 'extract', '-'], `${doc}\n`).stdout) as {
      entities: { id: string }[];
    };
    expect(other.entities.map((e) => e.id)).not.toContain('northern-dawn-brigade');
  });

  it('reports a malformed bundle in one line with its line number', () => {
    const file = fixture('stix/malformed.json');
    const r = vigil(['--db', join(tmp(), 'vigil.db'), 'import', 'stix', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(
      new RegExp(`^${file}:5 import:bad-json not JSON \\(column \\d+\\)`),
    );
  });
});

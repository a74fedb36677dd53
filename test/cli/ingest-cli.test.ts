import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';

describe('vigil ingest, search, stats, reprocess', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-ingest-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'nested'), { recursive: true });
  writeFileSync(
    join(inbox, 'kabul.txt'),
    'A suicide bomber killed 12 soldiers at a checkpoint in Kabul on Sunday. The Taliban claimed responsibility.',
  );
  writeFileSync(
    join(inbox, 'nested', 'notes.md'),
    '# Council\n\nThe council met on Monday to discuss parking in the town centre.',
  );
  writeFileSync(
    join(inbox, 'feed.jsonl'),
    [
      JSON.stringify({
        id: 'x1',
        text: 'Gunmen attacked a police station in Maiduguri, killing three officers. Boko Haram was blamed.',
        published: '2020-02-02',
      }),
      '{"id": "broken", "text": ',
      JSON.stringify({
        id: 'x2',
        text: 'A suicide bomber killed 12 soldiers at a checkpoint in Kabul on Sunday.  The Taliban claimed responsibility.',
      }),
    ].join('\n'),
  );
  writeFileSync(join(inbox, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  const db = join(dir, 'vigil.db');

  it('stores each document once, reports every skipped item with its reason, and exits 1 when something was skipped', () => {
    const r = vigil(['--db', db, 'ingest', '--workers', '0', inbox]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(inbox, 'feed.jsonl')}:2 input:bad-json`);
    expect(r.stderr).toContain(`${join(inbox, 'image.png')} ingest:unsupported`);
    expect(r.stderr).toMatch(/ingested 4 documents from 4 inputs: 3 stored, 1 already stored, 2 skipped/);
    expect(JSON.parse(vigil(['--db', db, 'stats', '--json']).stdout)).toMatchObject({
      documents: 3,
      messages: 2,
    });
  });

  it('is idempotent: a second run stores nothing new', () => {
    const r = vigil(['--db', db, 'ingest', '--workers', '0', '--json', inbox]);
    const summary = JSON.parse(r.stdout) as { stored: number; duplicates: number };
    expect(summary.stored).toBe(0);
    expect(summary.duplicates).toBe(4);
  });

  it('searches the text with filters and prints hits as JSON', () => {
    const hits = JSON.parse(vigil(['--db', db, 'search', '--json', 'soldiers', 'checkpoint']).stdout) as {
      id: string;
      snippet: string;
    }[];
    expect(hits).toHaveLength(1);
    expect(hits[0]!.id).toMatch(/^doc_/);
    expect(hits[0]!.snippet).toContain('[soldiers]');
    expect(
      JSON.parse(vigil(['--db', db, 'search', '--json', '--country', 'NG', 'police']).stdout),
    ).toHaveLength(1);
    expect(
      JSON.parse(vigil(['--db', db, 'search', '--json', '--group', 'taliban', 'police']).stdout),
    ).toHaveLength(0);
    expect(vigil(['--db', db, 'search', 'nothing-matches-this']).stdout.trim()).toBe('no documents found');
  });

  it('reprocesses every stored document', () => {
    const r = vigil(['--db', db, 'reprocess']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('reprocessed 3 documents');
  });

  it('maps CSV columns by flag and refuses oversized files before reading them', () => {
    const more = join(dir, 'more');
    mkdirSync(more);
    writeFileSync(
      join(more, 'posts.csv'),
      'headline,body_text,day\n"Raid","Militants raided a village near Gao, killing nine.",2021-03-05\n',
    );
    const big = join(more, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, 201 * 1024 * 1024); // sparse: nothing is written or read
    const r = vigil([
      '--db',
      db,
      'ingest',
      '--workers',
      '0',
      '--json',
      '--csv-text',
      'body_text',
      '--csv-title',
      'headline',
      '--csv-date',
      'day',
      more,
    ]);
    const summary = JSON.parse(r.stdout) as {
      stored: number;
      problems: { ruleId: string; reason: string }[];
    };
    expect(summary.stored).toBe(1);
    expect(summary.problems).toEqual([expect.objectContaining({ ruleId: 'ingest:too-large' })]);
    expect(summary.problems[0]!.reason).toMatch(/over the 200 MB limit/);
  });

  it('explains a database it cannot open in one line', () => {
    const r = vigil(['--db', join(dir, 'missing', 'deep', 'x.db'), 'stats']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^vigil: cannot open database /);
  });
});

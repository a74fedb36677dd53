import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';
import type { Extraction } from '../../src/pipeline/extraction.js';
import { extractionErrors } from '../extract/validate-extraction.js';

describe('vigil extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-extract-'));
  const attack =
    'A suicide bomber killed 12 soldiers at a checkpoint in Mogadishu on Sunday. Al-Shabaab claimed responsibility.';

  it('writes one schema-valid JSON line per document, in input order, skipping bad lines with exit 1', () => {
    const file = join(dir, 'docs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: attack, published: '2019-03-18' }),
        'not json',
        JSON.stringify({ id: 'b', text: 'The council met to discuss parking.' }),
      ].join('\n'),
    );
    const r = vigil(['extract', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^${file}:2 input:bad-json `));
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Extraction);
    expect(out.map((x) => x.id)).toEqual(['a', 'b']);
    expect(extractionErrors(out[0]!, attack)).toEqual([]);
    expect(out[0]!.incidents[0]).toMatchObject({
      type: 'Bombing/Explosion',
      killed: { value: 12 },
      date: { value: '2019-03-17' },
    });
    expect(out[1]!.incidents).toEqual([]);
  });

  it('reads a text file with --published and spreads large inputs over worker threads in order', () => {
    const txt = join(dir, 'report.txt');
    writeFileSync(txt, attack);
    const one = vigil(['extract', '--published', '2019-03-18', txt]);
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as Extraction).id).toBe('report.txt');

    const many = Array.from({ length: 240 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, text: i % 2 ? attack : 'Nothing happened.' }),
    ).join('\n');
    const r = vigil(['extract', '--workers', '2', '-'], many);
    expect(r.code).toBe(0);
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as Extraction).id);
    expect(ids).toEqual(Array.from({ length: 240 }, (_, i) => `d${i}`));
  });
});

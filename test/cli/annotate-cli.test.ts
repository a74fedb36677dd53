import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';

describe('vigil annotate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));

  it('prints one JSON line per document whose spans match the text', () => {
    const text = 'On Friday a gunman killed 50 people at two mosques in Christchurch, New Zealand.';
    const r = vigil(['annotate', '-'], `${JSON.stringify({ id: 'nz', text, published: '2019-03-16' })}\n`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim()) as {
      id: string;
      sentences: number[][];
      mentions: { kind: string; start: number; end: number; text: string; value?: unknown }[];
    };
    expect(out.id).toBe('nz');
    expect(out.sentences).toEqual([[0, text.length]]);
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(out.mentions.map((m) => [m.kind, m.text])).toEqual([
      ['date', 'Friday'],
      ['quantity', '50'],
      ['quantity', 'two'],
      ['place', 'Christchurch'],
      ['place', 'New Zealand'],
    ]);
    expect(out.mentions[0]?.value).toBe('2019-03-15');
  });

  it('reports bad input on one line each, processes the rest and exits 1', () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'Kabul.' }),
        '{oops',
        JSON.stringify({ id: 'b', text: '' }),
        JSON.stringify({ id: 'c', text: 'Paris.' }),
      ].join('\n'),
    );
    const r = vigil(['annotate', file, join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(1);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['a', 'c']);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(new RegExp(`^${file}:2 input:bad-json bad JSON: `));
    expect(errors[1]).toBe(`${file}:3 input:empty-text document b has an empty "text"`);
    expect(errors[2]).toBe(`${join(dir, 'nope.jsonl')} input:unreadable cannot read file: ENOENT`);
  });

  it('rejects a malformed --published with a one-line error', () => {
    const r = vigil(['annotate', '--published', 'yesterday', 'x.txt']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe(
      "error: option '--published <date>' argument 'yesterday' is invalid. expected a date YYYY-MM-DD, got \"yesterday\"",
    );
  });
});

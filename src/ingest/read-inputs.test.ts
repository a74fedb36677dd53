import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseDocumentLine, readInputs, type InputItem } from './read-inputs.js';

async function collect(paths: string[], options = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}

describe('readInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-inputs-'));

  it('reads JSON Lines in order and reports bad lines with their line number', async () => {
    const file = join(dir, 'docs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'One.', published: '2019-03-15' }),
        '{not json',
        '',
        JSON.stringify({ id: 'b', text: '   ' }),
        JSON.stringify({ id: 'c', text: 'Three.', url: 'https://example.org/c' }),
      ].join('\n'),
    );
    const items = await collect([file]);
    expect(items.map((i) => ('doc' in i ? i.doc.id : `${i.problem.line} ${i.problem.ruleId}`))).toEqual([
      'a',
      '2 input:bad-json',
      '4 input:empty-text',
      'c',
    ]);
    expect(items[0]).toEqual({
      doc: { id: 'a', text: 'One.', published: '2019-03-15', source: `${file}:1` },
    });
  });

  it('reads a text file with the given publication date, and reports a missing file', async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'A bomb exploded.');
    const items = await collect([join(dir, 'missing.jsonl'), file], { published: '2019-03-15' });
    expect(items[0]).toMatchObject({
      problem: { ruleId: 'input:unreadable', reason: 'cannot read file: ENOENT' },
    });
    expect(items[1]).toEqual({
      doc: { id: 'report.txt', text: 'A bomb exploded.', published: '2019-03-15', source: file },
    });
  });

  it('reads standard input for -', async () => {
    const stdin = Readable.from([`${JSON.stringify({ id: 1, text: 'From stdin.' })}\n`]);
    const items = await collect(['-'], { stdin });
    expect(items).toEqual([{ doc: { id: '1', text: 'From stdin.', source: '<stdin>:1' } }]);
  });
});

describe('parseDocumentLine', () => {
  it('names the field that is wrong', () => {
    const reason = (raw: string) => {
      const r = parseDocumentLine(raw, 'x:1');
      return 'problem' in r ? r.problem.reason : 'ok';
    };
    expect(reason('[1]')).toBe('a line must be a JSON object');
    expect(reason('{"text":"x"}')).toBe('missing "id" (string)');
    expect(reason('{"id":"a"}')).toBe('missing "text" (string)');
    expect(reason('{"id":"a","text":"x","published":"March"}')).toBe('"published" must be a date YYYY-MM-DD');
    expect(reason('{"id":"a","text":"x","title":5}')).toBe('"title" must be a string');
  });
});

import { closeSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offset, MAX_INPUT_BYTES, readTextFile } from './read-text-file.js';
import type { SourceItem } from './source-document.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/ingest/text');
const fixture = (name: string): string => join(fixtures, name);

function problem(item: SourceItem): string {
  if (!('problem' in item))
    throw new Error(`expected a problem, got a document: ${item.doc.text.slice(0, 40)}`);
  expect(item.problem.reason).not.toContain('\n');
  return `${item.problem.ruleId} ${item.problem.reason}`;
}

describe('readTextFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-text-'));

  it('keeps a plain-text file exactly, without its byte-order mark, titled by its first line', async () => {
    const item = await readTextFile(fixture('report.txt'));
    expect(item).toEqual({
      doc: {
        source: { kind: 'file', path: fixture('report.txt') },
        text: 'Police report from Northtown\r\n\r\nTwelve people were injured in the blast.\r\n',
        title: 'Police report from Northtown',
      },
    });
  });

  it('titles a Markdown file by its first "# " heading and keeps the text as it is', async () => {
    const item = await readTextFile(fixture('notes.md'));
    if (!('doc' in item)) throw new Error(problem(item));
    expect(item.doc.title).toBe('Northtown market bombing: what we know');
    expect(
      item.doc.text.startsWith('Some preamble that is not a heading.\n\n## Second-level heading\n'),
    ).toBe(true);
  });

  it('takes title, date and language from Markdown front matter, and keeps the front matter in the text', async () => {
    const item = await readTextFile(fixture('report.md'));
    if (!('doc' in item)) throw new Error(problem(item));
    expect(item.doc.title).toBe('Weekly security report');
    expect(item.doc.publishedAt).toBe('2019-03-22');
    expect(item.doc.language).toBe('en');
    expect(item.doc.text.startsWith('---\ntitle:')).toBe(true);
  });

  it('titles a Markdown file without "# " heading by its first line after the front matter', async () => {
    const file = join(dir, 'plain.md');
    writeFileSync(file, '---\nsource: wire\n---\n\nFirst real line\nsecond line\n');
    const item = await readTextFile(file);
    expect('doc' in item && item.doc.title).toBe('First real line');
  });

  it('cuts a very long first line to a title of at most 200 characters', async () => {
    const file = join(dir, 'long.txt');
    writeFileSync(file, `${'word '.repeat(100)}\n`);
    const item = await readTextFile(file);
    if (!('doc' in item)) throw new Error(problem(item));
    expect(item.doc.title?.length).toBeLessThanOrEqual(201);
    expect(item.doc.title?.endsWith('word…')).toBe(true);
  });

  it('reports a Latin-1 file as not UTF-8, naming the bad byte and its line', async () => {
    expect(problem(await readTextFile(fixture('latin1.txt')))).toBe(
      'ingest:bad-encoding not UTF-8 text (invalid byte 0xFC on line 1, byte offset 13); re-save it as UTF-8',
    );
  });

  it('reports a file with NUL bytes as binary', async () => {
    expect(problem(await readTextFile(fixture('binary.txt')))).toBe(
      'ingest:binary binary file, not text (NUL byte at byte offset 8)',
    );
  });

  it('names UTF-16 text as not UTF-8 rather than binary', async () => {
    expect(problem(await readTextFile(fixture('utf16.txt')))).toBe(
      'ingest:bad-encoding not UTF-8 text: the file is UTF-16 (re-save it as UTF-8)',
    );
  });

  it('reports a file of only white space as empty', async () => {
    expect(problem(await readTextFile(fixture('blank.txt')))).toBe('ingest:empty-text the file has no text');
  });

  it('rejects a file over 20 MB from its size, without reading it', async () => {
    const file = join(dir, 'huge.txt');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1); // sparse: no data written
    closeSync(fd);
    expect(problem(await readTextFile(file))).toBe(
      'ingest:too-large the file is 20.0 MB, over the 20 MB limit',
    );
  });

  it('accepts a file of exactly 20 MB', async () => {
    const file = join(dir, 'limit.txt');
    writeFileSync(file, Buffer.alloc(MAX_INPUT_BYTES, 'a'));
    const item = await readTextFile(file);
    expect('doc' in item && item.doc.text.length).toBe(MAX_INPUT_BYTES);
  });

  it('reports a missing file and an unsupported extension', async () => {
    expect(problem(await readTextFile(join(dir, 'missing.txt')))).toBe(
      'ingest:unreadable cannot read file: ENOENT',
    );
    expect(problem(await readTextFile(join(dir, 'page.pdf')))).toBe(
      'ingest:unsupported unsupported text file type ".pdf" (expected .txt or .md)',
    );
  });

  it('gives the file path as the source of every problem', async () => {
    const item = await readTextFile(fixture('binary.txt'));
    expect('problem' in item && item.problem).toMatchObject({
      source: fixture('binary.txt'),
      severity: 'error',
    });
  });
});

describe('invalidUtf8Offset', () => {
  it('agrees with a fatal TextDecoder on valid and invalid sequences', () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62], -1],
      [[0xc3, 0xa9], -1], // é
      [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
      [[0x61, 0xe9, 0x62], 1], // Latin-1 é
      [[0xc0, 0x80], 0], // overlong NUL
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0x61, 0xe2, 0x82], 1], // truncated at the end
    ];
    for (const [bytes, expected] of cases) {
      expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(expected);
      expect('text' in decodeUtf8(Uint8Array.from(bytes))).toBe(expected === -1);
    }
  });
});

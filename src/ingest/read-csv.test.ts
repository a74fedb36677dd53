import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvDocuments, type CsvColumns } from './read-csv.js';
import type { SourceItem } from './source-document.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/ingest/csv');
const fixture = (name: string): string => join(fixtures, name);

async function collect(path: string, options: CsvColumns = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readCsvDocuments(path, options)) out.push(item);
  return out;
}

/** `line kind detail` per item, for comparing the order of documents and problems. */
function outline(items: SourceItem[]): string[] {
  return items.map((i) => {
    if ('doc' in i) return `${i.doc.source.line} doc ${i.doc.title ?? i.doc.text.slice(0, 20)}`;
    expect(i.problem.reason).not.toContain('\n');
    return `${i.problem.line ?? '-'} ${i.problem.ruleId} ${i.problem.reason}`;
  });
}

describe('readCsvDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-csv-'));
  const write = (name: string, content: string | Buffer): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('maps the default columns case-insensitively, keeps the others in meta, and reports the empty row', async () => {
    const path = fixture('articles.csv');
    const items = await collect(path);
    expect(outline(items)).toEqual([
      '2 doc Market blast',
      '3 doc Statement',
      '5 ingest:empty-text the row has an empty "Body" column',
      '7 doc Checkpoint attack',
    ]);
    expect(items[0]).toEqual({
      doc: {
        source: { kind: 'file', path, line: 2, url: 'https://example.org/a1' },
        text: 'An explosive device went off at the central market in Northtown, injuring twelve people.',
        title: 'Market blast',
        publishedAt: '2019-03-20',
        meta: { id: 'a1', outlet: 'Example News', country: 'Northland' },
      },
    });
    expect(items[3]).toMatchObject({
      doc: { publishedAt: '2019-03-21T22:30:00Z', meta: { id: 'a4', country: 'Southland' } },
    });
    expect('doc' in items[3]! && items[3].doc.source.url).toBeUndefined();
  });

  it('keeps a quoted multi-line text as it is, and a date that is not ISO 8601 in meta', async () => {
    const items = await collect(fixture('articles.csv'));
    expect(items[1]).toEqual({
      doc: {
        source: { kind: 'file', path: fixture('articles.csv'), line: 3, url: 'https://example.org/a2' },
        text: 'The group said in a statement:\n"We will continue." The statement was posted online.',
        title: 'Statement',
        meta: { id: 'a2', published_at: '20 March 2019', outlet: 'Example Wire' },
      },
    });
  });

  it('uses the columns named in the options', async () => {
    const path = write('named.csv', 'Headline,Summary,Story,When\nT1,short,Full story one.,2020-01-02\n');
    const items = await collect(path, { text: 'story', title: 'HEADLINE', date: 'when' });
    expect(items).toEqual([
      {
        doc: {
          source: { kind: 'file', path, line: 2 },
          text: 'Full story one.',
          title: 'T1',
          publishedAt: '2020-01-02',
          meta: { Summary: 'short' },
        },
      },
    ]);
  });

  it('reports a missing text column once for the file, listing the columns it has', async () => {
    expect(outline(await collect(fixture('no-text-column.csv')))).toEqual([
      '1 ingest:no-text-column no text column (expected one of text, body, content, message, or name one; columns: title, summary)',
    ]);
  });

  it('reports a named column that is not in the header', async () => {
    const path = write('named-missing.csv', 'text,title\nSome text,T\n');
    expect(outline(await collect(path, { date: 'published_on' }))).toEqual([
      '1 ingest:no-text-column no column "published_on" for the date (columns: text, title)',
    ]);
  });

  it('yields the rows before an unclosed quote, then reports it with the line its record starts on', async () => {
    expect(outline(await collect(fixture('unclosed-quote.csv')))).toEqual([
      '2 doc One',
      '3 ingest:bad-csv malformed CSV: a quote opened in the record starting on line 3; the rest of the file was not read',
    ]);
  });

  it('reports text after a closing quote with its line and stops', async () => {
    const path = write('bad-quote.csv', 'text\nfine\n"closed" then more\nnever read\n');
    expect(outline(await collect(path))).toEqual([
      '2 doc fine',
      '3 ingest:bad-csv malformed CSV: text after a closing quote in the record starting on line 3; the rest of the file was not read',
    ]);
  });

  it('counts lines right with CRLF line ends, a byte-order mark and quoted line breaks', async () => {
    const path = write('crlf.csv', '\ufeffText,Title\r\n"one\r\ntwo",A\r\n\r\nthree,B\r\n');
    const items = await collect(path);
    expect(outline(items)).toEqual(['2 doc A', '5 doc B']);
    expect('doc' in items[0]! && items[0].doc.text).toBe('one\r\ntwo');
  });

  it('gives the right line to rows read across many chunks of a large file', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},"Report number ${i}\nsecond line"`);
    const path = write('large.csv', `id,text\n${rows.join('\n')}\n`);
    const items = await collect(path);
    expect(items).toHaveLength(20_000);
    const last = items.at(-1);
    expect('doc' in last! && [last.doc.source.line, last.doc.text, last.doc.meta]).toEqual([
      2 + 2 * 19_999,
      'Report number 19999\nsecond line',
      { id: '19999' },
    ]);
  });

  it('stops at bytes that are not UTF-8, after the rows before them', async () => {
    const path = write('latin1.csv', Buffer.from('text\nCafé fine\nZürich bad\n', 'latin1'));
    // "Café fine" is already bad Latin-1: the first row fails.
    expect(outline(await collect(path))).toEqual([
      '2 ingest:bad-encoding not UTF-8 text (invalid bytes on line 2); the rest of the file was not read',
    ]);
    const mixed = write(
      'mixed.csv',
      Buffer.concat([Buffer.from('text\nok row\n'), Buffer.from('Zürich\n', 'latin1')]),
    );
    expect(outline(await collect(mixed))).toEqual([
      '2 doc ok row',
      '3 ingest:bad-encoding not UTF-8 text (invalid bytes on line 3); the rest of the file was not read',
    ]);
  });

  it('reports an empty file and a missing file', async () => {
    expect(outline(await collect(write('empty.csv', '')))).toEqual([
      '- ingest:empty-text the CSV file is empty (no header row)',
    ]);
    expect(outline(await collect(join(dir, 'missing.csv')))).toEqual([
      '- ingest:unreadable cannot read file: ENOENT',
    ]);
  });

  it('reads a header-only file as no documents and no problem', async () => {
    expect(await collect(write('header.csv', 'text,title\n'))).toEqual([]);
  });
});

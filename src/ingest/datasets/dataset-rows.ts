import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse, type CsvError, type InfoRecord } from 'csv-parse';

/** Text encodings of dataset CSV files: GTD distributes Latin-1, ACLED UTF-8. */
export type DatasetEncoding = 'latin1' | 'utf8';

/** A problem with the file or one row; `fatal` problems end the file. */
export interface RowProblem {
  line: number;
  ruleId: string;
  reason: string;
  fatal?: boolean;
}

/** One row of a dataset file by column name, with the 1-based line (or spreadsheet row) it starts on. */
export type RowItem = { line: number; values: Record<string, string> } | { problem: RowProblem };

/** Options of {@link readDatasetCsv}. */
export interface DatasetCsvOptions {
  encoding: DatasetEncoding;
  /** Columns the header must have (else the file is not of this dataset: one fatal problem). */
  required: readonly string[];
  /** The dataset's name, for messages ("GTD"). */
  dataset: string;
  /** The columns to return (default: all); the whole row is still checked. */
  columns?: readonly string[];
}

/** A row longer than this is a quote never closed: the file is malformed from there on. */
const MAX_RECORD_BYTES = 1 << 20;

/**
 * Windows-1252 characters of the bytes 0x80–0x9F, which GTD's Latin-1 files use for typographic
 * quotes and dashes; the five bytes Windows-1252 leaves undefined are not text.
 */
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
/** Control characters (other than tab and line ends) and the undefined Windows-1252 bytes. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const NOT_LATIN1_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/;
/** A UTF-8 multi-byte sequence read as Latin-1 ("Ã©" for "é"): the file is UTF-8. */
const UTF8_AS_LATIN1 = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/;

/**
 * Read a dataset's CSV file row by row, streaming (never the whole file in memory): the header
 * names the columns, and each row comes with the line it starts on. Latin-1 files are read as
 * Windows-1252 (its superset for printable text); a row with a byte that is not Latin-1 text, or
 * that reads as UTF-8, is a problem for that row (`import:bad-encoding`) and reading goes on; in a
 * UTF-8 file a byte sequence that is not UTF-8 is the same. A UTF-8 byte-order mark makes a file
 * UTF-8 whatever `encoding` says. A header without the required columns (`import:bad-header`),
 * malformed CSV (`import:bad-csv`, such as a quote never closed) and an unreadable file are fatal.
 */
export async function* readDatasetCsv(path: string, options: DatasetCsvOptions): AsyncGenerator<RowItem> {
  try {
    if (!(await stat(path)).isFile()) {
      yield fatal(0, 'import:unreadable', 'not a regular file');
      return;
    }
  } catch (err) {
    yield fatal(
      0,
      'import:unreadable',
      `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
    return;
  }
  const records: { fields: string[]; end: number }[] = [];
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (fields: string[], context: InfoRecord) => {
      records.push({ fields, end: context.bytes });
      return null;
    },
  });
  parser.on('error', () => {}); // errors arrive through the write and end callbacks
  parser.resume();

  const lines = new LineIndex();
  let encoding = options.encoding;
  let header: string[] | undefined;
  let keep: number[] | undefined;
  let previousEnd = 0;
  let first = true;
  let stop = false;

  const rows = function* (): Generator<RowItem> {
    for (const { fields, end } of records.splice(0)) {
      const line = lines.lineAt(previousEnd);
      previousEnd = end;
      if (!header) {
        header = fields.map((f) => f.trim());
        const missing = options.required.filter((c) => !header!.includes(c));
        if (missing.length > 0) {
          yield fatal(
            line,
            'import:bad-header',
            `not a ${options.dataset} file: the header lacks ${missing.join(', ')} (it has ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`,
          );
          stop = true;
          return;
        }
        continue;
      }
      keep ??= (options.columns ?? header).flatMap((c) => {
        const i = header!.indexOf(c);
        return i === -1 ? [] : [i];
      });
      yield toRow(fields, header, keep, line, encoding);
    }
  };

  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      let bytes = chunk as Buffer;
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          bytes = bytes.subarray(3);
          encoding = 'utf8';
        }
      }
      // Latin-1 is fed to the parser as UTF-8 with one character per byte, so that the checks
      // above see the bytes themselves; line ends and separators are the same bytes in both.
      const fed = encoding === 'latin1' ? Buffer.from(bytes.toString('latin1'), 'utf8') : bytes;
      lines.push(fed);
      const err = await write(parser, fed);
      yield* rows();
      if (stop) return;
      if (err) {
        yield fatal(lines.lineAt(previousEnd), 'import:bad-csv', csvReason(err));
        return;
      }
    }
    const err = await end(parser);
    yield* rows();
    if (stop) return;
    if (err) yield fatal(lines.lineAt(previousEnd), 'import:bad-csv', csvReason(err));
    else if (!header) yield fatal(1, 'import:bad-header', `the file is empty: no ${options.dataset} header`);
  } catch (err) {
    yield fatal(
      lines.lineAt(previousEnd),
      'import:unreadable',
      `read failed: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  } finally {
    parser.destroy();
  }
}

function fatal(line: number, ruleId: string, reason: string): RowItem {
  return { problem: { line, ruleId, reason, fatal: true } };
}

/** Anything but printable ASCII, tab and line ends: the row needs the encoding checks. */
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/;

/** A parsed row as values of the kept columns by name, or the problem with its text. */
function toRow(
  fields: string[],
  header: string[],
  keep: number[],
  line: number,
  encoding: DatasetEncoding,
): RowItem {
  if (fields.length !== header.length)
    return {
      problem: {
        line,
        ruleId: 'import:bad-row',
        reason: `the row has ${fields.length} fields, the header ${header.length}`,
      },
    };
  const plain = !NOT_PLAIN.test(fields.join('\n'));
  if (!plain) {
    for (let i = 0; i < fields.length; i++) {
      const v = fields[i]!;
      if (encoding === 'latin1') {
        const bad = v.search(NOT_LATIN1_TEXT);
        if (bad !== -1) {
          const byte = v.charCodeAt(bad).toString(16).padStart(2, '0');
          return encodingProblem(line, `byte 0x${byte} in column ${header[i]} is not Latin-1 text`);
        }
        if (UTF8_AS_LATIN1.test(v))
          return encodingProblem(
            line,
            `column ${header[i]} reads as UTF-8, not Latin-1 (convert the file, or import it with --encoding utf8)`,
          );
      } else if (v.includes('\ufffd')) return encodingProblem(line, `column ${header[i]} is not UTF-8 text`);
    }
  }
  const values: Record<string, string> = {};
  for (const i of keep) {
    const v = fields[i]!;
    values[header[i]!] =
      !plain && encoding === 'latin1' && /[\x80-\x9f]/.test(v)
        ? v.replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!)
        : v;
  }
  return { line, values };
}

function encodingProblem(line: number, reason: string): RowItem {
  return { problem: { line, ruleId: 'import:bad-encoding', reason } };
}

function csvReason(error: Error): string {
  const code = (error as CsvError).code as string | undefined;
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE'
      ? 'a quote opened and never closed'
      : code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'text after a closing quote'
        : code === 'INVALID_OPENING_QUOTE'
          ? 'a quote inside an unquoted field'
          : error.message.replace(/\s+/g, ' ').slice(0, 120);
  return `malformed CSV: ${what} in the row starting here; the rest of the file was not read`;
}

/** Write a chunk and wait until the parser has taken it; resolves with its error, if any. */
function write(parser: ReturnType<typeof parse>, chunk: Buffer): Promise<Error | undefined> {
  if (chunk.length === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => parser.write(chunk, (err) => resolve(err ?? undefined)));
}

/** End the parser (flushing the last row); resolves with its error, if any. */
function end(parser: ReturnType<typeof parse>): Promise<Error | undefined> {
  return new Promise((resolve) => {
    parser.once('error', (err: Error) => resolve(err));
    parser.once('finish', () => resolve(undefined));
    parser.end();
  });
}

/**
 * Line numbers from byte offsets of what was fed to the parser. It keeps, for the line ends not yet
 * passed (never more than a few rows' worth), where the line's content ends (before a `\r\n`) and
 * where the next line starts.
 */
class LineIndex {
  private ends: number[] = [];
  private starts: number[] = [];
  private head = 0;
  /** Line ends dropped from the lists (all before the offsets still asked about). */
  private dropped = 0;
  private offset = 0;
  private lastByte = -1;

  push(chunk: Buffer): void {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
      const before = i > 0 ? chunk[i - 1] : this.lastByte;
      this.ends.push(this.offset + i - (before === 0x0d ? 1 : 0));
      this.starts.push(this.offset + i + 1);
    }
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
    this.offset += chunk.length;
  }

  /** The 1-based line of the first content at or after byte `from` (empty lines are skipped). */
  lineAt(from: number): number {
    while (this.head < this.ends.length && this.ends[this.head]! < from) this.head++;
    let k = this.head;
    let pos = from;
    while (k < this.ends.length && this.ends[k] === pos) pos = this.starts[k++]!;
    const line = this.dropped + k + 1;
    if (this.head > 4096) {
      this.ends = this.ends.slice(this.head);
      this.starts = this.starts.slice(this.head);
      this.dropped += this.head;
      this.head = 0;
    }
    return line;
  }
}

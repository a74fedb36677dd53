import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse, type CsvError, type InfoRecord } from 'csv-parse';
import { invalidUtf8Offset, MAX_INPUT_BYTES } from './read-text-file.js';
import { sourceProblem, type SourceDocument, type SourceItem } from './source-document.js';

/** Which header columns hold the document fields; each names a column, matched case-insensitively. */
export interface CsvColumns {
  /** The text column (default: the first of `text`, `body`, `content`, `message`). */
  text?: string;
  /** The title column (default: `title` or `headline`). */
  title?: string;
  /** The publication date column (default: `date`, `published`, `published_at`, `publishedAt`). */
  date?: string;
  /** The URL column (default: `url` or `link`). */
  url?: string;
  /** A column with the row's own identifier, kept as `meta.id` (default: `id`). */
  id?: string;
}

type Field = keyof CsvColumns;

const DEFAULT_COLUMNS: Record<Field, readonly string[]> = {
  text: ['text', 'body', 'content', 'message'],
  title: ['title', 'headline'],
  date: ['date', 'published', 'published_at', 'publishedat'],
  url: ['url', 'link'],
  id: ['id'],
};

const FIELDS: readonly Field[] = ['text', 'title', 'date', 'url', 'id'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** One event from the parser, in input order. `bytes` is where the record ends in the file. */
type CsvEvent =
  | { kind: 'header'; names: string[]; bytes: number }
  | { kind: 'record'; record: Record<string, string>; bytes: number }
  | { kind: 'error'; error: Error };

/**
 * Read a CSV file with a header row as documents, one per row, streaming (csv-parse with
 * `relax_column_count` and a UTF-8 byte-order mark allowed).
 *
 * Columns are found by name, case-insensitively: the `options` name them, or the defaults apply
 * (see {@link CsvColumns}). Every other non-empty column is kept in `meta` under its header name;
 * a date that is not ISO 8601 (`YYYY-MM-DD…`) is kept in `meta` under its column's name instead of
 * becoming `publishedAt`. Each document's source is `{kind: 'file', path, line}`, `line` being the
 * 1-based line the row starts on (rows may span lines inside quotes).
 *
 * Problems, with the line when there is one: `ingest:no-text-column` (once for the file, then
 * stop), `ingest:empty-text` (a row with no text; reading goes on), `ingest:bad-csv` (malformed CSV
 * such as an unclosed quote, named with the line its record starts on; the rest of the file is not
 * read, since csv-parse cannot resynchronise), `ingest:bad-encoding` (not UTF-8; stop) and
 * `ingest:unreadable`. Rows before a problem that stops reading are still yielded.
 */
export async function* readCsvDocuments(path: string, options: CsvColumns = {}): AsyncGenerator<SourceItem> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield sourceProblem('ingest:unreadable', 'not a regular file', path);
      return;
    }
  } catch (err) {
    yield sourceProblem('ingest:unreadable', `cannot read file: ${errorCode(err)}`, path);
    return;
  }

  const events: CsvEvent[] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Bounds memory when a quote is never closed and the rest of the file becomes one field.
    max_record_size: MAX_INPUT_BYTES,
    columns: (header: string[]) => {
      events.push({ kind: 'header', names: header, bytes: parser.info.bytes });
      return header;
    },
    // Records are taken here, synchronously and in order, so that none is lost when a later part
    // of the same chunk is malformed; nothing is pushed to the stream side.
    on_record: (record: Record<string, string>, context: InfoRecord) => {
      events.push({ kind: 'record', record, bytes: context.bytes });
      return null;
    },
  });
  parser.on('error', () => {}); // errors arrive through the write / end callbacks
  parser.resume();

  const lines = new LineTracker();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let mapping: Mapping | undefined;
  let stop = false;

  // Turn the parser's events into items; sets `stop` on a problem that ends the file.
  const drain = function* (): Generator<SourceItem> {
    for (const event of events.splice(0)) {
      if (stop) return;
      if (event.kind === 'error') {
        const line = lines.pendingStart();
        yield sourceProblem('ingest:bad-csv', csvErrorReason(event.error, line), path, line);
        stop = true;
        return;
      }
      const line = lines.recordStart(event.bytes);
      if (event.kind === 'header') {
        mapping = mapColumns(event.names, options);
        if ('problem' in mapping) {
          yield sourceProblem('ingest:no-text-column', mapping.problem, path, line);
          stop = true;
          return;
        }
        continue;
      }
      if (mapping && !('problem' in mapping)) yield rowToItem(event.record, mapping, path, line);
    }
  };

  let offset = 0;
  let atLineStart = true; // the bytes written so far end with a line break
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        // Read the complete lines before the bad byte (ending the parser there flushes the last
        // of them), never the line it is on; then report the line.
        const bad = firstBadByte(bytes);
        const cut = bytes.lastIndexOf(0x0a, bad - 1) + 1;
        const valid = bytes.subarray(0, cut);
        lines.push(valid);
        const err = await write(parser, valid);
        if (err) events.push({ kind: 'error', error: err });
        if (!err && (cut > 0 || atLineStart)) {
          await end(parser); // an error here is a quoted field cut at the line break: not reported
          for (let i = events.length - 1; i >= 0; i--) if (events[i]?.kind === 'error') events.splice(i, 1);
        }
        yield* drain();
        if (stop) return;
        lines.push(bytes.subarray(cut, bad));
        const line = lines.lastLine();
        yield sourceProblem(
          'ingest:bad-encoding',
          `not UTF-8 text (invalid bytes on line ${line}); the rest of the file was not read`,
          path,
          line,
        );
        return;
      }
      lines.push(bytes);
      const err = await write(parser, bytes);
      if (err) events.push({ kind: 'error', error: err });
      yield* drain();
      if (stop) return;
      offset += bytes.length;
      if (bytes.length > 0) atLineStart = bytes[bytes.length - 1] === 0x0a;
    }
    try {
      decoder.decode(); // a multi-byte sequence cut off at the end of the file
    } catch {
      yield sourceProblem('ingest:bad-encoding', 'not UTF-8 text (the file ends inside a character)', path);
      return;
    }
    const err = await end(parser);
    if (err) events.push({ kind: 'error', error: err });
    yield* drain();
    if (stop) return;
  } catch (err) {
    yield sourceProblem('ingest:unreadable', `read failed after byte ${offset}: ${errorCode(err)}`, path);
    return;
  } finally {
    parser.destroy();
  }
  if (mapping === undefined) {
    yield sourceProblem('ingest:empty-text', 'the CSV file is empty (no header row)', path);
  }
}

/** Header index of each document field, and the other columns to keep in `meta`. */
type Mapping = { columns: Partial<Record<Field, string>>; others: string[] } | { problem: string };

function mapColumns(names: string[], options: CsvColumns): Mapping {
  const lower = new Map<string, string>();
  for (const name of names) if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), name);
  const columns: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const asked = options[field];
    if (asked !== undefined) {
      const found = lower.get(asked.toLowerCase());
      if (found === undefined) {
        return { problem: `no column "${asked}" for the ${field} (columns: ${names.join(', ')})` };
      }
      columns[field] = found;
      continue;
    }
    for (const candidate of DEFAULT_COLUMNS[field]) {
      const found = lower.get(candidate);
      if (found !== undefined) {
        columns[field] = found;
        break;
      }
    }
  }
  if (columns.text === undefined) {
    return {
      problem: `no text column (expected one of ${DEFAULT_COLUMNS.text.join(', ')}, or name one; columns: ${names.join(', ')})`,
    };
  }
  const used = new Set(Object.values(columns));
  return { columns, others: names.filter((n) => !used.has(n)) };
}

function rowToItem(
  record: Record<string, string>,
  mapping: Exclude<Mapping, { problem: string }>,
  path: string,
  line: number,
): SourceItem {
  const { columns, others } = mapping;
  const get = (field: Field): string | undefined => {
    const column = columns[field];
    const value = column === undefined ? undefined : record[column]?.trim();
    return value ? value : undefined;
  };
  const text = record[columns.text as string];
  if (text === undefined || text.trim() === '') {
    return sourceProblem('ingest:empty-text', `the row has an empty "${columns.text}" column`, path, line);
  }
  const doc: SourceDocument = { source: { kind: 'file', path, line }, text };
  const meta: Record<string, unknown> = {};
  const title = get('title');
  if (title) doc.title = title;
  const url = get('url');
  if (url) doc.source.url = url;
  const date = get('date');
  if (date && ISO_DATE.test(date)) doc.publishedAt = date;
  else if (date) meta[columns.date as string] = date;
  const id = get('id');
  if (id) meta.id = id;
  for (const name of others) {
    const value = record[name];
    if (value !== undefined && value !== '') meta[name] = value;
  }
  if (Object.keys(meta).length > 0) doc.meta = meta;
  return { doc };
}

function csvErrorReason(error: Error, line: number): string {
  const code = (error as CsvError).code as string | undefined;
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quote opened'
      : code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'text after a closing quote'
        : code === 'INVALID_OPENING_QUOTE'
          ? 'a quote inside an unquoted field'
          : code === 'CSV_MAX_RECORD_SIZE'
            ? 'a record over 20 MB (probably a quote never closed)'
            : `${error.message.replace(/\s+/g, ' ').slice(0, 120)}`;
  return `malformed CSV: ${what} in the record starting on line ${line}; the rest of the file was not read`;
}

/** Write a chunk and wait until the parser has taken it; resolves with its error, if any. */
function write(parser: ReturnType<typeof parse>, chunk: Uint8Array): Promise<Error | undefined> {
  if (chunk.length === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    parser.write(chunk, (err) => resolve(err ?? undefined));
  });
}

/** End the parser (flushing the last record); resolves with its error, if any. */
function end(parser: ReturnType<typeof parse>): Promise<Error | undefined> {
  return new Promise((resolve) => {
    parser.once('error', (err: Error) => resolve(err));
    parser.once('finish', () => resolve(undefined));
    parser.end();
  });
}

/**
 * Line numbers of record starts, counted from the bytes themselves (csv-parse's own count is wrong
 * for CRLF line ends inside quoted fields). `\n`, `\r\n` and a lone `\r` each end a line. It keeps
 * the bytes it has not counted yet, which are never more than the record csv-parse is holding.
 */
class LineTracker {
  private chunks: Uint8Array[] = [];
  /** Absolute offset of `chunks[0][0]`. */
  private base = 0;
  private offset = 0;
  private line = 1;
  private lastWasCr = false;
  /** Line of the first byte of the record being read, once seen (empty lines before it are skipped). */
  private start: number | undefined;

  /** Add the next bytes of the file. */
  push(chunk: Uint8Array): void {
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  /** Count lines up to absolute byte `target` (or as far as the bytes pushed so far go). */
  advanceTo(target: number): void {
    while (this.offset < target) {
      const chunk = this.chunks[0];
      if (chunk === undefined) return;
      const i = this.offset - this.base;
      if (i >= chunk.length) {
        this.base += chunk.length;
        this.chunks.shift();
        continue;
      }
      const b = chunk[i];
      if (b === 0x0a) {
        if (!this.lastWasCr) this.line++;
        this.lastWasCr = false;
      } else if (b === 0x0d) {
        this.line++;
        this.lastWasCr = true;
      } else {
        this.lastWasCr = false;
        if (this.start === undefined) this.start = this.line;
      }
      this.offset++;
    }
  }

  /** The start line of the record (or header) that ends at byte `end`; the next one begins after it. */
  recordStart(end: number): number {
    this.advanceTo(end);
    const line = this.start ?? this.line;
    this.start = undefined;
    return line;
  }

  /** Start line of the record being read now (it is reported when the rest of the file is bad). */
  pendingStart(): number {
    this.advanceTo(Infinity);
    return this.start ?? this.line;
  }

  /** The line reached after counting every byte pushed so far. */
  lastLine(): number {
    this.advanceTo(Infinity);
    return this.line;
  }
}

/** Where the valid UTF-8 of a chunk ends (a character begun in the previous chunk is skipped over). */
function firstBadByte(chunk: Uint8Array): number {
  let from = 0;
  while (from < 3 && ((chunk[from] ?? 0) & 0xc0) === 0x80) from++;
  const at = invalidUtf8Offset(chunk.subarray(from));
  return at === -1 ? 0 : from + at;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Message } from '../doc.js';

/** A document as given on input (DESIGN.md, `vigil extract`). */
export interface InputDocument {
  id: string;
  text: string;
  title?: string;
  published?: string;
  url?: string;
  /** Where it came from, for messages: `file.jsonl:12`. */
  source: string;
}

/** One item read from the inputs: a document, or a problem found on the way. */
export type InputItem = { doc: InputDocument } | { problem: Message };

/** Options for reading inputs. */
export interface ReadOptions {
  /** Publication date for plain-text files (`YYYY-MM-DD`). */
  published?: string;
  /** Standard input, for `-`. */
  stdin?: Readable;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Read documents from `.jsonl` files (one `{"id","text","title"?,"published"?,"url"?}` per line),
 * `-` (JSON Lines on standard input) and `.txt` files (id = file name), in order, streaming.
 * A bad line, an unreadable file or an empty text yields a problem with file and line; reading goes on.
 */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readJsonLines(options.stdin ?? process.stdin, '<stdin>');
      continue;
    }
    const ext = extname(path).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson') {
      let stream: Readable;
      try {
        stream = createReadStream(path, { encoding: 'utf8' });
        await new Promise<void>((resolve, reject) => {
          stream.once('readable', resolve);
          stream.once('error', reject);
        });
      } catch (err) {
        yield unreadable(err, path);
        continue;
      }
      yield* readJsonLines(stream, path);
    } else if (ext === '.txt' || ext === '') {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        yield unreadable(err, path);
        continue;
      }
      if (text.trim() === '') {
        yield problem('input:empty-text', 'the file has no text', path);
        continue;
      }
      const doc: InputDocument = { id: basename(path), text, source: path };
      if (options.published) doc.published = options.published;
      yield { doc };
    } else {
      yield problem('input:unsupported', `unsupported file type "${ext}" (expected .jsonl or .txt)`, path);
    }
  }
}

async function* readJsonLines(stream: Readable, source: string): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      if (raw.trim() === '') continue;
      const parsed = parseDocumentLine(raw, `${source}:${line}`);
      if ('problem' in parsed) parsed.problem.line = line;
      yield parsed;
    }
  } catch (err) {
    yield problem('input:unreadable', `read failed after line ${line}: ${(err as Error).message}`, source);
  }
}

/** Parse and check one JSON line; the problem names the field that is wrong. */
export function parseDocumentLine(raw: string, source: string): InputItem {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return problem('input:bad-json', `bad JSON: ${(err as Error).message}`, source);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problem('input:bad-document', 'a line must be a JSON object', source);
  }
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number')
    return problem('input:bad-document', 'missing "id" (string)', source);
  if (typeof o.text !== 'string') return problem('input:bad-document', 'missing "text" (string)', source);
  if (o.text.trim() === '')
    return problem('input:empty-text', `document ${String(o.id)} has an empty "text"`, source);
  for (const key of ['title', 'url'] as const) {
    if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') {
      return problem('input:bad-document', `"${key}" must be a string`, source);
    }
  }
  if (
    o.published !== undefined &&
    o.published !== null &&
    (typeof o.published !== 'string' || !ISO_DAY.test(o.published.slice(0, 10)))
  ) {
    return problem('input:bad-document', '"published" must be a date YYYY-MM-DD', source);
  }
  const doc: InputDocument = { id: String(o.id), text: o.text, source };
  if (typeof o.title === 'string') doc.title = o.title;
  if (typeof o.published === 'string') doc.published = o.published.slice(0, 10);
  if (typeof o.url === 'string') doc.url = o.url;
  return { doc };
}

function unreadable(err: unknown, path: string): InputItem {
  return problem(
    'input:unreadable',
    `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    path,
  );
}

function problem(ruleId: string, reason: string, source: string): InputItem {
  return { problem: { ruleId, reason, severity: 'error', source } };
}

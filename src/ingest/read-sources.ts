import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { readInputs, type InputDocument, type InputItem } from './read-inputs.js';
import { readCsvDocuments } from './read-csv.js';
import { htmlToDocument } from './read-html.js';
import { readTelegramExport } from './read-telegram.js';
import { MAX_INPUT_BYTES, readTextFile } from './read-text-file.js';
import { fetchArticle } from './read-url.js';
import { sourceProblem, type SourceDocument, type SourceItem } from './source-document.js';

/** Options for reading sources. */
export interface SourceOptions {
  /** Allow URLs on private, loopback and link-local addresses (local testing only). */
  allowPrivate?: boolean;
  /** Column names for CSV files. */
  csv?: { text?: string; title?: string; date?: string; url?: string };
}

const MAX_JSON_BYTES = 200 * 1024 * 1024;

/** The files an input names: itself, or every file under a folder (sorted, hidden files skipped). */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push(input);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      out.push(input); // reported as unreadable when read
      continue;
    }
    if (info.isDirectory()) out.push(...(await walk(input)));
    else out.push(input);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

/**
 * Documents from one input — a URL, or a file read by its type: `.txt`/`.md`, `.html`, `.jsonl`
 * (and `.json` arrays of documents), `.csv` with a header, and Telegram Desktop exports
 * (`result.json`). Problems are items too: one bad file or line never stops the others.
 */
export async function* readSource(input: string, options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  if (/^https?:\/\//i.test(input)) {
    yield await fetchArticle(input, { allowPrivate: options.allowPrivate ?? false });
    return;
  }
  const ext = extname(input).toLowerCase();
  switch (ext) {
    case '.txt':
    case '.md':
    case '.markdown':
      yield await readTextFile(input);
      return;
    case '.html':
    case '.htm':
      yield await readHtmlFile(input);
      return;
    case '.jsonl':
    case '.ndjson':
      yield* fromInputDocuments(readInputs([input]), input);
      return;
    case '.json':
      if (basename(input) === 'result.json' || (await looksLikeTelegram(input)))
        yield* readTelegramExport(input);
      else yield* readJsonDocuments(input);
      return;
    case '.csv':
      yield* readCsvDocuments(input, options.csv ?? {});
      return;
    default:
      yield sourceProblem(
        'ingest:unsupported',
        `unsupported file type "${ext || '(none)'}" (expected .txt, .md, .html, .json, .jsonl, .csv)`,
        input,
      );
  }
}

async function readHtmlFile(path: string): Promise<SourceItem> {
  try {
    const info = await stat(path);
    if (info.size > MAX_INPUT_BYTES)
      return sourceProblem(
        'ingest:too-large',
        `HTML file of ${info.size} bytes is over the 20 MB limit`,
        path,
      );
    return htmlToDocument(await readFile(path, 'utf8'), { kind: 'file', path });
  } catch (err) {
    return sourceProblem(
      'ingest:unreadable',
      `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      path,
    );
  }
}

/** `.jsonl` lines in the `vigil extract` input format, as source documents. */
async function* fromInputDocuments(
  items: AsyncIterable<InputItem>,
  path: string,
): AsyncGenerator<SourceItem> {
  for await (const item of items) {
    if ('problem' in item) yield item;
    else yield { doc: toSourceDocument(item.doc, path) };
  }
}

function toSourceDocument(d: InputDocument, path: string): SourceDocument {
  const line = Number(/:(\d+)$/.exec(d.source)?.[1]);
  const doc: SourceDocument = {
    source: { kind: 'file', path, ...(Number.isFinite(line) ? { line } : {}) },
    text: d.text,
    meta: { inputId: d.id },
  };
  if (d.url) doc.source.url = d.url;
  if (d.title) doc.title = d.title;
  if (d.published) doc.publishedAt = d.published;
  return doc;
}

/** A `.json` file holding one document object or an array of them (`{"id","text",…}`). */
async function* readJsonDocuments(path: string): AsyncGenerator<SourceItem> {
  let value: unknown;
  try {
    const info = await stat(path);
    if (info.size > MAX_JSON_BYTES) {
      yield sourceProblem(
        'ingest:too-large',
        `JSON file of ${info.size} bytes is over the 200 MB limit (use JSON Lines)`,
        path,
      );
      return;
    }
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    const reason =
      err instanceof SyntaxError
        ? `bad JSON: ${err.message}`
        : `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    yield sourceProblem(err instanceof SyntaxError ? 'ingest:bad-json' : 'ingest:unreadable', reason, path);
    return;
  }
  const list = Array.isArray(value) ? value : [value];
  for (const [i, raw] of list.entries()) {
    const item = parseDocumentObject(raw, `${path}#${i + 1}`);
    if ('problem' in item) yield item;
    else yield { doc: toSourceDocument(item.doc, path) };
  }
}

function parseDocumentObject(raw: unknown, source: string): InputItem {
  const bad = (reason: string): InputItem => ({
    problem: { ruleId: 'ingest:bad-document', reason, severity: 'error', source },
  });
  if (typeof raw !== 'object' || raw === null) return bad('a document must be a JSON object');
  const o = raw as Record<string, unknown>;
  if (typeof o.text !== 'string' || o.text.trim() === '') return bad('missing or empty "text"');
  const doc: InputDocument = { id: String(o.id ?? source), text: o.text, source };
  if (typeof o.title === 'string') doc.title = o.title;
  if (typeof o.published === 'string') doc.published = o.published;
  if (typeof o.url === 'string') doc.url = o.url;
  return { doc };
}

/** A Telegram Desktop export starts with its chat's name, type and id, then `messages`. */
async function looksLikeTelegram(path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'r');
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4096), 0, 4096, 0);
    await fh.close();
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return /"messages"\s*:\s*\[/.test(head) || /"chats"\s*:\s*\{/.test(head);
  } catch {
    return false;
  }
}

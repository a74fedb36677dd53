import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { JSON_SCHEMA, load as parseYaml } from 'js-yaml';
import { sourceProblem, type SourceDocument, type SourceItem } from './source-document.js';

/** Largest single input a reader accepts (20 MiB): a bigger "document" is a mistake, not an article. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** How many leading bytes are searched for NUL bytes to call a file binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;

/** The longest title taken from a first line; longer first lines are cut at a word boundary. */
const MAX_TITLE_CHARS = 200;

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/**
 * Read one plain-text (`.txt`) or Markdown (`.md`, `.markdown`) file as a document. The text is
 * kept exactly as it is in the file (a UTF-8 byte-order mark is dropped); the title is the first
 * `# ` heading of a Markdown file, else the first non-empty line. A Markdown file's YAML front
 * matter, when it has one, gives `title`, `date` and `lang`/`language`.
 *
 * The file is checked before it is decoded; each failure is a problem item, never a throw:
 * `ingest:too-large` (over {@link MAX_INPUT_BYTES}, checked with `stat` before reading),
 * `ingest:binary` (a NUL byte in the first 8 KB), `ingest:bad-encoding` (not valid UTF-8; the
 * reason gives the line and byte offset of the first bad byte), `ingest:empty-text` (nothing but
 * white space), `ingest:unsupported` (another extension) and `ingest:unreadable`.
 */
export async function readTextFile(path: string): Promise<SourceItem> {
  const ext = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext)) {
    return sourceProblem(
      'ingest:unsupported',
      `unsupported text file type "${ext || '(none)'}" (expected .txt or .md)`,
      path,
    );
  }
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return sourceProblem('ingest:unreadable', 'not a regular file', path);
    if (info.size > MAX_INPUT_BYTES) {
      return sourceProblem(
        'ingest:too-large',
        `the file is ${formatBytes(info.size)}, over the 20 MB limit`,
        path,
      );
    }
    bytes = await readAtMost(path, MAX_INPUT_BYTES + 1);
  } catch (err) {
    return sourceProblem('ingest:unreadable', `cannot read file: ${errorCode(err)}`, path);
  }
  // The file may have grown between stat and read.
  if (bytes.length > MAX_INPUT_BYTES) {
    return sourceProblem('ingest:too-large', 'the file is over the 20 MB limit', path);
  }
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) return sourceProblem(decoded.problem.ruleId, decoded.problem.reason, path);
  const text = decoded.text;
  if (text.trim() === '') return sourceProblem('ingest:empty-text', 'the file has no text', path);

  const doc: SourceDocument = { source: { kind: 'file', path }, text };
  const markdown = ext === '.md' || ext === '.markdown';
  const front = markdown ? frontMatter(text) : undefined;
  const title = front?.title ?? titleOf(front ? text.slice(front.end) : text, markdown);
  if (title) doc.title = title;
  if (front?.date) doc.publishedAt = front.date;
  if (front?.language) doc.language = front.language;
  return { doc };
}

/**
 * Decode bytes as strict UTF-8, or say why they are not text: `ingest:binary` for a NUL byte in
 * the first 8 KB (UTF-16 text with a byte-order mark is named as such), `ingest:bad-encoding` for
 * an invalid UTF-8 sequence (with its line and byte offset). A UTF-8 byte-order mark is dropped.
 */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string } | { problem: { ruleId: string; reason: string } } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: {
        ruleId: 'ingest:bad-encoding',
        reason: 'not UTF-8 text: the file is UTF-16 (re-save it as UTF-8)',
      },
    };
  }
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) {
    return {
      problem: { ruleId: 'ingest:binary', reason: `binary file, not text (NUL byte at byte offset ${nul})` },
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = invalidUtf8Offset(bytes);
    const where =
      at === -1
        ? ''
        : ` (invalid byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} on line ${lineAt(bytes, at)}, byte offset ${at})`;
    return {
      problem: { ruleId: 'ingest:bad-encoding', reason: `not UTF-8 text${where}; re-save it as UTF-8` },
    };
  }
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence (the same rules
 * as `TextDecoder` with `fatal: true`: no overlongs, no surrogates, nothing above U+10FFFF, no
 * truncated sequence at the end), or -1 when all of `bytes` is valid UTF-8.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line of a byte offset (counting `\n`). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Read at most `limit` bytes from the start of a file. */
async function readAtMost(path: string, limit: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const buf = Buffer.alloc(Math.min(1024 * 1024, limit - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

interface FrontMatter {
  /** Character offset just after the closing `---` line. */
  end: number;
  title?: string;
  date?: string;
  language?: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** YAML front matter at the very start of a Markdown text (`---` … `---`), when it parses as a mapping. */
function frontMatter(text: string): FrontMatter | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  const out: FrontMatter = { end: m[0].length };
  let data: unknown;
  try {
    // JSON schema: dates stay strings, nothing is constructed from tags.
    data = parseYaml(m[1] ?? '', { schema: JSON_SCHEMA });
  } catch {
    return out; // not YAML: the block is still skipped when looking for a title
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  const o = data as Record<string, unknown>;
  if (typeof o.title === 'string' && o.title.trim()) out.title = o.title.trim();
  const date = o.date ?? o.published;
  if (typeof date === 'string' && ISO_DATE.test(date.trim())) out.date = date.trim();
  const lang = o.lang ?? o.language;
  if (typeof lang === 'string' && lang.trim()) out.language = lang.trim();
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** First `# ` heading (Markdown) or first non-empty line, trimmed and cut to a title's length. */
function titleOf(text: string, markdown: boolean): string | undefined {
  if (markdown) {
    const h1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(text);
    if (h1?.[1]) return cut(h1[1].trim());
  }
  const first = text.split(/\r?\n|\r/).find((l) => l.trim() !== '');
  return first === undefined ? undefined : cut(first.trim());
}

function cut(s: string): string {
  if (s.length <= MAX_TITLE_CHARS) return s;
  const head = s.slice(0, MAX_TITLE_CHARS);
  const space = head.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

function formatBytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { parser } from 'stream-json';
import type { Token } from 'stream-json/parser.js';
import Assembler from 'stream-json/assembler.js';
import { verifyFile } from 'stream-json/file/verifier.js';
import { sourceProblem, type SourceDocument, type SourceItem } from './source-document.js';

/** What a Telegram export held, returned when the generator finishes (`for await` ignores it). */
export interface TelegramSummary {
  /** Elements of `messages` lists seen, of every type. */
  messages: number;
  /** Documents yielded. */
  documents: number;
  /** Service messages (joins, pins, title changes…) skipped. */
  service: number;
  /** Messages of type `message` skipped for having no text (a photo without a caption, a sticker…). */
  empty: number;
}

/** The fields of an exported message used here (Telegram Desktop's `result.json`). */
interface TelegramMessage {
  id?: unknown;
  type?: unknown;
  date?: unknown;
  date_unixtime?: unknown;
  edited?: unknown;
  from?: unknown;
  author?: unknown;
  text?: unknown;
  views?: unknown;
  forwarded_from?: unknown;
  reply_to_message_id?: unknown;
  media_type?: unknown;
  photo?: unknown;
  file?: unknown;
  mime_type?: unknown;
}

/** One open object or array on the way down to the current token. */
interface Frame {
  array: boolean;
  /** Key of the value being read (objects). */
  key: string | null;
  /** Index of the value being read (arrays). */
  index: number;
}

/** The chat whose messages are being read. */
interface Chat {
  name?: string;
  id?: string;
}

/**
 * Read the messages of a Telegram Desktop export (`result.json`) as documents, streaming: the file
 * is tokenised by stream-json and only one message at a time is assembled, so exports of hundreds
 * of MB are read in little memory. Both shapes are read: one chat (`{name, type, id, messages}`)
 * and the "all chats" export (`{chats: {list: [{name, id, messages}]}, left_chats: {…}}`).
 *
 * Each message of type `message` with text becomes a document: `text` is the message text (a
 * string, or an array of strings and entities such as `{type: 'bold', text}` whose texts are
 * joined in order); `publishedAt` is `date` as exported (local time of the exporting machine, no
 * zone); `byline` is the signature (`author`) or the sender (`from`); `source` is
 * `{kind: 'telegram', path, channel: <chat name, or id>, messageId}`; `meta` keeps `dateUnixtime`,
 * `views`, `forwardedFrom`, `replyTo`, `media: {type, path, mimeType}` and `edited` when present.
 * Service messages and messages without text are skipped without a problem; the generator's return
 * value ({@link TelegramSummary}) counts them.
 *
 * Problems: `ingest:bad-json` (malformed or truncated JSON, with the line and column the parser
 * stopped at; every message before that point is still yielded), `ingest:not-telegram` (valid JSON
 * without a `messages` list) and `ingest:unreadable`.
 */
export async function* readTelegramExport(path: string): AsyncGenerator<SourceItem, TelegramSummary> {
  const summary: TelegramSummary = { messages: 0, documents: 0, service: 0, empty: 0 };
  let size: number;
  try {
    const info = await stat(path);
    size = info.size;
    if (!info.isFile()) {
      yield sourceProblem('ingest:unreadable', 'not a regular file', path);
      return summary;
    }
    if (info.size === 0) {
      yield sourceProblem('ingest:not-telegram', 'the file is empty, not a Telegram Desktop export', path);
      return summary;
    }
  } catch (err) {
    yield sourceProblem('ingest:unreadable', `cannot read file: ${errorCode(err)}`, path);
    return summary;
  }

  const scan = new Scan(path, summary, 0);
  try {
    yield* scan.run(tokens(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== undefined) {
      yield sourceProblem('ingest:unreadable', `read failed: ${errorCode(err)}`, path);
      return summary;
    }
    // The parser works on blocks of the file: messages in the block holding the error were never
    // seen. Find where the error is, then read the file again up to there, skipping the messages
    // already handled.
    const at = await locateError(path);
    let atEnd = /^Parser has expected/.test(String((err as Error).message));
    if (at) {
      const cutoff = await byteOffsetOf(path, at.line, at.column);
      atEnd ||= cutoff >= size;
      const again = new Scan(path, summary, summary.messages);
      try {
        yield* again.run(tokens(path, cutoff));
      } catch {
        // the prefix ends inside a value: expected
      }
    }
    const reason = parserMessage(err);
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    yield sourceProblem(
      'ingest:bad-json',
      atEnd
        ? `malformed JSON: the file ends${where} before the JSON is complete (truncated? ${summary.messages} messages read)`
        : `malformed JSON${where}: ${reason}`,
      path,
      at?.line,
    );
    return summary;
  }
  if (scan.state === 'empty') {
    yield sourceProblem('ingest:not-telegram', 'the file is empty, not a Telegram Desktop export', path);
  } else if (scan.state === 'truncated') {
    yield sourceProblem(
      'ingest:bad-json',
      `malformed JSON: the file ends before the JSON is complete (truncated? ${summary.messages} messages read)`,
      path,
    );
  } else if (!scan.sawMessages) {
    yield sourceProblem(
      'ingest:not-telegram',
      'no "messages" list at the top level or under "chats.list": not a Telegram Desktop export',
      path,
    );
  }
  return summary;
}

/** JSON tokens of a file (packed values only), up to byte `end` (exclusive) when given. */
function tokens(path: string, end?: number): AsyncIterable<Token> {
  if (end !== undefined && end <= 0) return (async function* () {})();
  const source = createReadStream(path, end === undefined ? {} : { end: end - 1 });
  return pipeline(source, parser.asStream({ streamValues: false }), () => {}) as Readable;
}

/** Walks the token stream, keeping the path to the current value, and assembles each message. */
class Scan {
  /** How the token stream ended: `complete`, `empty` (no tokens) or `truncated` (values left open). */
  state: 'complete' | 'empty' | 'truncated' = 'empty';
  sawMessages = false;
  private readonly frames: Frame[] = [];
  private chat: Chat = {};
  private seen = 0;

  constructor(
    private readonly path: string,
    private readonly summary: TelegramSummary,
    /** Messages already handled by an earlier pass: counted but not yielded again. */
    private readonly skip: number,
  ) {}

  async *run(source: AsyncIterable<Token>): AsyncGenerator<SourceItem> {
    let assembler: Assembler<unknown> | null = null;
    for await (const token of source) {
      this.state = 'truncated';
      if (assembler) {
        assembler.consume(token);
        if (assembler.done) {
          const item = this.message(assembler.current);
          assembler = null;
          this.valueDone();
          if (item) yield item;
        }
        continue;
      }
      switch (token.name) {
        case 'keyValue': {
          const top = this.frames.at(-1);
          if (top) top.key = token.value;
          break;
        }
        case 'startObject':
        case 'startArray':
          if (this.atMessage()) {
            this.sawMessages = true;
            assembler = new Assembler();
            assembler.consume(token);
            break;
          }
          if (this.atChat()) this.chat = {};
          this.frames.push({ array: token.name === 'startArray', key: null, index: 0 });
          break;
        case 'endObject':
        case 'endArray':
          this.frames.pop();
          this.valueDone();
          break;
        case 'stringValue':
        case 'numberValue':
        case 'nullValue':
        case 'trueValue':
        case 'falseValue': {
          const field = this.chatField();
          if (field === 'name' && token.name === 'stringValue') this.chat.name = token.value;
          if (field === 'id' && (token.name === 'numberValue' || token.name === 'stringValue')) {
            this.chat.id = token.value;
          }
          if (this.atMessage()) {
            this.sawMessages = true;
            this.message(null); // not an object: counted, skipped
          }
          this.valueDone();
          break;
        }
        default:
          break;
      }
      if (this.frames.length === 0 && assembler === null) this.state = 'complete';
    }
  }

  /** Path of the value about to be read: keys of objects, indexes of arrays. */
  private key(depth: number): string | number | null | undefined {
    const f = this.frames[depth];
    return f === undefined ? undefined : f.array ? f.index : f.key;
  }

  /** Is the next value an element of a chat's `messages` list? */
  private atMessage(): boolean {
    const n = this.frames.length;
    if (!this.frames[n - 1]?.array) return false;
    if (n === 2) return this.key(0) === 'messages';
    return n === 5 && this.inChatList() && this.key(3) === 'messages';
  }

  /** Is the next value a chat of `chats.list` / `left_chats.list`? */
  private atChat(): boolean {
    return this.frames.length === 3 && this.inChatList();
  }

  /** The chat-level key of the next value (`name`, `id`…) when it is one. */
  private chatField(): string | undefined {
    const n = this.frames.length;
    if (n === 1 || (n === 4 && this.inChatList())) {
      const k = this.key(n - 1);
      return typeof k === 'string' ? k : undefined;
    }
    return undefined;
  }

  private inChatList(): boolean {
    const top = this.key(0);
    return (
      (top === 'chats' || top === 'left_chats') && this.key(1) === 'list' && this.frames[2]?.array === true
    );
  }

  private valueDone(): void {
    const top = this.frames.at(-1);
    if (!top) return;
    if (top.array) top.index++;
    else top.key = null;
  }

  /** A document for one message, or undefined (skipped, or already handled by an earlier pass). */
  private message(value: unknown): SourceItem | undefined {
    this.seen++;
    if (this.seen <= this.skip) return undefined;
    this.summary.messages++;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const m = value as TelegramMessage;
    if (m.type !== 'message') {
      this.summary.service++;
      return undefined;
    }
    const text = messageText(m.text);
    if (text.trim() === '') {
      this.summary.empty++;
      return undefined;
    }
    const doc: SourceDocument = { source: { kind: 'telegram', path: this.path }, text };
    const channel = this.chat.name ?? this.chat.id;
    if (channel !== undefined) doc.source.channel = channel;
    if (typeof m.id === 'number') doc.source.messageId = m.id;
    if (typeof m.date === 'string' && m.date !== '') doc.publishedAt = m.date;
    const byline = typeof m.author === 'string' ? m.author : typeof m.from === 'string' ? m.from : undefined;
    if (byline) doc.byline = byline;
    const meta = messageMeta(m);
    if (Object.keys(meta).length > 0) doc.meta = meta;
    this.summary.documents++;
    return { doc };
  }
}

/** A message's text: a string, or an array of strings and entities (`{type, text}`) joined in order. */
function messageText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  let out = '';
  for (const part of text) {
    if (typeof part === 'string') out += part;
    else if (
      typeof part === 'object' &&
      part !== null &&
      typeof (part as { text?: unknown }).text === 'string'
    ) {
      out += (part as { text: string }).text;
    }
  }
  return out;
}

function messageMeta(m: TelegramMessage): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const unix = typeof m.date_unixtime === 'string' ? Number(m.date_unixtime) : m.date_unixtime;
  if (typeof unix === 'number' && Number.isFinite(unix)) meta.dateUnixtime = unix;
  if (typeof m.views === 'number') meta.views = m.views;
  // null is kept: the message was forwarded from an account that hides its name.
  if (m.forwarded_from !== undefined) meta.forwardedFrom = m.forwarded_from;
  if (typeof m.reply_to_message_id === 'number') meta.replyTo = m.reply_to_message_id;
  const mediaPath = typeof m.photo === 'string' ? m.photo : typeof m.file === 'string' ? m.file : undefined;
  const mediaType =
    typeof m.media_type === 'string'
      ? m.media_type
      : m.photo !== undefined
        ? 'photo'
        : m.file !== undefined
          ? 'file'
          : undefined;
  if (mediaType !== undefined) {
    const media: Record<string, string> = { type: mediaType };
    if (mediaPath !== undefined) media.path = mediaPath;
    if (typeof m.mime_type === 'string') media.mimeType = m.mime_type;
    meta.media = media;
  }
  if (typeof m.edited === 'string') meta.edited = m.edited;
  return meta;
}

/** Line and column (1-based, column in UTF-16 units) of a JSON error, from stream-json's verifier. */
async function locateError(path: string): Promise<{ line: number; column: number } | undefined> {
  try {
    await verifyFile(path);
    return undefined;
  } catch (err) {
    const { line, pos } = err as { line?: unknown; pos?: unknown };
    return typeof line === 'number' && typeof pos === 'number' ? { line, column: pos } : undefined;
  }
}

/** Byte offset of a 1-based line and column (UTF-16 units) in a UTF-8 file, reading it once. */
async function byteOffsetOf(path: string, line: number, column: number): Promise<number> {
  let offset = 0;
  let current = 1;
  const rest: Buffer[] = [];
  for await (const chunk of createReadStream(path)) {
    let bytes = chunk as Buffer;
    while (current < line) {
      const nl = bytes.indexOf(0x0a);
      if (nl === -1) break;
      offset += nl + 1;
      bytes = bytes.subarray(nl + 1);
      current++;
    }
    if (current < line) {
      offset += bytes.length;
      continue;
    }
    rest.push(bytes);
    // Enough bytes for `column` UTF-16 units (at most 4 bytes each).
    if (rest.reduce((n, b) => n + b.length, 0) >= column * 4) break;
  }
  const head = Buffer.concat(rest).toString('utf8');
  return offset + Buffer.byteLength(head.slice(0, Math.max(column - 1, 0)), 'utf8');
}

function parserMessage(err: unknown): string {
  return String((err as Error).message ?? err)
    .replace(/^Parser (cannot parse input: |has )/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTelegramExport, type TelegramSummary } from './read-telegram.js';
import type { SourceDocument, SourceItem } from './source-document.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/ingest/telegram');
const fixture = (name: string): string => join(fixtures, name);

async function collect(path: string): Promise<{ items: SourceItem[]; summary: TelegramSummary }> {
  const items: SourceItem[] = [];
  const gen = readTelegramExport(path);
  for (;;) {
    const next = await gen.next();
    if (next.done) return { items, summary: next.value };
    items.push(next.value);
  }
}

const docs = (items: SourceItem[]): SourceDocument[] => items.flatMap((i) => ('doc' in i ? [i.doc] : []));
const problems = (items: SourceItem[]): string[] =>
  items.flatMap((i) => {
    if (!('problem' in i)) return [];
    expect(i.problem.reason).not.toContain('\n');
    return [`${i.problem.line ?? '-'} ${i.problem.ruleId} ${i.problem.reason}`];
  });

/** A one-channel export of `n` short messages, one per line. */
function channelExport(n: number): string {
  const messages = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: i + 1, type: 'message', date: '2020-05-01T10:00:00', text: `Message ${i + 1}` }),
  );
  return `{\n"name": "Big Channel",\n"type": "public_channel",\n"id": 42,\n"messages": [\n${messages.join(',\n')}\n]\n}\n`;
}

describe('readTelegramExport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-telegram-'));
  const write = (name: string, content: string): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('reads a channel export: text arrays joined, service and empty messages skipped and counted', async () => {
    const path = fixture('result.json');
    const { items, summary } = await collect(path);
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => d.source.messageId)).toEqual([2, 3, 4, 6]);
    expect(summary).toEqual({ messages: 7, documents: 4, service: 1, empty: 2 });
    expect(docs(items)[0]).toEqual({
      source: { kind: 'telegram', path, channel: 'Example Channel', messageId: 2 },
      text:
        'Breaking: explosion at the Northtown market. Details: https://example.org/a1 #Northtown ' +
        'via @example_wire, full story',
      publishedAt: '2019-03-20T10:15:00',
      byline: 'Example Channel',
      meta: { dateUnixtime: 1553076900, views: 1520 },
    });
  });

  it('keeps forward, reply and edit facts in meta', async () => {
    const doc = docs((await collect(fixture('result.json'))).items).find((d) => d.source.messageId === 3);
    expect(doc?.text).toBe('Police say twelve people were injured.');
    expect(doc?.meta).toEqual({
      dateUnixtime: 1553079720,
      forwardedFrom: 'Other Channel',
      replyTo: 2,
      edited: '2019-03-20T11:05:00',
    });
  });

  it('describes photos and files in meta.media, and prefers the post signature as byline', async () => {
    const all = docs((await collect(fixture('result.json'))).items);
    const photo = all.find((d) => d.source.messageId === 4);
    expect(photo?.text).toBe('Photo from the scene.');
    expect(photo?.meta?.media).toEqual({ type: 'photo', path: 'photos/photo_1@20-03-2019_11-30-00.jpg' });
    const video = all.find((d) => d.source.messageId === 6);
    expect(video?.text).toBe('Video: aftermath');
    expect(video?.byline).toBe('Desk editor');
    expect(video?.meta?.media).toEqual({
      type: 'video_file',
      path: 'video_files/clip.mp4',
      mimeType: 'video/mp4',
    });
  });

  it('reads the all-chats export, naming each chat (by id when it has no name)', async () => {
    const { items, summary } = await collect(fixture('all-chats.json'));
    expect(problems(items)).toEqual([]);
    expect(docs(items).map((d) => [d.source.channel, d.source.messageId, d.text])).toEqual([
      ['Group One', 10, 'Meeting moved to Friday.'],
      ['222', 20, 'Note: check source'],
      ['Old Channel', 30, 'Last post before leaving.'],
    ]);
    expect(summary).toEqual({ messages: 4, documents: 3, service: 1, empty: 0 });
  });

  it('reports malformed JSON with its line and column, after every message before it', async () => {
    const text = channelExport(3000).replace('"id":2500,', '"id":2500 ');
    const path = write('broken.json', text);
    const { items } = await collect(path);
    const ids = docs(items).map((d) => d.source.messageId);
    // Message 2500 is where the error is: all before it are read, once each, in order.
    expect(ids).toEqual(Array.from({ length: 2499 }, (_, i) => i + 1));
    expect(problems(items)).toEqual([
      `2505 ingest:bad-json malformed JSON at line 2505, column 12: expected ','`,
    ]);
  });

  it('reports a truncated export after the messages it holds', async () => {
    const text = channelExport(50);
    // Cut inside a string value: the parser fails at the end of the file.
    const path = write('truncated.json', text.slice(0, text.indexOf('{"id":41,') + 20));
    const { items, summary } = await collect(path);
    expect(docs(items).map((d) => d.source.messageId)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(summary.documents).toBe(40);
    expect(problems(items)).toEqual([
      '46 ingest:bad-json malformed JSON: the file ends at line 46, column 21 before the JSON is complete (truncated? 40 messages read)',
    ]);
    // Cut after a comma inside an object.
    const between = write('truncated-between.json', text.slice(0, text.indexOf('{"id":41,') + 9));
    const rest = await collect(between);
    expect(docs(rest.items)).toHaveLength(40);
    expect(problems(rest.items)).toEqual([
      '46 ingest:bad-json malformed JSON: the file ends at line 46, column 10 before the JSON is complete (truncated? 40 messages read)',
    ]);
  });

  it('reports JSON that is not a Telegram export, and an empty file', async () => {
    expect(problems((await collect(write('other.json', '{"items": [{"text": "x"}]}'))).items)).toEqual([
      '- ingest:not-telegram no "messages" list at the top level or under "chats.list": not a Telegram Desktop export',
    ]);
    expect(problems((await collect(write('empty.json', ''))).items)).toEqual([
      '- ingest:not-telegram the file is empty, not a Telegram Desktop export',
    ]);
  });

  it('reports a missing file as unreadable', async () => {
    expect(problems((await collect(join(dir, 'missing.json'))).items)).toEqual([
      '- ingest:unreadable cannot read file: ENOENT',
    ]);
  });

  it('streams a large export without holding it: every message read once, in order', async () => {
    const path = write('large.json', channelExport(60_000));
    let count = 0;
    let last = 0;
    for await (const item of readTelegramExport(path)) {
      if (!('doc' in item)) throw new Error(item.problem.reason);
      count++;
      expect(item.doc.source.messageId).toBe(last + 1);
      last = item.doc.source.messageId ?? 0;
    }
    expect(count).toBe(60_000);
  });

  it('stops reading when the caller stops', async () => {
    const path = write('stop.json', channelExport(10_000));
    const seen: number[] = [];
    for await (const item of readTelegramExport(path)) {
      if ('doc' in item) seen.push(item.doc.source.messageId ?? 0);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('reads the fixture the same after formatting changes (one line, no indentation)', async () => {
    const compact = JSON.stringify(JSON.parse(readFileSync(fixture('result.json'), 'utf8')));
    const { items } = await collect(write('compact.json', compact));
    expect(docs(items).map((d) => d.text)).toEqual(
      docs((await collect(fixture('result.json'))).items).map((d) => d.text),
    );
  });
});

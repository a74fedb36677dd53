import { describe, expect, it } from 'vitest';
import { resources } from '../../test/helpers/annotate-text.js';
import { storyStore } from '../../test/helpers/resolved-store.js';
import { jsonlLines } from './jsonl.js';

describe('JSON Lines export', () => {
  it('writes every resolved object as stored, one per line with its kind', async () => {
    const store = await storyStore('reciprocal', { 'rc-006': 'TLP:RED' });
    const lines: { kind: string; [k: string]: unknown }[] = [];
    for await (const line of jsonlLines(store, resources().kb, 4)) lines.push(JSON.parse(line));
    const kinds = (k: string) => lines.filter((l) => l.kind === k);
    expect(kinds('incident').map((l) => l.incident)).toEqual(await store.listIncidents({ limit: 1000 }));
    expect(kinds('statement').map((l) => l.statement)).toEqual(await store.listStatements({ limit: 1000 }));
    expect(kinds('link').map((l) => l.link)).toEqual(await store.listLinks());
    expect(kinds('entity')).toContainEqual({
      kind: 'entity',
      source: 'kb',
      entity: expect.objectContaining({ id: 'islamic-state', name: 'Islamic State' }),
    });
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['incident', 'statement', 'link', 'entity']));

    const clear: string[] = [];
    for await (const line of jsonlLines(store, resources().kb, 0)) clear.push(line);
    expect(clear.some((l) => l.includes('"TLP:RED"'))).toBe(false);
  });
});

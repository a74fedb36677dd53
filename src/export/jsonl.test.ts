import { describe, expect, it } from 'vitest';
import { resources } from '../../test/helpers/annotate-text.js';
import { candidateReports } from '../../test/helpers/candidates.js';
import { storyStore } from '../../test/helpers/resolved-store.js';
import { loadAlertConfig } from '../services/alerts/alert-config.js';
import { resolveStore } from '../services/resolve.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
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

  it('writes the entities analysts accepted that incidents name, and only undecided candidates', async () => {
    const store = SqliteStore.open(':memory:');
    await store.putDocuments(candidateReports());
    const entity = { id: 'crimson-dawn', name: 'Crimson Dawn', kind: 'group' as const, aliases: [] };
    await store.saveCandidateDecision({
      key: 'crimson dawn brigade',
      name: 'Crimson Dawn Brigade',
      decision: 'accepted',
      entity,
      author: 'ana',
      createdAt: '2026-12-07T10:00:00Z',
      level: 0,
    });
    await resolveStore(store, resources(), await loadAlertConfig(), { now: '2026-12-07T10:00:00Z' });
    const lines: { kind: string; source?: string; entity?: { id?: string; key?: string } }[] = [];
    for await (const line of jsonlLines(store, resources().kb, 4)) lines.push(JSON.parse(line));
    expect(lines).toContainEqual({ kind: 'entity', source: 'analyst', entity });
    expect(lines.filter((l) => l.source === 'candidate').map((l) => l.entity?.key)).toEqual([
      'night owl movement',
      'silver lotus front',
    ]);
    await store.close();
  });
});

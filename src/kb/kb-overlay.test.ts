import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupSchema } from './kb-schema.js';
import { mergeOverlay, overlayDirFor } from './kb-overlay.js';
import { loadKnowledgeBase } from './resources.js';

const group = (raw: Record<string, unknown>, file = 'groups/a.yaml') => ({
  entry: groupSchema.parse({ ideology: 'jihadist', ...raw }),
  file,
});

describe('knowledge-base overlays', () => {
  it('adds new entities, and only the missing aliases of existing ones', () => {
    const merged = mergeOverlay(
      [group({ id: 'a', name: 'Alpha', aliases: ['Al-Fa'], ideology: 'far-right' })],
      [
        group(
          { id: 'a', name: 'Alpha', aliases: ['al fa', 'Alfa Group'], ideology: 'other' },
          'overlay/groups/x.yaml',
        ),
        group({ id: 'b', name: 'Beta' }, 'overlay/groups/x.yaml'),
      ],
    );
    expect(merged.map((s) => [s.entry.id, s.entry.aliases, s.file])).toEqual([
      ['a', ['Al-Fa', 'Alfa Group'], 'groups/a.yaml'],
      ['b', [], 'overlay/groups/x.yaml'],
    ]);
    expect(merged[0]!.entry).toMatchObject({ ideology: 'far-right' });
  });

  it('is loaded over data/kb, part of the cache key, and checked like it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-overlay-'));
    const cacheDir = `${mkdtempSync(join(tmpdir(), 'vigil-cache-'))}/`;
    mkdirSync(join(dir, 'groups'));
    writeFileSync(
      join(dir, 'groups', 'stix-import.yaml'),
      '- id: islamic-state\n  name: Islamic State\n  ideology: jihadist\n  aliases: [Dawlat al-Islamiyah]\n',
    );
    const before = await loadKnowledgeBase({ overlayDirs: [], cacheDir });
    expect(before.kb.byId.get('islamic-state')!.aliases).not.toContain('Dawlat al-Islamiyah');
    const after = await loadKnowledgeBase({ overlayDirs: [dir], cacheDir });
    expect(after.messages).toEqual([]);
    expect(after.kb.names.lookup('Dawlat al-Islamiyah').map((h) => h.entry.id)).toEqual(['islamic-state']);

    writeFileSync(join(dir, 'groups', 'stix-import.yaml'), '- id: Not Kebab\n  name: X\n');
    const bad = await loadKnowledgeBase({ overlayDirs: [dir], cacheDir });
    expect(bad.messages.map((m) => [m.ruleId, m.source])).toEqual([
      ['kb:schema', join(dir, 'groups/stix-import.yaml')],
    ]);
  });

  it('lies next to a SQLite database unless VIGIL_KB_DIR names one', () => {
    expect(overlayDirFor('/data/vigil.db', {})).toBe('/data/vigil.db.kb');
    expect(overlayDirFor(undefined, {})).toBe('vigil.db.kb');
    expect(overlayDirFor(undefined, { VIGIL_DB: 'x.db' })).toBe('x.db.kb');
    expect(overlayDirFor('postgres://h/db', {})).toBeUndefined();
    expect(overlayDirFor('/data/vigil.db', { VIGIL_KB_DIR: '/kb' })).toBe('/kb');
  });
});

import { describe, expect, it } from 'vitest';
import { loadKbEntries } from './load-kb.js';
import { validateKb } from './validate-kb.js';

const { entries, messages } = loadKbEntries();
const count = (kind: string): number => entries.filter((e) => e.entry.kind === kind).length;
const format = (ms: typeof messages): string[] => ms.map((m) => `${m.source}: ${m.ruleId} ${m.reason}`);

describe('shipped knowledge base (data/kb)', () => {
  it('parses: every file is a YAML list and every entry fits its schema', () => {
    expect(format(messages)).toEqual([]);
  });

  it('has unique ids, valid links and no alias claimed twice unless marked ambiguous', () => {
    expect(format(validateKb(entries))).toEqual([]);
  });

  it('covers at least 200 groups, 40 outlets, 25 platforms and 100 people', () => {
    expect(count('group') + count('state-body')).toBeGreaterThanOrEqual(200);
    expect(count('outlet')).toBeGreaterThanOrEqual(40);
    expect(count('platform')).toBeGreaterThanOrEqual(25);
    expect(count('person')).toBeGreaterThanOrEqual(100);
  });

  it('knows the Islamic State by its common names and the GTD spelling', () => {
    const is = entries.find((e) => e.entry.id === 'islamic-state')?.entry;
    expect(is?.kind).toBe('group');
    expect(is?.aliases).toEqual(expect.arrayContaining(['ISIS', 'ISIL', 'Daesh']));
    expect(is && 'gtdName' in is ? is.gtdName : undefined).toBe(
      'Islamic State of Iraq and the Levant (ISIL)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { SourcedEntry } from './load-kb.js';
import { groupSchema, outletSchema } from './kb-schema.js';
import { validateKb } from './validate-kb.js';

const group = (raw: Record<string, unknown>): SourcedEntry => ({
  entry: groupSchema.parse({ ideology: 'jihadist', ...raw }),
  file: 'groups/test.yaml',
});

describe('validateKb', () => {
  it('reports a duplicate id with both files', () => {
    const ms = validateKb([
      group({ id: 'a', name: 'Alpha' }),
      { ...group({ id: 'a', name: 'Beta' }), file: 'groups/b.yaml' },
    ]);
    expect(ms.map((m) => [m.ruleId, m.source, m.reason])).toEqual([
      ['kb:duplicate-id', 'groups/b.yaml', 'a is also defined in groups/test.yaml'],
    ]);
  });

  it('reports a parent that does not exist', () => {
    const ms = validateKb([group({ id: 'a', name: 'Alpha', parent: 'nope' })]);
    expect(ms.map((m) => m.ruleId)).toEqual(['kb:dangling-link']);
  });

  it('reports an outlet whose group is not a group', () => {
    const outlet = {
      entry: outletSchema.parse({ id: 'o', name: 'Outlet', group: 'o2', outletType: 'video' }),
      file: 'outlets.yaml',
    };
    const outlet2 = {
      entry: outletSchema.parse({ id: 'o2', name: 'Outlet 2', group: 'a', outletType: 'video' }),
      file: 'outlets.yaml',
    };
    const ms = validateKb([group({ id: 'a', name: 'Alpha' }), outlet, outlet2]);
    expect(ms.map((m) => m.reason)).toEqual(['o: group o2 has the wrong kind']);
  });

  it('flags an alias claimed by two entities, ignoring case, accents and hyphens', () => {
    const ms = validateKb([
      group({ id: 'a', name: 'Alpha', aliases: ['Al-Qaïda'] }),
      group({ id: 'b', name: 'Beta', aliases: ['al qaida'] }),
    ]);
    expect(ms.map((m) => m.ruleId)).toEqual(['kb:alias-conflict', 'kb:alias-conflict']);
  });

  it('accepts a shared alias when every claimant marks it ambiguous', () => {
    const ms = validateKb([
      group({ id: 'a', name: 'Alpha', ambiguousAliases: ['IRA'] }),
      group({ id: 'b', name: 'Beta', ambiguousAliases: ['IRA'] }),
    ]);
    expect(ms).toEqual([]);
  });
});

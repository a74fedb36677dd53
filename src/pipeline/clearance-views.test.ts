import { describe, expect, it } from 'vitest';
import type { Tlp } from '../ingest/source-document.js';
import { clearanceViews } from './clearance-views.js';

describe('clearanceViews', () => {
  const build = (visible: { id: string; marking: Tlp }[]) => visible.map((s) => s.id).join('+');

  it('gives one view for all levels when every source is TLP:CLEAR', () => {
    const views = clearanceViews([{ id: 'a', marking: 'TLP:CLEAR' as Tlp }], (s) => s.marking, build);
    expect(views).toEqual([{ minLevel: 0, maxLevel: 4, value: 'a' }]);
  });

  it('shows GREEN readers only the GREEN sources and nothing below GREEN', () => {
    const sources: { id: string; marking: Tlp }[] = [
      { id: 'red', marking: 'TLP:RED' },
      { id: 'green', marking: 'TLP:GREEN' },
      { id: 'amber', marking: 'TLP:AMBER' },
    ];
    expect(clearanceViews(sources, (s) => s.marking, build)).toEqual([
      { minLevel: 1, maxLevel: 1, value: 'green' },
      { minLevel: 2, maxLevel: 3, value: 'green+amber' },
      { minLevel: 4, maxLevel: 4, value: 'red+green+amber' },
    ]);
  });

  it('gives no view at all to readers below the only source', () => {
    expect(clearanceViews([{ id: 'r', marking: 'TLP:RED' as Tlp }], (s) => s.marking, build)).toEqual([
      { minLevel: 4, maxLevel: 4, value: 'r' },
    ]);
  });
});

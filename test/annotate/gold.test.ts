import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources, type Resources } from '../../src/kb/resources.js';
import { loadGold, scoreGold } from './gold-score.js';

// Hand-labelled real Wikinews paragraphs (CC BY 2.5, Wikinews contributors; URLs in the fixture).
const gold = loadGold();
let result: ReturnType<typeof scoreGold>;

beforeAll(async () => {
  const resources: Resources = await loadResources();
  result = scoreGold(gold, resources);
});

describe('annotation on labelled Wikinews paragraphs', () => {
  it('covers at least 40 paragraphs', () => {
    expect(gold.length).toBeGreaterThanOrEqual(40);
  });

  it('produces no span whose text differs from the document', () => {
    expect(result.badSpans).toEqual([]);
  });

  it('finds places with the right country (>= 95%)', () => {
    expect(
      result.places.correct / result.places.gold,
      result.places.misses.join('\n'),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('finds groups and resolves them to the right entity (>= 95%)', () => {
    expect(
      result.groups.correct / result.groups.gold,
      result.groups.misses.join('\n'),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('finds dates with the right resolved value (>= 95%)', () => {
    expect(result.dates.correct / result.dates.gold, result.dates.misses.join('\n')).toBeGreaterThanOrEqual(
      0.95,
    );
  });

  it('keeps false places, groups and dates rare (precision >= 90%)', () => {
    for (const k of ['places', 'groups', 'dates'] as const) {
      const s = result[k];
      expect(
        1 - s.spurious / Math.max(1, s.predicted),
        `${k}: ${s.extras.join('\n')}`,
      ).toBeGreaterThanOrEqual(0.9);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { clearanceLevel, formatBytes, markingsUpTo, plural } from './format';

describe('markings and clearances', () => {
  it('offers the markings up to a clearance, never above it', () => {
    expect(markingsUpTo(0)).toEqual(['TLP:CLEAR']);
    expect(markingsUpTo(2)).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER']);
    expect(markingsUpTo('TLP:AMBER+STRICT')).toEqual([
      'TLP:CLEAR',
      'TLP:GREEN',
      'TLP:AMBER',
      'TLP:AMBER+STRICT',
    ]);
    expect(markingsUpTo(4)).toHaveLength(5);
    expect(markingsUpTo(undefined)).toEqual([]);
  });

  it('reads a clearance given as a level or as a marking', () => {
    expect(clearanceLevel(3)).toBe(3);
    expect(clearanceLevel('TLP:RED')).toBe(4);
    expect(clearanceLevel(null)).toBe(-1);
  });
});

describe('formatBytes and plural', () => {
  it('prints sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('counts with the right noun', () => {
    expect(plural(1, 'document')).toBe('1 document');
    expect(plural(3, 'document')).toBe('3 documents');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});

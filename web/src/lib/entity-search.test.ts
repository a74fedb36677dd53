import { describe, expect, it } from 'vitest';
import type { Entity } from '../api/types';
import { rankEntities } from './entity-search';

const entity = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: 'group',
  name,
  aliases,
});

describe('rankEntities', () => {
  const found = [
    entity('azov-brigade', 'Azov Brigade', ['Azov Battalion']),
    entity('riyadus-salikhin', 'Riyadus-Salikhin Battalion'),
    entity('ttp', 'Tehrik-i-Taliban Pakistan', ['Pakistani Taliban', 'TTP']),
    entity('taliban', 'Taliban', ['Islamic Emirate of Afghanistan']),
  ];

  it('puts the entity named as typed first, then names starting with it, then words, then aliases and the rest', () => {
    expect(rankEntities(found, 'tali').map((e) => e.id)).toEqual([
      'taliban',
      'ttp',
      'riyadus-salikhin',
      'azov-brigade',
    ]);
    expect(rankEntities(found, 'Taliban')[0]!.id).toBe('taliban');
  });

  it('matches an alias or an id as typed, ignoring case, accents and hyphens', () => {
    expect(rankEntities(found, 'ttp')[0]!.id).toBe('ttp');
    expect(rankEntities(found, 'riyadus salikhin')[0]!.id).toBe('riyadus-salikhin');
    expect(
      rankEntities([entity('x', 'Émirat'), entity('y', 'Other', ['emirat'])], 'emirat').map((e) => e.id),
    ).toEqual(['x', 'y']);
  });
});

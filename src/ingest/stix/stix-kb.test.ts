import { describe, expect, it } from 'vitest';
import { resources } from '../../../test/helpers/annotate-text.js';
import { SOURCE_NAMES } from '../../export/stix/build-bundle.js';
import type { StixObject } from '../../export/stix/stix-object.js';
import { planOverlay } from './stix-kb.js';

const actor = (name: string, vigilId?: string): StixObject =>
  ({
    type: 'threat-actor',
    spec_version: '2.1',
    id: `threat-actor--${name.length.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
    created: '2026-12-01T00:00:00.000Z',
    modified: '2026-12-01T00:00:00.000Z',
    name,
    ...(vigilId ? { external_references: [{ source_name: SOURCE_NAMES.vigil, external_id: vigilId }] } : {}),
  }) as StixObject;

describe('planOverlay', () => {
  it('keeps the id a Vigil export gave an entity this knowledge base lacks, else makes one from its name', () => {
    const { kb } = resources();
    const kept = planOverlay([actor('Crimson Dawn', 'crimson-dawn-brigade')], kb);
    expect(kept.added.map((e) => e.id)).toEqual(['crimson-dawn-brigade']);
    const made = planOverlay([actor('Crimson Dawn')], kb);
    expect(made.added.map((e) => e.id)).toEqual(['crimson-dawn']);
    // Not a valid id: made from the name.
    const bad = planOverlay([actor('Crimson Dawn', 'Crimson Dawn!')], kb);
    expect(bad.added.map((e) => e.id)).toEqual(['crimson-dawn']);
  });
});

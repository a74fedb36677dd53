import { TLP_MARKINGS, type Tlp } from '../../ingest/source-document.js';
import type { StixObject } from './stix-object.js';

/** The TLP 2.0 extension of STIX marking definitions (OASIS cti-stix-common-objects). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The official STIX ids of the TLP 2.0 marking definitions. */
export const TLP2_MARKING_IDS: Record<Tlp, string> = {
  'TLP:CLEAR': 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'TLP:GREEN': 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'TLP:AMBER': 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'TLP:AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'TLP:RED': 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The STIX 2.1 (TLP 1.0) marking definitions, which bundles from older tools still carry. */
const TLP1_MARKING_IDS: Record<string, Tlp> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'TLP:CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'TLP:GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'TLP:AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'TLP:RED',
};

/** The TLP 2.0 marking-definition object of a marking, as the TLP 2.0 extension defines it. */
export function tlpMarkingDefinition(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: tlp,
    extensions: {
      [TLP2_EXTENSION_ID]: {
        extension_type: 'property-extension',
        tlp_2_0: tlp.slice(4).toLowerCase(),
      },
    },
  };
}

/** The most restrictive of some markings (TLP:CLEAR when there are none). */
export function mostRestrictive(markings: Iterable<Tlp>): Tlp {
  let level = 0;
  for (const m of markings) level = Math.max(level, TLP_MARKINGS.indexOf(m));
  return TLP_MARKINGS[level]!;
}

/** The least restrictive of some markings (TLP:RED when there are none). */
export function leastRestrictive(markings: Iterable<Tlp>): Tlp {
  let level = TLP_MARKINGS.length - 1;
  for (const m of markings) level = Math.min(level, TLP_MARKINGS.indexOf(m));
  return TLP_MARKINGS[level]!;
}

/**
 * The TLP marking a marking definition stands for: the TLP 2.0 and 1.0 ids, or, for definitions a
 * bundle carries with ids of its own (OpenCTI, MISP), their TLP 2.0 extension, `definition.tlp`
 * or a name like `TLP:AMBER`. Undefined for markings that are not TLP (copyright statements…).
 */
export function tlpOfMarking(id: string, definition?: StixObject): Tlp | undefined {
  for (const [tlp, known] of Object.entries(TLP2_MARKING_IDS)) if (known === id) return tlp as Tlp;
  const tlp1 = TLP1_MARKING_IDS[id];
  if (tlp1) return tlp1;
  if (!definition) return undefined;
  const ext = (definition.extensions as Record<string, { tlp_2_0?: unknown }> | undefined)?.[
    TLP2_EXTENSION_ID
  ];
  const def = definition.definition as Record<string, unknown> | undefined;
  const words = [ext?.tlp_2_0, def?.tlp, def?.TLP, definition.name].filter(
    (w): w is string => typeof w === 'string',
  );
  for (const w of words) {
    const level = w
      .toUpperCase()
      .replace(/^TLP:/, '')
      .replace(/^WHITE$/, 'CLEAR');
    const tlp = `TLP:${level}` as Tlp;
    if (TLP_MARKINGS.includes(tlp)) return tlp;
  }
  return undefined;
}

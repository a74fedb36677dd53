/** GTD vocabularies (DESIGN.md "Vocabularies"), spelled as the GTD codebook spells them. */

export const ATTACK_TYPES = [
  'Assassination',
  'Armed Assault',
  'Bombing/Explosion',
  'Hijacking',
  'Hostage Taking (Barricade Incident)',
  'Hostage Taking (Kidnapping)',
  'Facility/Infrastructure Attack',
  'Unarmed Assault',
  'Unknown',
] as const;

export const WEAPON_TYPES = [
  'Biological',
  'Chemical',
  'Radiological',
  'Nuclear',
  'Firearms',
  'Explosives',
  'Fake Weapons',
  'Incendiary',
  'Melee',
  'Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)',
  'Sabotage Equipment',
  'Other',
  'Unknown',
] as const;

export const STATEMENT_TYPES = [
  'call-to-violence',
  'threat',
  'claim-of-responsibility',
  'revenge-justification',
  'warning',
] as const;

export const ENTITY_KINDS = ['group', 'person', 'outlet', 'platform', 'state-body'] as const;

/** Ideologies of groups and lone actors, as the knowledge base spells them (src/kb/kb-schema.ts). */
export const IDEOLOGIES = [
  'jihadist',
  'islamist',
  'shia-militant',
  'far-right',
  'far-left',
  'anarchist',
  'ethno-nationalist',
  'single-issue',
  'religious-other',
  'state',
  'other',
] as const;

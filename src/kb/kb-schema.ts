import { z } from 'zod';

/** Ideologies used to classify groups and lone actors. */
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
/** An ideology of {@link IDEOLOGIES}. */
export type Ideology = (typeof IDEOLOGIES)[number];

/** Kinds of knowledge-base entities (DESIGN.md "Entity"). */
export const ENTITY_KINDS = ['group', 'person', 'outlet', 'platform', 'state-body'] as const;
/** An entity kind of {@link ENTITY_KINDS}. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** An entity id: lower-case kebab-case (the knowledge base's, and those of entities analysts accept). */
export const entityIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case (a-z, 0-9, -)');
const id = entityIdSchema;
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'country codes are ISO 3166-1 alpha-2');

const common = {
  id,
  name: z.string().min(1),
  /** Other names, abbreviations and transliterations; matched as written (see kb README). */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Aliases that are also ordinary words or are shared with another entity ("IS", "Base").
   * They are matched only with supporting context and may be claimed by several entities.
   */
  ambiguousAliases: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
};

/** A terrorist, violent-extremist or militant organisation, or a state/coalition force. */
export const groupSchema = z
  .object({
    ...common,
    kind: z.enum(['group', 'state-body']).default('group'),
    ideology: z.enum(IDEOLOGIES),
    /** Id of the organisation this one belongs to or pledged to (a province of IS, an AQ branch). */
    parent: id.optional(),
    /** Ids of organisations it is allied with or affiliated to, other than its parent. */
    affiliates: z.array(id).default([]),
    /** The group's name exactly as spelled in the Global Terrorism Database (gname). */
    gtdName: z.string().min(1).optional(),
    /** Main countries of operation. */
    countries: z.array(countryCode).default([]),
    founded: z.number().int().min(1800).max(2100).optional(),
  })
  .strict();

/** A group's media arm or distribution outlet (Amaq, Al-Furqan, As-Sahab, …). */
export const outletSchema = z
  .object({
    ...common,
    kind: z.literal('outlet').default('outlet'),
    /** Id of the group the outlet belongs to. */
    group: id,
    /** What it publishes: news agency, video production, audio, magazine, radio, distribution. */
    outletType: z.enum(['news-agency', 'video', 'audio', 'magazine', 'radio', 'distribution', 'mixed']),
  })
  .strict();

/** A platform where propaganda is published or distributed (Telegram, Gab, …). */
export const platformSchema = z
  .object({
    ...common,
    kind: z.literal('platform').default('platform'),
    platformType: z.enum([
      'messaging',
      'social-network',
      'imageboard',
      'video',
      'forum',
      'file-sharing',
      'other',
    ]),
  })
  .strict();

/** A known leader, spokesman, ideologue or perpetrator. */
export const personSchema = z
  .object({
    ...common,
    kind: z.literal('person').default('person'),
    roles: z
      .array(
        z
          .object({
            role: z.enum([
              'leader',
              'deputy-leader',
              'spokesman',
              'founder',
              'ideologue',
              'commander',
              'perpetrator',
              'official',
            ]),
            /** Id of the group (or outlet) the role is held in. */
            group: id,
            from: z.number().int().optional(),
            to: z.number().int().optional(),
          })
          .strict(),
      )
      .min(1),
    died: z.number().int().optional(),
  })
  .strict();

/** Knowledge-base entries as parsed from the YAML files. */
export type GroupEntry = z.infer<typeof groupSchema>;
export type OutletEntry = z.infer<typeof outletSchema>;
export type PlatformEntry = z.infer<typeof platformSchema>;
export type PersonEntry = z.infer<typeof personSchema>;
export type KbEntry = GroupEntry | OutletEntry | PlatformEntry | PersonEntry;

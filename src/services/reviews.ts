import { z } from 'zod';
import { AppError } from '../errors.js';
import { tlpLevel } from '../pipeline/clearance-views.js';
import type { Review } from '../store/store.js';
import { auditAs } from './audit.js';
import type { Principal, ServiceContext } from './context.js';

/** An analyst's review as the API takes it (docs/api.md `POST /api/reviews`). */
export interface ReviewInput {
  /** A resolved incident (`inc-…`) or statement (`stm-…`), or one document's mention (`<doc id>:i1`). */
  subjectId: string;
  /** The field reviewed, or `*` for the whole subject (rejecting it removes it). */
  field: string;
  action: Review['action'];
  /** The corrected value (`correct` only). */
  value?: unknown;
}

/** What a review did. */
export interface ReviewOutcome {
  /** The document mentions the review was recorded on. */
  mentions: string[];
  /** For incidents: the resolved incident the first mention belongs to after resolving again (none once rejected). */
  incident?: string;
}

const nullable = <T extends z.ZodType>(t: T) => t.nullable();
const count = z.union([
  z.strictObject({ value: z.number().int().min(0) }),
  z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) }),
]);
const date = z.strictObject({
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/),
  precision: z.enum(['day', 'week', 'month', 'year']),
});
const actor = z.looseObject({ id: z.string().nullable(), name: z.string().min(1).max(300) });
const place = z.looseObject({
  country: z.string().min(1),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  city: z.string().optional(),
  admin1: z.string().optional(),
});
const label = z.string().min(1).max(200);

/** Fields an analyst may correct, with the shape a corrected value must have (DESIGN.md "The extraction contract"). */
const INCIDENT_FIELDS: Record<string, z.ZodType> = {
  type: label,
  types: z.array(label).max(20),
  date: nullable(date),
  location: nullable(place),
  perpetrators: z.array(actor).max(50),
  targets: z.array(z.strictObject({ type: label, text: z.string().max(500) })).max(50),
  weapons: z.array(label).max(20),
  killed: nullable(count),
  wounded: nullable(count),
  perpetratorsKilled: nullable(count),
  perpetratorsWounded: nullable(count),
  suicide: z.boolean().nullable(),
  claimedBy: z.array(actor).max(50),
  role: z.enum(['main', 'background']),
};
const STATEMENT_FIELDS: Record<string, z.ZodType> = {
  type: z.enum(['call-to-violence', 'threat', 'claim-of-responsibility', 'revenge-justification', 'warning']),
  speaker: nullable(actor),
  organization: nullable(actor),
  outlet: nullable(actor),
  platform: nullable(actor),
  medium: z.string().max(100).nullable(),
  date: nullable(date),
  quote: z.string().max(5000).nullable(),
  refersTo: z.array(z.string().max(200)).max(50),
};

/**
 * Record an analyst's confirmation, correction or rejection of a field and resolve again, so that
 * the resolved incident reflects it at once (reviews win over re-extraction, DESIGN.md `Review`).
 * A resolved subject's review is recorded on each of its reports the analyst may see; a subject
 * the analyst may not see is `subject_not_found` (404).
 */
export async function addReview(
  ctx: ServiceContext,
  who: Principal,
  input: ReviewInput,
): Promise<ReviewOutcome> {
  const { mentions, kind } = await reviewedMentions(ctx, who, input.subjectId);
  const fields = kind === 'incident' ? INCIDENT_FIELDS : STATEMENT_FIELDS;
  if (input.field === '*') {
    if (input.action === 'correct')
      throw new AppError(
        'invalid_review',
        400,
        'a whole subject can be confirmed or rejected, not corrected',
      );
  } else {
    const schema = fields[input.field];
    if (!schema)
      throw new AppError(
        'invalid_review',
        400,
        `a ${kind} has no reviewable field "${input.field}" (fields: ${Object.keys(fields).join(', ')}, *)`,
      );
    if (input.action === 'correct') {
      const checked = schema.safeParse(input.value);
      if (!checked.success)
        throw new AppError(
          'invalid_review',
          400,
          `the value for ${input.field} is not valid: ${checked.error.issues[0]?.message ?? 'wrong shape'}`,
        );
    }
  }
  const createdAt = ctx.now().toISOString();
  for (const subjectId of mentions)
    await ctx.store.addReview({
      subjectId,
      field: input.field,
      action: input.action,
      ...(input.action === 'correct' ? { value: input.value } : {}),
      author: who.username,
      createdAt,
    });
  await ctx.resolver.run();
  await auditAs(ctx, who, 'review', input.subjectId, { field: input.field, action: input.action, mentions });
  const incident = kind === 'incident' ? await ctx.store.incidentOfMention(mentions[0]!) : undefined;
  return { mentions, ...(incident ? { incident } : {}) };
}

/** The document mentions a review of `subjectId` applies to, among those the reviewer may see. */
async function reviewedMentions(
  ctx: ServiceContext,
  who: Principal,
  subjectId: string,
): Promise<{ mentions: string[]; kind: 'incident' | 'statement' }> {
  const notFound = new AppError('subject_not_found', 404, `no incident or statement ${subjectId}`);
  if (subjectId.startsWith('inc-')) {
    const incident = await ctx.store.getIncident(subjectId, who.clearance);
    if (!incident) throw notFound;
    return { mentions: incident.mentions.map((m) => m.id), kind: 'incident' };
  }
  if (subjectId.startsWith('stm-')) {
    const statement = await ctx.store.getStatement(subjectId, who.clearance);
    if (!statement) throw notFound;
    return { mentions: statement.mentions.map((m) => m.id), kind: 'statement' };
  }
  const colon = subjectId.lastIndexOf(':');
  if (colon <= 0) throw notFound;
  const docId = subjectId.slice(0, colon);
  const [document, extraction] = await Promise.all([
    ctx.store.getDocument(docId, who.clearance),
    ctx.store.getExtraction(docId, who.clearance),
  ]);
  if (!document || tlpLevel(document.marking) > who.clearance) throw notFound;
  if (extraction?.incidents.some((i) => i.id === subjectId))
    return { mentions: [subjectId], kind: 'incident' };
  if (extraction?.statements.some((s) => s.id === subjectId))
    return { mentions: [subjectId], kind: 'statement' };
  throw notFound;
}

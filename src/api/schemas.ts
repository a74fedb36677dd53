import { z } from 'zod';
import { TLP_MARKINGS } from '../ingest/source-document.js';
import { IDEOLOGIES } from '../kb/kb-schema.js';
import { CANDIDATE_VERDICTS } from '../pipeline/candidate-decisions.js';
import { ROLES, TOKEN_SCOPES } from '../store/accounts.js';

/**
 * The zod schemas of the REST API (docs/api.md): requests are validated with them, responses are
 * serialized through them (a field no schema names is not sent), and the OpenAPI 3.1 document at
 * `/api/openapi.json` is generated from them.
 */

/** `{ error: { code, message } }`, the body of every error. */
export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' });

/** The error responses a route may answer with, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

/** `limit` (1…500, default 50) and `offset` of every list. */
export const pagingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `{ items, total, limit, offset }` of `item`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** A query-string flag: `true`/`1` or `false`/`0`. */
export const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** An ISO date `YYYY-MM-DD` (a year `YYYY` or month `YYYY-MM` is accepted as a prefix). */
export const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY-MM-DD');

/** A path or query identifier: printable, no spaces, at most 200 characters. */
export const idString = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s/]+$/, 'not a valid id');

/** A TLP marking name. */
export const tlpSchema = z.enum(TLP_MARKINGS);
/** A clearance level: 0 = TLP:CLEAR … 4 = TLP:RED. */
export const clearanceSchema = z.number().int().min(0).max(4);

/** An account, as shown to admins and to its owner. */
export const userSchema = z
  .object({
    username: z.string(),
    role: z.enum(ROLES),
    clearance: clearanceSchema,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string().optional(),
    lastLoginAt: z.string().optional(),
  })
  .meta({ id: 'User' });

/** An API token as listed (never its secret). */
export const tokenSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    createdAt: z.string(),
    lastUsedAt: z.string().optional(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: 'ApiToken' });

/** One line of the audit log. */
export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().optional(),
    action: z.string(),
    target: z.string().optional(),
    outcome: z.enum(['ok', 'denied', 'failed']),
    ip: z.string().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEntry' });

const count = z.union([z.object({ value: z.number() }), z.object({ min: z.number(), max: z.number() })]);
const dateValue = z.object({ value: z.string(), precision: z.enum(['day', 'week', 'month', 'year']) });
const actorRef = z.object({
  id: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  kind: z.string().optional(),
  ideology: z.string().optional(),
  text: z.string().optional(),
});
const claimant = actorRef.extend({ outlet: actorRef.optional() });
const place = z.object({
  city: z.string().optional(),
  admin1: z.string().optional(),
  country: z.string(),
  countryCode: z.string(),
  lat: z.number(),
  lon: z.number(),
  geonamesId: z.number().optional(),
  approximate: z.boolean().optional(),
});
const evidence = z.object({
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  docId: z.string().optional(),
});
const mentionSource = z.object({
  id: z.string(),
  docId: z.string(),
  publishedAt: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  marking: tlpSchema,
  role: z.enum(['main', 'background']).optional(),
  confidence: z.number(),
});
const incidentFields = {
  id: z.string(),
  type: z.string(),
  types: z.array(z.string()),
  date: dateValue.nullable(),
  location: place.nullable(),
  perpetrators: z.array(actorRef),
  targets: z.array(z.object({ type: z.string(), text: z.string() })),
  weapons: z.array(z.string()),
  killed: count.nullable(),
  wounded: count.nullable(),
  perpetratorsKilled: count.nullable(),
  perpetratorsWounded: count.nullable(),
  suicide: z.boolean().nullable(),
  claimedBy: z.array(claimant),
  role: z.enum(['main', 'background']),
  evidence: z.array(evidence),
  confidence: z.number(),
};
const statementFields = {
  id: z.string(),
  type: z.string(),
  speaker: actorRef.nullable(),
  organization: actorRef.nullable(),
  outlet: actorRef.nullable(),
  platform: actorRef.nullable(),
  medium: z.string().nullable(),
  date: dateValue.nullable(),
  quote: z.string().nullable(),
  refersTo: z.array(z.string()),
  evidence: z.array(evidence),
  confidence: z.number(),
};

/** A resolved incident as lists show it: the fields, the documents reporting it, no evidence. */
export const incidentSummarySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    types: z.array(z.string()),
    date: dateValue.nullable(),
    location: place.nullable(),
    perpetrators: z.array(actorRef),
    claimedBy: z.array(actorRef),
    weapons: z.array(z.string()),
    killed: count.nullable(),
    wounded: count.nullable(),
    role: z.enum(['main', 'background']),
    confidence: z.number(),
    mentionCount: z.number().int(),
    documents: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
    firstReported: z.string().optional(),
    lastReported: z.string().optional(),
  })
  .meta({ id: 'IncidentSummary' });

/** A resolved incident with every field, its reports, evidence and merge reasons (DESIGN.md `Incident`). */
export const incidentSchema = z
  .object({
    ...incidentFields,
    killedLatest: count.nullable(),
    woundedLatest: count.nullable(),
    casualtyReports: z.array(
      z.object({
        mentionId: z.string(),
        docId: z.string(),
        publishedAt: z.string().optional(),
        killed: count.nullable(),
        wounded: count.nullable(),
      }),
    ),
    mentions: z.array(mentionSource),
    mergeReasons: z.array(z.string()),
    firstReported: z.string().optional(),
    lastReported: z.string().optional(),
  })
  .meta({ id: 'Incident' });

/** A resolved statement (DESIGN.md `Statement`). */
export const statementSchema = z
  .object({ ...statementFields, mentions: z.array(mentionSource) })
  .meta({ id: 'Statement' });

/** A retaliation chain: incidents and statements linked by `retaliation-for`, oldest first. */
export const chainSchema = z
  .object({
    id: z.string(),
    start: z.string().optional(),
    end: z.string().optional(),
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['incident', 'statement', 'events']),
        date: z.string().optional(),
        label: z.string(),
        actors: z.array(z.string()),
        ideologies: z.array(z.string()),
      }),
    ),
    edges: z.array(
      z.object({ from: z.string(), to: z.string(), kind: z.string(), evidence: z.array(evidence) }),
    ),
    ideologies: z.array(z.string()),
  })
  .meta({ id: 'Chain' });

/** A document as lists show it (no text). */
export const documentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    publishedAt: z.string().optional(),
    url: z.string().optional(),
    sourceKind: z.string(),
    marking: tlpSchema,
    retrievedAt: z.string(),
  })
  .meta({ id: 'DocumentSummary' });

/** An annotation mention: a piece of the text the annotation stages recognised, by offsets. */
export const annotationMentionSchema = z.object({
  kind: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  entity: z.object({ id: z.string(), name: z.string(), kind: z.string() }).optional(),
  place: place.optional(),
  /** A resolved date, a quantity, or a quote's inner span and speaker. */
  value: z.unknown().optional(),
});

/** A document with its text, extraction and annotation mentions. The text is data, never markup. */
export const documentDetailSchema = z
  .object({
    document: z.object({
      id: z.string(),
      title: z.string().optional(),
      publishedAt: z.string().optional(),
      url: z.string().optional(),
      byline: z.string().optional(),
      language: z.string().optional(),
      source: z.object({
        kind: z.string(),
        path: z.string().optional(),
        line: z.number().optional(),
        url: z.string().optional(),
        feed: z.string().optional(),
        channel: z.string().optional(),
        messageId: z.number().optional(),
      }),
      marking: tlpSchema,
      retrievedAt: z.string(),
      text: z.string(),
    }),
    extraction: z.object({
      id: z.string(),
      incidents: z.array(z.object(incidentFields)),
      statements: z.array(z.object(statementFields)),
      links: z.array(
        z.object({
          from: z.string(),
          to: z.union([z.string(), z.object({ text: z.string() })]),
          kind: z.literal('retaliation-for'),
          evidence: z.array(evidence),
        }),
      ),
      entities: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          name: z.string(),
          spans: z.array(z.tuple([z.number().int(), z.number().int()])),
        }),
      ),
      messages: z.array(
        z.object({
          ruleId: z.string(),
          reason: z.string(),
          severity: z.string(),
          start: z.number().int().optional(),
          end: z.number().int().optional(),
        }),
      ),
    }),
    mentions: z.array(annotationMentionSchema),
  })
  .meta({ id: 'DocumentDetail' });

/** A search hit: the matched words in [brackets] in the snippet. */
export const searchHitSchema = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    publishedAt: z.string().optional(),
    url: z.string().optional(),
    snippet: z.string(),
    score: z.number(),
  })
  .meta({ id: 'SearchHit' });

/** A knowledge-base entity (group, outlet, platform, person) with its aliases. */
export const entitySchema = z
  .looseObject({ id: z.string(), kind: z.string(), name: z.string(), aliases: z.array(z.string()) })
  .meta({ id: 'Entity' });

/** An actor the knowledge base does not know, named in several documents. */
export const candidateSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    kind: z.enum(['group', 'person']),
    docIds: z.array(z.string()),
    firstSeen: z.string().optional(),
    lastSeen: z.string().optional(),
    evidence: z.array(evidence),
  })
  .meta({ id: 'Candidate' });

/** Why an analyst decided (merge, split, candidate), in their words: kept in the audit log with the decision. */
export const decisionReason = z.string().trim().max(1000).optional();

/** What an analyst decides about a candidate (the body of `POST /api/candidates/:key/decision`). */
export const candidateDecisionInputSchema = z.object({
  decision: z.enum(CANDIDATE_VERDICTS, { error: 'decision must be accepted, alias or rejected' }),
  entityId: z.string().trim().min(1, 'entityId must not be empty').max(200).optional(),
  name: z.string().trim().min(1, 'name must not be empty').max(300).optional(),
  ideology: z.enum(IDEOLOGIES).optional(),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  reason: decisionReason,
});

/** An analyst's decision about a candidate: the new entity (`accepted`), the entity it is an alias of, or `rejected`. */
export const candidateDecisionSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    decision: z.enum(CANDIDATE_VERDICTS),
    /** The accepted entity's id, or the knowledge-base entity of an alias. */
    entityId: z.string().optional(),
    entity: z
      .object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(['group', 'person']),
        ideology: z.string().optional(),
        aliases: z.array(z.string()),
      })
      .optional(),
    reason: z.string().optional(),
    author: z.string(),
    createdAt: z.string(),
    /** Clearance needed to see the decision. */
    level: clearanceSchema,
  })
  .meta({ id: 'CandidateDecision' });

/** What a decision about a candidate, or its undoing, did: counts after resolving again. */
export const candidateOutcomeSchema = z.object({
  decision: candidateDecisionSchema,
  incidents: z.number().int(),
  candidates: z.number().int(),
});

/** An alert (DESIGN.md `Alert`), without its webhook deliveries. */
export const alertSchema = z
  .object({
    id: z.number().int(),
    rule: z.string(),
    severity: z.enum(['low', 'medium', 'high']),
    subjects: z.array(z.string()),
    explanation: z.string(),
    evidence: z.array(evidence),
    level: clearanceSchema,
    eventDate: z.string().optional(),
    createdAt: z.string(),
    acknowledged: z.boolean(),
    acknowledgedBy: z.string().optional(),
    acknowledgedAt: z.string().optional(),
  })
  .meta({ id: 'Alert' });

/** What a merge or split did. */
export const decisionResultSchema = z.object({
  kind: z.enum(['merge', 'split']),
  incident: z.string().optional(),
  other: z.string().optional(),
  decisions: z.number().int(),
  incidents: z.number().int(),
});

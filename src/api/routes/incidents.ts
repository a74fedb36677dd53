import { z } from 'zod';
import { incidentDetail, listIncidents, mergeIncidents, splitIncident } from '../../services/incidents.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toDecisionResponse, toIncidentSummary } from '../responses.js';
import {
  chainSchema,
  decisionReason,
  decisionResultSchema,
  errorResponses,
  flag,
  idString,
  incidentSchema,
  incidentSummarySchema,
  isoDate,
  pageSchema,
  pagingQuery,
  statementSchema,
} from '../schemas.js';

/** `/api/incidents`: resolved incidents, and analysts' merges and splits. */
export function incidentRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/incidents',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Resolved incidents, newest first (only those some document is about, unless `all`)',
        querystring: pagingQuery.extend({
          from: isoDate.optional(),
          to: isoDate.optional(),
          country: z
            .string()
            .regex(/^[A-Za-z]{2}$/, 'ISO country codes have two letters')
            .optional(),
          type: z.string().min(1).max(100).optional(),
          group: idString.optional(),
          all: flag,
        }),
        response: { 200: pageSchema(incidentSummarySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit, offset, all, ...filters } = request.query;
      const page = await listIncidents(
        rc.services,
        principalOf(request),
        { ...filters, mainOnly: !all },
        { limit, offset },
      );
      return { ...page, items: page.items.map(toIncidentSummary) };
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'One incident with the statements that refer to it and its retaliation chains',
        params: z.object({ id: idString }),
        response: {
          200: z.object({
            incident: incidentSchema,
            statements: z.array(statementSchema),
            chains: z.array(chainSchema),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => incidentDetail(rc.services, principalOf(request), request.params.id),
  );

  app.post(
    '/api/incidents/merge',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary:
          'Merge incidents that are one, with an optional `reason` for the audit log (kept across re-resolution; undo with split)',
        body: z.object({ ids: z.array(idString).min(2).max(50), reason: decisionReason }),
        response: { 200: decisionResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toDecisionResponse(
        await mergeIncidents(rc.services, principalOf(request), request.body.ids, request.body.reason),
      ),
  );

  app.post(
    '/api/incidents/:id/split',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary:
          'Take a document’s report out of an incident, with an optional `reason` for the audit log (kept across re-resolution; undo with merge)',
        params: z.object({ id: idString }),
        body: z.object({ documentId: idString, reason: decisionReason }),
        response: { 200: decisionResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toDecisionResponse(
        await splitIncident(
          rc.services,
          principalOf(request),
          request.params.id,
          request.body.documentId,
          request.body.reason,
        ),
      ),
  );
}

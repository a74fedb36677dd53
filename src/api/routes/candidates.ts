import { z } from 'zod';
import {
  candidateDecisionsPage,
  candidatesPage,
  decideCandidateAs,
  undoCandidateDecisionAs,
} from '../../services/candidates.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toCandidateDecisionResponse, toCandidateOutcomeResponse } from '../responses.js';
import {
  candidateDecisionInputSchema,
  candidateDecisionSchema,
  candidateOutcomeSchema,
  candidateSchema,
  errorResponses,
  pageSchema,
  pagingQuery,
} from '../schemas.js';

/** A candidate in a path: its key (the normalised name) or any spelling of its name. */
const candidateKey = z.object({ key: z.string().trim().min(1).max(300) });

/** `/api/candidates`: unknown actors for review, and analysts' decisions about them. */
export function candidateRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/candidates',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Actors the knowledge base does not know, seen in several documents, not decided about yet',
        querystring: pagingQuery,
        response: { 200: pageSchema(candidateSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => candidatesPage(rc.services, principalOf(request), request.query),
  );

  app.get(
    '/api/candidates/decisions',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Analysts’ decisions about candidates (accepted, alias, rejected), newest first',
        querystring: pagingQuery,
        response: { 200: pageSchema(candidateDecisionSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await candidateDecisionsPage(rc.services, principalOf(request), request.query);
      return { ...page, items: page.items.map(toCandidateDecisionResponse) };
    },
  );

  app.post(
    '/api/candidates/:key/decision',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary:
          'Accept a candidate as a new entity, make it an alias of a knowledge-base entity, or reject it (replaces an earlier decision; resolves again)',
        params: candidateKey,
        body: candidateDecisionInputSchema,
        response: { 200: candidateOutcomeSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toCandidateOutcomeResponse(
        await decideCandidateAs(rc.services, principalOf(request), request.params.key, request.body),
      ),
  );

  app.delete(
    '/api/candidates/:key/decision',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary: 'Undo the decision about a candidate: it is a candidate again (resolves again)',
        params: candidateKey,
        response: { 200: candidateOutcomeSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      toCandidateOutcomeResponse(
        await undoCandidateDecisionAs(rc.services, principalOf(request), request.params.key),
      ),
  );
}

import { candidatesPage } from '../../services/entities.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { candidateSchema, errorResponses, pageSchema, pagingQuery } from '../schemas.js';

/** `GET /api/candidates`: unknown actors for review. */
export function candidateRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/candidates',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Actors the knowledge base does not know, seen in several documents',
        querystring: pagingQuery,
        response: { 200: pageSchema(candidateSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => candidatesPage(rc.services, principalOf(request), request.query),
  );
}

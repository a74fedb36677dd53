import { chainsPage } from '../../services/incidents.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { chainSchema, errorResponses, pageSchema, pagingQuery } from '../schemas.js';

/** `GET /api/chains`: retaliation chains. */
export function chainRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/chains',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Retaliation chains (nodes, edges, evidence), latest first',
        querystring: pagingQuery,
        response: { 200: pageSchema(chainSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => chainsPage(rc.services, principalOf(request), request.query),
  );
}

import { z } from 'zod';
import { getStatement, listStatements } from '../../services/incidents.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { errorResponses, idString, pageSchema, pagingQuery, statementSchema } from '../schemas.js';

/** `/api/statements`: resolved statements. */
export function statementRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/statements',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Resolved statements, newest first, by type, actor or incident',
        querystring: pagingQuery.extend({
          type: z.string().min(1).max(100).optional(),
          actor: idString.optional(),
          incident: idString.optional(),
        }),
        response: { 200: pageSchema(statementSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return listStatements(rc.services, principalOf(request), filters, { limit, offset });
    },
  );

  app.get(
    '/api/statements/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'One statement',
        params: z.object({ id: idString }),
        response: { 200: statementSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getStatement(rc.services, principalOf(request), request.params.id),
  );
}

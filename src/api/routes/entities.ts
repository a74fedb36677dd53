import { z } from 'zod';
import { ENTITY_KINDS } from '../../kb/kb-schema.js';
import { entityDetail, listEntities } from '../../services/entities.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import {
  entitySchema,
  errorResponses,
  idString,
  incidentSchema,
  pageSchema,
  pagingQuery,
  statementSchema,
} from '../schemas.js';

/** `/api/entities`: the knowledge base, and the entities analysts accepted from the candidates. */
export function entityRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/entities',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary:
          'Knowledge-base entities and those analysts accepted from the candidates, by name, of a `kind`, matching `q` in names and aliases',
        querystring: pagingQuery.extend({
          kind: z.enum(ENTITY_KINDS).optional(),
          q: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: pageSchema(entitySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return listEntities(rc.services, principalOf(request), filters, { limit, offset });
    },
  );

  app.get(
    '/api/entities/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'An entity with its aliases, its incidents and statements',
        params: z.object({ id: idString }),
        response: {
          200: z.object({
            entity: entitySchema,
            incidents: z.array(incidentSchema),
            statements: z.array(statementSchema),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => entityDetail(rc.services, principalOf(request), request.params.id),
  );
}

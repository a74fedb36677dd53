import { z } from 'zod';
import { searchDocuments } from '../../services/documents.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { errorResponses, idString, isoDate, pageSchema, pagingQuery, searchHitSchema } from '../schemas.js';

/** `GET /api/search`: full-text search with filters. */
export function searchRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/search',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Full-text search over documents, with snippets ([matched words] in brackets)',
        querystring: pagingQuery.extend({
          q: z.string().trim().min(1).max(500),
          from: isoDate.optional(),
          to: isoDate.optional(),
          country: z
            .string()
            .regex(/^[A-Za-z]{2}$/, 'ISO country codes have two letters')
            .optional(),
          group: idString.optional(),
          type: z.string().min(1).max(100).optional(),
        }),
        response: { 200: pageSchema(searchHitSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { q, limit, offset, ...filters } = request.query;
      return searchDocuments(rc.services, principalOf(request), { text: q, ...filters }, { limit, offset });
    },
  );
}

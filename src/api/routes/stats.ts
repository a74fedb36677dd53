import { z } from 'zod';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toStatsResponse } from '../responses.js';
import { errorResponses } from '../schemas.js';

const count = z.number().int();

/** `GET /api/stats`: store counts the caller may see. */
export function statsRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/stats',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Counts of what the caller may see',
        response: {
          200: z.object({
            documents: count,
            incidents: count,
            statements: count,
            links: count,
            entities: count,
            resolvedIncidents: count,
            resolvedStatements: count,
            alerts: count,
            reviews: count.optional(),
            messages: count.optional(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const who = principalOf(request);
      return toStatsResponse(await rc.services.store.stats(who.clearance), who.clearance);
    },
  );
}

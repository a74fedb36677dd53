import { z } from 'zod';
import { dashboard } from '../../services/dashboard.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toDashboardResponse } from '../responses.js';
import { alertSchema, errorResponses, statementSchema } from '../schemas.js';

/** `GET /api/dashboard`: new alerts, incidents per week, top groups, latest statements. */
export function dashboardRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/dashboard',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'The start page: new alerts, incidents per week, top groups, latest statements',
        querystring: z.object({ weeks: z.coerce.number().int().min(1).max(520).default(26) }),
        response: {
          200: z.object({
            alerts: z.array(alertSchema),
            incidentsPerWeek: z.array(z.object({ week: z.string(), count: z.number().int() })),
            topGroups: z.array(z.object({ id: z.string(), name: z.string(), incidents: z.number().int() })),
            latestStatements: z.array(statementSchema),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) =>
      toDashboardResponse(await dashboard(rc.services, principalOf(request), request.query.weeks)),
  );
}

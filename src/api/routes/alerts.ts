import { z } from 'zod';
import { acknowledgeAlert, listAlertsPage } from '../../services/alerts/alert-inbox.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toAlertResponse } from '../responses.js';
import { alertSchema, errorResponses, flag, pageSchema, pagingQuery } from '../schemas.js';

/** `/api/alerts`: alerts raised by the rules, and their acknowledgement. */
export function alertRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/alerts',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Alerts, newest first (`unacknowledged` for the new ones)',
        querystring: pagingQuery.extend({ unacknowledged: flag }),
        response: { 200: pageSchema(alertSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { unacknowledged, ...paging } = request.query;
      const page = await listAlertsPage(
        rc.services,
        principalOf(request),
        { unacknowledged: unacknowledged ?? false },
        paging,
      );
      return { ...page, items: page.items.map(toAlertResponse) };
    },
  );

  app.post(
    '/api/alerts/:id/ack',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary: 'Acknowledge an alert',
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await acknowledgeAlert(rc.services, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

import { z } from 'zod';
import { listAudit } from '../../services/audit.js';
import type { ApiApp, RouteContext } from '../api-types.js';
import { auditEntrySchema, errorResponses, pageSchema, pagingQuery } from '../schemas.js';

/** `GET /api/audit`: the append-only audit log, for admins. */
export function auditRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'The audit log, newest first, by `actor` and `action`',
        querystring: pagingQuery.extend({
          actor: z.string().min(1).max(64).optional(),
          action: z.string().min(1).max(64).optional(),
        }),
        response: { 200: pageSchema(auditEntrySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listAudit(rc.services, request.query);
      return { ...page, limit: request.query.limit, offset: request.query.offset };
    },
  );
}

import { z } from 'zod';
import type { ApiApp, RouteContext } from '../api-types.js';

/** `GET /api/health`: whether the server answers, without login. */
export function healthRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The server answers',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: rc.version }),
  );
}

import { z } from 'zod';
import { addReview } from '../../services/reviews.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { errorResponses, idString } from '../schemas.js';

/** `POST /api/reviews`: an analyst confirms, corrects or rejects a field; resolution runs again. */
export function reviewRoutes(app: ApiApp, rc: RouteContext): void {
  app.post(
    '/api/reviews',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary: 'Confirm, correct or reject a field of an incident or statement (then resolves again)',
        body: z.object({
          subjectId: idString,
          field: z.string().min(1).max(50),
          action: z.enum(['confirm', 'correct', 'reject']),
          value: z.unknown().optional(),
        }),
        response: {
          201: z.object({ mentions: z.array(z.string()), incident: z.string().optional() }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const outcome = await addReview(rc.services, principalOf(request), request.body);
      return reply.code(201).send(outcome);
    },
  );
}

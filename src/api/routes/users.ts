import { z } from 'zod';
import { ROLES } from '../../store/accounts.js';
import { pageOf } from '../../services/page.js';
import { PASSWORD_MAX_LENGTH } from '../../services/passwords.js';
import { createUser, listUsers, updateUser } from '../../services/users.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toUserResponse } from '../responses.js';
import { clearanceSchema, errorResponses, pageSchema, pagingQuery, userSchema } from '../schemas.js';

/** `/api/users`: accounts, for admins. */
export function userRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Every account',
        querystring: pagingQuery,
        response: { 200: pageSchema(userSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const page = pageOf(await listUsers(rc.services), request.query);
      return { ...page, items: page.items.map(toUserResponse) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Create an account (its password must be changed at first login)',
        body: z.object({
          username: z.string().min(2).max(64),
          password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
          role: z.enum(ROLES),
          clearance: clearanceSchema,
        }),
        response: { 201: userSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser(rc.services, principalOf(request), request.body);
      return reply.code(201).send(toUserResponse(user));
    },
  );

  app.patch(
    '/api/users/:username',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Change an account’s role, clearance, state or password',
        params: z.object({ username: z.string().min(1).max(64) }),
        body: z
          .object({
            role: z.enum(ROLES).optional(),
            clearance: clearanceSchema.optional(),
            disabled: z.boolean().optional(),
            password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
          })
          .strict(),
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toUserResponse(
        await updateUser(rc.services, principalOf(request), request.params.username, request.body),
      ),
  );
}

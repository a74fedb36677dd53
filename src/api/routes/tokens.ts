import { z } from 'zod';
import { TOKEN_SCOPES } from '../../store/accounts.js';
import { pageOf } from '../../services/page.js';
import { createToken, listTokens, revokeToken } from '../../services/tokens.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toTokenResponse } from '../responses.js';
import { errorResponses, pageSchema, pagingQuery, tokenSchema } from '../schemas.js';

/** `/api/tokens`: API tokens for scripts, shown once. */
export function tokenRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags: ['tokens'],
        summary: 'One’s own tokens (admins: `username` for another user’s)',
        querystring: pagingQuery.extend({ username: z.string().min(1).max(64).optional() }),
        response: { 200: pageSchema(tokenSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const { username, ...paging } = request.query;
      const page = pageOf(await listTokens(rc.services, principalOf(request), username), paging);
      return { ...page, items: page.items.map(toTokenResponse) };
    },
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags: ['tokens'],
        summary: 'Create a token; the secret is in this answer only',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(3),
        }),
        response: { 201: tokenSchema.extend({ token: z.string() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { token, info } = await createToken(rc.services, principalOf(request), request.body);
      return reply.code(201).send({ ...toTokenResponse(info), token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'user' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token (one’s own, or anyone’s for admins)',
        params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'not a token id') }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeToken(rc.services, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

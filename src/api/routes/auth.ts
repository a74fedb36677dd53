import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../services/passwords.js';
import type { LoginResult } from '../../services/auth.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toUserResponse } from '../responses.js';
import { errorResponses, userSchema } from '../schemas.js';
import { TOKEN_SCOPES } from '../../store/accounts.js';

const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** `/api/auth/*`: log in and out, who am I, change my password. */
export function authRoutes(app: ApiApp, rc: RouteContext): void {
  const startSession = (reply: FastifyReply, session: LoginResult) => {
    reply.setCookie(rc.cookie.name, session.sessionId, {
      ...rc.cookie.options,
      expires: new Date(session.expiresAt),
    });
    return { user: toUserResponse(session.user), csrfToken: session.csrfToken };
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: rc.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in: sets the session cookie and returns the CSRF token',
        body: z.object({ username: z.string().min(1).max(64), password }),
        response: { 200: sessionSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await rc.auth.login(request.body.username, request.body.password, request.ip);
      return startSession(reply, session);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'user', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'End the session',
        response: { 204: z.null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await rc.auth.logout(principalOf(request));
      reply.clearCookie(rc.cookie.name, rc.cookie.options);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'user', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, with the CSRF token of the session',
        response: {
          200: z.object({
            user: userSchema,
            csrfToken: z.string().optional(),
            scopes: z.array(z.enum(TOKEN_SCOPES)).optional(),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const who = principalOf(request);
      const user = (await rc.services.accounts.getUser(who.username))!;
      return {
        user: toUserResponse(user),
        ...(who.csrfToken ? { csrfToken: who.csrfToken } : {}),
        ...(who.scopes ? { scopes: who.scopes } : {}),
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: {
        access: 'user',
        beforePasswordChange: true,
        rateLimit: { max: rc.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s password: every session ends and a new one starts',
        body: z.object({ current: password, next: password }),
        response: { 200: sessionSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const session = await rc.auth.changePassword(
        principalOf(request),
        request.body.current,
        request.body.next,
      );
      return startSession(reply, session);
    },
  );
}

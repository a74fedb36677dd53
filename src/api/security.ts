import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { audit } from '../services/audit.js';
import { can, csrfMatches } from '../services/auth.js';
import type { ApiApp, RouteContext } from './api-types.js';

/** Methods that change nothing: no CSRF token needed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorisation for every `/api` route, before its body is read: who the
 * request is from (Bearer token, else session cookie), the CSRF token on state-changing requests
 * made with the cookie, the first-login password change, and the route's permission by role and
 * token scope. Refusals are 401/403 AppErrors; permission failures go to the audit log. A route
 * under `/api` that does not say who may call it stops the server from starting (fail closed).
 */
export function registerSecurity(app: ApiApp, rc: RouteContext): void {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.config?.access)
      throw new Error(
        `route ${String(route.method)} ${route.url} does not say who may call it (config.access)`,
      );
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const access = config.access;
    if (!access || access === 'public') return;
    const principal = await rc.auth.authenticate({
      sessionId: request.cookies[rc.cookie.name],
      ...(request.headers.authorization !== undefined
        ? { authorization: request.headers.authorization }
        : {}),
      ip: request.ip,
    });
    if (!principal) throw new AppError('unauthenticated', 401, 'log in first, or send an API token');
    request.principal = principal;
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (!csrfMatches(principal.csrfToken ?? '', typeof sent === 'string' ? sent : undefined)) {
        await deny(rc, request, 'csrf');
        throw new AppError('csrf_failed', 403, 'missing or wrong x-csrf-token header');
      }
    }
    if (principal.mustChangePassword && !config.beforePasswordChange)
      throw new AppError(
        'password_change_required',
        403,
        'change your password first (POST /api/auth/password)',
      );
    if (access !== 'user' && !can(principal.role, access)) {
      await deny(rc, request, access);
      throw new AppError(
        'forbidden',
        403,
        principal.via === 'token' && principal.scopes
          ? `this needs the ${access} permission: your role or the token's scopes (${principal.scopes.join(', ')}) do not give it`
          : `this needs the ${access} permission, which the ${principal.role} role does not have`,
      );
    }
  });
}

/** Write a permission failure to the audit log. */
async function deny(rc: RouteContext, request: FastifyRequest, needed: string): Promise<void> {
  const who = request.principal;
  await audit(rc.services, {
    action: 'permission',
    outcome: 'denied',
    target: `${request.method} ${request.routeOptions.url ?? request.url}`,
    ...(who ? { actor: who.username } : {}),
    ip: request.ip,
    detail: { needed, role: who?.role, via: who?.via },
  });
}

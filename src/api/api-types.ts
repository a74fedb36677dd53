import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import type { AuthService, Permission } from '../services/auth.js';
import type { Principal, ServiceContext } from '../services/context.js';

/**
 * Who may call a route: `public` (no login), `user` (anyone logged in, by session or token), or
 * the permission it needs (`read` for viewers and up, `write` for analysts, `admin`).
 */
export type Access = 'public' | 'user' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every `/api` route says who may call it; the server refuses to start otherwise. */
    access?: Access;
    /** The route works before a first-login password change (me, logout, password). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    /** Who the request is from, set by the authentication hook for every non-public route. */
    principal?: Principal;
  }
}

/** The fastify instance with zod schemas as its type provider. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The session cookie: its name (`__Host-` prefixed when secure) and attributes. */
export interface SessionCookie {
  name: string;
  options: CookieSerializeOptions;
}

/** What the route modules are given. */
export interface RouteContext {
  services: ServiceContext;
  auth: AuthService;
  cookie: SessionCookie;
  /** Vigil's version, for `/api/health` and the OpenAPI document. */
  version: string;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
}

/** The request's principal; the authentication hook guarantees one on every non-public route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 401, 'log in first');
  return request.principal;
}

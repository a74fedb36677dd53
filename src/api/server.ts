import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { AuthService, type AuthOptions } from '../services/auth.js';
import type { ServiceContext } from '../services/context.js';
import type { ApiApp, RouteContext } from './api-types.js';
import { errorBody, handleError } from './error-handler.js';
import { alertRoutes } from './routes/alerts.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { candidateRoutes } from './routes/candidates.js';
import { chainRoutes } from './routes/chains.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { incidentRoutes } from './routes/incidents.js';
import { ingestRoutes } from './routes/ingest.js';
import { reviewRoutes } from './routes/reviews.js';
import { searchRoutes } from './routes/search.js';
import { statementRoutes } from './routes/statements.js';
import { statsRoutes } from './routes/stats.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { registerResponseCache, ResponseCache } from './response-cache.js';
import { registerSecurity } from './security.js';

/** The built web app, served when it is there (`npm run build` in web/). */
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Largest JSON body accepted (uploads have their own limit). */
const BODY_LIMIT = 1024 * 1024;

/** Options of {@link buildServer}. */
export interface ServerOptions {
  services: ServiceContext;
  /**
   * Cookies only over HTTPS, named `__Host-vigil_session` (default: when `NODE_ENV` is
   * `production`); on plain-HTTP localhost the cookie is `vigil_session`.
   */
  secureCookies?: boolean;
  /** The folder of the built web app; `false` serves the API only. Default: web/dist when it exists. */
  webDir?: string | false;
  /** Login attempts per client address per minute (default 10). */
  loginRateLimit?: number;
  auth?: AuthOptions;
  /** Largest uploaded file for `POST /api/ingest` (default 20 MiB). */
  maxUploadBytes?: number;
  /** Take the client address from X-Forwarded-For (behind a TLS proxy). */
  trustProxy?: boolean;
  /** Keep the answers of read routes until the data changes (default true). */
  cache?: boolean;
  /** Log level of the server's own log (default: none). */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

/**
 * The web server (fastify): security headers and a strict Content-Security-Policy (helmet), the
 * session cookie, login rate limits, uploads, authentication and permissions on every `/api`
 * route, the routes of docs/api.md validated with zod, the OpenAPI 3.1 document generated from
 * the same schemas at `/api/openapi.json`, one error shape, and the web app's static files with
 * its index.html for every other GET.
 */
export async function buildServer(options: ServerOptions): Promise<ApiApp> {
  const secure = options.secureCookies ?? process.env.NODE_ENV === 'production';
  const webDir =
    options.webDir === undefined ? (existsSync(DEFAULT_WEB_DIR) ? DEFAULT_WEB_DIR : false) : options.webDir;
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  const rc: RouteContext = {
    services: options.services,
    auth: new AuthService(options.services, options.auth),
    cookie: {
      name: secure ? '__Host-vigil_session' : 'vigil_session',
      options: { path: '/', httpOnly: true, sameSite: 'strict', secure },
    },
    version: packageVersion(),
    loginRateLimit: options.loginRateLimit ?? 10,
  };

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', 429, `too many requests: try again in ${context.after}`),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.maxUploadBytes ?? 20 * 1024 * 1024, files: 1, fields: 4, parts: 5 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil REST API',
        version: rc.version,
        description:
          'Sourced records of terrorist incidents, extremist statements and retaliation chains (docs/api.md).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: rc.cookie.name },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  registerSecurity(app, rc);
  if (options.cache ?? true)
    registerResponseCache(app, new ResponseCache(() => options.services.listing.dataVersion()));

  for (const routes of [
    healthRoutes,
    authRoutes,
    userRoutes,
    tokenRoutes,
    statsRoutes,
    dashboardRoutes,
    documentRoutes,
    searchRoutes,
    incidentRoutes,
    statementRoutes,
    chainRoutes,
    entityRoutes,
    candidateRoutes,
    alertRoutes,
    reviewRoutes,
    ingestRoutes,
    exportRoutes,
    auditRoutes,
  ])
    routes(app, rc);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (webDir) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (webDir && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api')
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.code(404).send(errorBody('not_found', `no route ${request.method} ${path}`));
  });
  return app;
}

/** Vigil's version, from package.json. */
function packageVersion(): string {
  const path = join(fileURLToPath(new URL('../..', import.meta.url)), 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, ResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';

/** The body of every error response (docs/api.md). */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Codes for the HTTP errors fastify and its plugins raise themselves. */
const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** `{ error: { code, message } }` with the status it goes with. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message: message.split('\n')[0]!.slice(0, 500) } };
}

/** The status and body for an error thrown while handling a request. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (err instanceof AppError) {
    const status = err.status >= 400 && err.status < 600 ? err.status : 500;
    return { status, body: errorBody(err.code, err.message), unexpected: false };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const where = [err.validationContext, first?.instancePath.replace(/^\//, '').replaceAll('/', '.')]
      .filter(Boolean)
      .join(' ');
    return {
      status: 400,
      body: errorBody(
        'invalid_request',
        `${where ? `${where}: ` : ''}${first?.message ?? 'invalid request'}`,
      ),
      unexpected: false,
    };
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.join('.');
    return {
      status: 400,
      body: errorBody(
        'invalid_request',
        `${where ? `${where}: ` : ''}${first?.message ?? 'invalid request'}`,
      ),
      unexpected: false,
    };
  }
  if (err instanceof ResponseSerializationError)
    return { status: 500, body: errorBody('internal_error', 'internal error'), unexpected: true };
  const statusCode = (err as FastifyError).statusCode;
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: errorBody(STATUS_CODES[statusCode] ?? 'bad_request', (err as Error).message || 'bad request'),
      unexpected: false,
    };
  }
  return { status: 500, body: errorBody('internal_error', 'internal error'), unexpected: true };
}

/**
 * The one HTTP error handler (CONVENTIONS.md §8): AppErrors with their code and status, request
 * validation failures as `invalid_request` (400), fastify's own client errors with a code for
 * their status, anything else as `internal_error` (500), logged, its details never sent.
 */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, unexpected } = toErrorResponse(err);
  if (unexpected) request.log.error({ err }, 'request failed');
  const retryAfter = reply.getHeader('retry-after');
  if (status === 429 && retryAfter === undefined) reply.header('retry-after', '60');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

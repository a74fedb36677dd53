/**
 * Typed fetch wrapper for Vigil's REST API (docs/api.md): JSON in and out, same-origin session
 * cookie, the CSRF token on state-changing requests, errors turned into `ApiError` from the
 * server's `{ error: { code, message } }`, and a 401 handed to the app so that it shows the login.
 */
import type {
  Alert,
  Chain,
  Dashboard,
  DocumentDetail,
  DocumentSummary,
  Entity,
  EntityDetail,
  Extraction,
  Incident,
  IncidentDetail,
  Mention,
  Page,
  ReviewAction,
  ReviewOutcome,
  SearchHit,
  Session,
  Statement,
  Stats,
  User,
} from './types';

/** An error answered by the API (or a network failure, code `network_error`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query parameters; empty and undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

let csrfToken: string | undefined;
let onUnauthorized: ((error: ApiError) => void) | undefined;

/** Remember the CSRF token given by login or `GET /api/auth/me`. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called whenever the API answers 401 (the session ended): the app shows the login page. */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | undefined): void {
  onUnauthorized = handler;
}

/** `/api/incidents?country=AF&from=2019-01-01` from a path and a query. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not call the 401 handler (login, and the first `me` on start-up). */
  quiet401?: boolean;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'The Vigil server cannot be reached.');
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (response.ok)
        throw new ApiError(response.status, 'bad_response', 'The server sent something that is not JSON.');
    }
  }
  if (!response.ok) {
    const err = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const error = new ApiError(
      response.status,
      typeof err?.code === 'string' ? err.code : `http_${response.status}`,
      typeof err?.message === 'string' ? err.message : `${response.status} ${response.statusText}`.trim(),
    );
    const sessionProblem = response.status === 401 || error.code === 'password_change_required';
    if (sessionProblem && !options.quiet401) onUnauthorized?.(error);
    throw error;
  }
  return data as T;
}

async function list<T>(path: string, query?: Query, signal?: AbortSignal): Promise<Page<T>> {
  const options: RequestOptions = {};
  if (query) options.query = query;
  if (signal) options.signal = signal;
  return request<Page<T>>('GET', path, options);
}

function get<T>(path: string, signal?: AbortSignal, query?: Query): Promise<T> {
  const options: RequestOptions = {};
  if (signal) options.signal = signal;
  if (query) options.query = query;
  return request<T>('GET', path, options);
}

/** Every call the app makes. */
export const api = {
  me: (signal?: AbortSignal) =>
    request<Session>('GET', '/auth/me', { quiet401: true, ...(signal ? { signal } : {}) }),
  login: (username: string, password: string) =>
    request<Session>('POST', '/auth/login', { body: { username, password }, quiet401: true }),
  logout: () => request<unknown>('POST', '/auth/logout', { quiet401: true }),
  changePassword: (current: string, next: string) =>
    request<{ user?: User; csrfToken?: string } | undefined>('POST', '/auth/password', {
      body: { current, next },
      quiet401: true,
    }),
  stats: (signal?: AbortSignal) => get<Stats>('/stats', signal),
  dashboard: (signal?: AbortSignal) => get<Dashboard>('/dashboard', signal),
  incidents: (query: Query, signal?: AbortSignal) => list<Incident>('/incidents', query, signal),
  /** `{incident, statements, chains}` flattened into one object. */
  incident: async (id: string, signal?: AbortSignal): Promise<IncidentDetail> => {
    const d = await get<{ incident: Incident; statements: Statement[]; chains: Chain[] }>(
      `/incidents/${encodeURIComponent(id)}`,
      signal,
    );
    return { ...d.incident, statements: d.statements, chains: d.chains };
  },
  statements: (query: Query, signal?: AbortSignal) => list<Statement>('/statements', query, signal),
  statement: (id: string, signal?: AbortSignal) =>
    get<Statement>(`/statements/${encodeURIComponent(id)}`, signal),
  chains: (signal?: AbortSignal) => list<Chain>('/chains', undefined, signal),
  entities: (query: Query, signal?: AbortSignal) => list<Entity>('/entities', query, signal),
  /** `{entity, incidents, statements}` flattened into one object. */
  entity: async (id: string, signal?: AbortSignal): Promise<EntityDetail> => {
    const d = await get<{ entity: Entity; incidents: Incident[]; statements: Statement[] }>(
      `/entities/${encodeURIComponent(id)}`,
      signal,
    );
    return { ...d.entity, incidents: d.incidents, statements: d.statements };
  },
  documents: (query: Query, signal?: AbortSignal) => list<DocumentSummary>('/documents', query, signal),
  /** `{document, extraction, mentions}` flattened into one object. */
  document: async (id: string, signal?: AbortSignal): Promise<DocumentDetail> => {
    const d = await get<{ document: DocumentDetail; extraction: Extraction; mentions: Mention[] }>(
      `/documents/${encodeURIComponent(id)}`,
      signal,
    );
    return { ...d.document, extraction: d.extraction, mentions: d.mentions };
  },
  search: (query: Query, signal?: AbortSignal) => list<SearchHit>('/search', query, signal),
  alerts: (query: Query, signal?: AbortSignal) => list<Alert>('/alerts', query, signal),
  acknowledge: (id: number) => request<unknown>('POST', `/alerts/${id}/ack`),
  review: (subjectId: string, field: string, action: ReviewAction, value?: unknown) =>
    request<ReviewOutcome>('POST', '/reviews', {
      body: value === undefined ? { subjectId, field, action } : { subjectId, field, action, value },
    }),
};

/**
 * Typed fetch wrapper for Vigil's REST API (docs/api.md): JSON in and out, same-origin session
 * cookie, the CSRF token on state-changing requests, errors turned into `ApiError` from the
 * server's `{ error: { code, message } }`, and a 401 handed to the app so that it shows the login.
 */
import type {
  Account,
  Alert,
  ApiToken,
  AuditEntry,
  Candidate,
  CandidateDecision,
  CandidateDecisionInput,
  CandidateOutcome,
  Chain,
  Dashboard,
  DocumentDetail,
  DecisionResult,
  DocumentSummary,
  Entity,
  EntityDetail,
  Extraction,
  Incident,
  IncidentDetail,
  IngestResult,
  Mention,
  Page,
  ReviewAction,
  ReviewOutcome,
  SearchHit,
  Session,
  Statement,
  Stats,
  TokenScope,
  Tlp,
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
  return answer<T>(response.status, response.statusText, await response.text(), options.quiet401);
}

/** The JSON of an answer, or the `ApiError` it carries (a 401 also goes to the app's handler). */
function answer<T>(status: number, statusText: string, text: string, quiet401?: boolean): T {
  const ok = status >= 200 && status < 300;
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (ok) throw new ApiError(status, 'bad_response', 'The server sent something that is not JSON.');
    }
  }
  if (!ok) {
    const err = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const error = new ApiError(
      status,
      typeof err?.code === 'string' ? err.code : `http_${status}`,
      typeof err?.message === 'string' ? err.message : `${status} ${statusText}`.trim(),
    );
    const sessionProblem = status === 401 || error.code === 'password_change_required';
    if (sessionProblem && !quiet401) onUnauthorized?.(error);
    throw error;
  }
  return data as T;
}

/** How far an upload has gone: bytes sent of the total (the server works on it once all are sent). */
export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * POST a multipart form (a file upload) with its progress: `fetch` cannot tell how much of a
 * request body was sent, XMLHttpRequest can. Same cookie, CSRF header and errors as `request`.
 */
function upload<T>(
  path: string,
  form: FormData,
  onProgress?: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.({ sent: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      try {
        resolve(answer<T>(xhr.status, xhr.statusText, xhr.responseText));
      } catch (e) {
        reject(e as Error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The Vigil server cannot be reached.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
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

/**
 * The answer of `POST /api/ingest` as the app shows it: stored and resolved (200: `stored`,
 * `incidents`, `newAlerts`) or queued for the workers (202: `queuedJobs`, `queuedDocuments`); both
 * with `read`, `duplicates`, `skipped` and `problems`.
 */
export function toIngestResult(answer: Record<string, unknown>): IngestResult {
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  const common = {
    read: n(answer.read),
    duplicates: n(answer.duplicates),
    skipped: n(answer.skipped),
    problems: Array.isArray(answer.problems) ? (answer.problems as IngestResult['problems']) : [],
  };
  if (typeof answer.stored === 'number')
    return {
      kind: 'stored',
      ...common,
      stored: answer.stored,
      incidents: n(answer.incidents),
      newAlerts: n(answer.newAlerts),
    };
  return { kind: 'queued', ...common, jobs: n(answer.queuedJobs), documents: n(answer.queuedDocuments) };
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
  /** Upload a file to ingest (multipart: `file`, `marking`); stored and resolved (200) or queued (202). */
  ingestFile: (file: File, marking: Tlp, onProgress?: (p: UploadProgress) => void, signal?: AbortSignal) => {
    const form = new FormData();
    // The marking first: the server reads the parts in order.
    form.append('marking', marking);
    form.append('file', file, file.name);
    return upload<Record<string, unknown>>('/ingest', form, onProgress, signal).then(toIngestResult);
  },
  /** Fetch a web page (`{url}`) or add and poll a feed (`{feed}`), then store or queue. */
  ingestSource: (source: { url: string } | { feed: string }, marking: Tlp) =>
    request<Record<string, unknown>>('POST', '/ingest', { body: { ...source, marking } }).then(
      toIngestResult,
    ),
  merge: (ids: string[], reason?: string) =>
    request<DecisionResult>('POST', '/incidents/merge', { body: reason ? { ids, reason } : { ids } }),
  split: (id: string, documentId: string, reason?: string) =>
    request<DecisionResult>('POST', `/incidents/${encodeURIComponent(id)}/split`, {
      body: reason ? { documentId, reason } : { documentId },
    }),
  candidates: (query: Query, signal?: AbortSignal) => list<Candidate>('/candidates', query, signal),
  candidateDecisions: (query: Query, signal?: AbortSignal) =>
    list<CandidateDecision>('/candidates/decisions', query, signal),
  decideCandidate: (key: string, input: CandidateDecisionInput) =>
    request<CandidateOutcome>('POST', `/candidates/${encodeURIComponent(key)}/decision`, { body: input }),
  undoCandidateDecision: (key: string) =>
    request<CandidateOutcome>('DELETE', `/candidates/${encodeURIComponent(key)}/decision`),
  users: (query: Query, signal?: AbortSignal) => list<Account>('/users', query, signal),
  createUser: (input: { username: string; password: string; role: string; clearance: number }) =>
    request<Account>('POST', '/users', { body: input }),
  updateUser: (
    username: string,
    changes: { role?: string; clearance?: number; disabled?: boolean; password?: string },
  ) => request<Account>('PATCH', `/users/${encodeURIComponent(username)}`, { body: changes }),
  tokens: (query: Query, signal?: AbortSignal) => list<ApiToken>('/tokens', query, signal),
  createToken: (name: string, scopes: TokenScope[]) =>
    request<ApiToken & { token: string }>('POST', '/tokens', { body: { name, scopes } }),
  revokeToken: (id: string) => request<unknown>('DELETE', `/tokens/${encodeURIComponent(id)}`),
  audit: (query: Query, signal?: AbortSignal) => list<AuditEntry>('/audit', query, signal),
};

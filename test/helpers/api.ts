import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiApp } from '../../src/api/api-types.js';
import { buildServer, type ServerOptions } from '../../src/api/server.js';
import type { Tlp } from '../../src/ingest/source-document.js';
import { loadResources, type Resources } from '../../src/kb/resources.js';
import { loadAlertConfig } from '../../src/services/alerts/alert-config.js';
import type { Principal, ServiceContext } from '../../src/services/context.js';
import { ingest, inlineExtractor } from '../../src/services/ingest.js';
import { hashPassword } from '../../src/services/passwords.js';
import { Resolver } from '../../src/services/resolver.js';
import { createToken } from '../../src/services/tokens.js';
import type { Role, TokenScope } from '../../src/store/accounts.js';
import { openApiStores, type ApiStores } from '../../src/store/open-api-stores.js';

/** The password every test user gets. */
export const PASSWORD = 'correct horse battery staple';

let resources: Promise<Resources> | undefined;
/** Knowledge base, gazetteer and NLP model, loaded once per test file. */
export function testResources(): Promise<Resources> {
  resources ??= loadResources();
  return resources;
}

/** Corpus articles, by id, with the marking to store them under. */
export interface CorpusPart {
  ids: string[];
  marking: Tlp;
}

/** A database other than the default fresh SQLite file (a PostgreSQL schema), and how to remove it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A server on a fresh database, with the services behind it. */
export interface ApiFixture {
  app: ApiApp;
  services: ServiceContext;
  stores: ApiStores;
  close(): Promise<void>;
}

/**
 * A server on a fresh SQLite file (or `database`) holding the given Wikinews articles, ingested
 * through the real pipeline under their markings and resolved (alerts included).
 */
export async function startApi(
  parts: CorpusPart[] = [],
  {
    now,
    database,
    ingestion,
    ...serverOptions
  }: Partial<Omit<ServerOptions, 'services'>> & {
    now?: () => Date;
    database?: TestDatabase;
    /** What becomes of ingested documents (default: extracted inline). */
    ingestion?: ServiceContext['ingestion'];
  } = {},
): Promise<ApiFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-api-'));
  const stores = await openApiStores(database?.url ?? join(dir, 'vigil.db'));
  const res = await testResources();
  const alertConfig = await loadAlertConfig();
  const corpus = readFileSync(new URL('../../examples/wikinews/wikinews.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const file = join(dir, `part-${i}.jsonl`);
    writeFileSync(
      file,
      corpus.filter((line) => part.ids.includes((JSON.parse(line) as { id: string }).id)).join('\n') + '\n',
    );
    await ingest([file], stores.store, { marking: part.marking, extractor: inlineExtractor(res) });
  }
  const services: ServiceContext = {
    ...stores,
    resources: res,
    alertConfig,
    resolver: new Resolver(stores.store, res, alertConfig),
    ingestion: ingestion ?? { extractor: inlineExtractor(res) },
    allowPrivateUrls: true,
    now: now ?? (() => new Date()),
  };
  if (parts.length > 0) await services.resolver.run();
  const app = await buildServer({ services, webDir: false, ...serverOptions });
  await app.ready();
  return {
    app,
    services,
    stores,
    close: async () => {
      await app.close();
      await stores.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Create a user who may log in with {@link PASSWORD} (no password change needed). */
export async function addUser(f: ApiFixture, username: string, role: Role, clearance: number): Promise<void> {
  await f.stores.accounts.createUser({
    username,
    passwordHash: await hashPassword(PASSWORD),
    role,
    clearance,
    mustChangePassword: false,
    createdAt: new Date().toISOString(),
  });
}

/** A logged-in session: the cookie header to send, and the CSRF token. */
export interface TestSession {
  cookie: string;
  csrf: string;
}

/** Log in through the API. */
export async function login(f: ApiFixture, username: string, password = PASSWORD): Promise<TestSession> {
  const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'vigil_session')!;
  return { cookie: `vigil_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/** An API token of `username` with `scopes` (made through the token service, as from a session). */
export async function tokenOf(f: ApiFixture, username: string, scopes: TokenScope[]): Promise<string> {
  const user = (await f.stores.accounts.getUser(username))!;
  const who: Principal = {
    username,
    role: user.role,
    clearance: user.clearance,
    via: 'session',
    mustChangePassword: false,
  };
  return (await createToken(f.services, who, { name: 'test', scopes })).token;
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pgConnectionString } from '../../src/store/postgres/postgres-url.js';

/** The PostgreSQL server the tests use: `VIGIL_TEST_PG`, or the local one (trust auth). */
export const TEST_PG_URL = process.env.VIGIL_TEST_PG ?? 'postgres://127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: pgConnectionString(TEST_PG_URL),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    // unaccent lives in the shared public schema, so that no test schema owns it (dropping that
    // schema would take the extension, and every other schema's search configuration, with it).
    await client.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public').catch(() => {});
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the test server answers (checked once per test file). */
export const pgReachable: boolean = await reachable();
if (!pgReachable) console.warn(`PostgreSQL not reachable at ${TEST_PG_URL}: skipping PostgreSQL store tests`);

/** Run SQL on the test server's database (outside any test schema). */
export async function pgAdmin<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: pgConnectionString(TEST_PG_URL) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A new, uniquely named schema on the test server, with the URL of a database whose
 * `search_path` is that schema; `drop` removes it and every schema whose name starts with it
 * (the job queue's `<schema>_jobs`).
 */
export async function freshSchema(): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  const schema = `vigil_test_${randomBytes(6).toString('hex')}`;
  await pgAdmin(`CREATE SCHEMA ${schema}`);
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    drop: async () => {
      const schemas = await pgAdmin<{ nspname: string }>(
        "SELECT nspname FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $1 || '\\_%'",
        [schema],
      );
      for (const s of schemas) await pgAdmin(`DROP SCHEMA ${s.nspname} CASCADE`);
    },
  };
}

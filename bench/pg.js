// A fresh schema on the benchmark PostgreSQL server (VIGIL_BENCH_PG, default the local one), or
// null when no server answers (the PostgreSQL figures are then left out).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pgConnectionString } from '../dist/store/postgres/postgres-url.js';

export const BENCH_PG_URL = process.env.VIGIL_BENCH_PG ?? 'postgres://127.0.0.1:5432/test';

export async function admin(sql, params = []) {
  const client = new pg.Client({
    connectionString: pgConnectionString(BENCH_PG_URL),
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function freshPgSchema(prefix) {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  try {
    await admin('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public').catch(() => {});
    await admin(`CREATE SCHEMA ${schema}`);
  } catch {
    return null;
  }
  const url = new URL(BENCH_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    drop: async () => {
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
    },
  };
}

import pg from 'pg';
import { AppError } from '../../errors.js';
import { pgConnectionString, pgTarget } from './postgres-url.js';

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * A pool for `db` whose connections time out instead of hanging, and whose first connection has
 * been made: an unreachable server or a refused login is a one-line AppError (`store_unreachable`,
 * `store_open_failed`), not a stack trace.
 */
export async function connectPool(db: string, max = 10): Promise<pg.Pool> {
  let connectionString: string;
  try {
    connectionString = pgConnectionString(db);
  } catch {
    throw new AppError('store_open_failed', 2, `not a valid PostgreSQL URL: ${pgTarget(db)}`);
  }
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // An idle connection the server closed (restart, timeout) is dropped by the pool and replaced on
  // the next query; without a listener the event would end the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    const e = err as Error & { code?: string };
    const reason = e.message || e.code || String(err);
    const unreachable =
      (e.code !== undefined && NETWORK_ERRORS.has(e.code)) || /timeout|terminated/i.test(e.message);
    throw new AppError(
      unreachable ? 'store_unreachable' : 'store_open_failed',
      2,
      unreachable
        ? `cannot reach PostgreSQL at ${pgTarget(db)}: ${reason}`
        : `PostgreSQL at ${pgTarget(db)} refused the connection: ${reason}`,
    );
  }
  return pool;
}

/** Run `fn` in a transaction on one connection of `pool`: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError; // the connection is unusable: the pool must not hand it out again
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

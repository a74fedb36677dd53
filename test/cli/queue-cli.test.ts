import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';

describe('vigil with a database the queue cannot use', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'vigil-queue-')), 'vigil.db');

  it('explain in one line that worker, jobs, ingest --queue, reprocess --queue and serve --queue need a PostgreSQL --db', () => {
    const needsPostgres = `vigil: the job queue needs a PostgreSQL database (--db postgres://… or VIGIL_DB); ${db} is a SQLite file\n`;
    for (const args of [
      ['worker'],
      ['jobs', '--json'],
      ['ingest', '--queue', 'examples/wikinews/wikinews.jsonl'],
      ['reprocess', '--queue'],
      ['serve', '--queue', '--no-demo', '--port', '0'],
    ]) {
      const r = vigil(['--db', db, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(needsPostgres);
    }
    const fromEnv = vigil(['serve', '--no-demo', '--port', '0'], undefined, {
      VIGIL_DB: db,
      VIGIL_QUEUE: '1',
    });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toBe(needsPostgres);
  });

  it('report a PostgreSQL server that cannot be reached in one line', () => {
    const r = vigil(['--db', 'postgres://127.0.0.1:1/vigil', 'stats']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vigil: cannot reach PostgreSQL at 127\.0\.0\.1:1\/vigil: .*ECONNREFUSED.*\n$/);
  });
});

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../src/cli/extract-pool.js';
import { poolExtractor } from '../../src/cli/make-extractor.js';
import type { Extractor } from '../../src/services/ingest.js';
import { addUser, login, startApi, type ApiFixture } from '../helpers/api.js';

/** The compiled extraction thread (worker threads run JavaScript): `npm test` builds dist/ first. */
const EXTRACT_WORKER = new URL('../../dist/cli/extract-worker.js', import.meta.url);
const CORPUS = new URL('../../examples/wikinews/wikinews.jsonl', import.meta.url);

describe('POST /api/ingest with extraction on worker threads', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('answers other requests while an upload is being extracted', async () => {
    const pool = new ExtractPool(1, EXTRACT_WORKER);
    closers.push(() => pool.close());
    const threads = poolExtractor(pool);
    // Extracting is true from the moment a batch is handed to the threads until its extractions
    // come back: a request answered meanwhile was answered while the upload was being extracted.
    let extracting = false;
    const extractor: Extractor = {
      extractMany: async (docs) => {
        extracting = true;
        try {
          return await threads.extractMany(docs);
        } finally {
          extracting = false;
        }
      },
    };
    const f: ApiFixture = await startApi([], { ingestion: { extractor } });
    closers.unshift(() => f.close());
    await addUser(f, 'ana', 'analyst', 4);
    const ana = await login(f, 'ana');

    const boundary = '----vigilthreads51c0';
    const corpus = readFileSync(CORPUS);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="wikinews.jsonl"\r\nContent-Type: application/x-ndjson\r\n\r\n`,
      ),
      corpus,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    let uploaded = false;
    const upload = f.app
      .inject({
        method: 'POST',
        url: '/api/ingest',
        headers: {
          cookie: ana.cookie,
          'x-csrf-token': ana.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      })
      .finally(() => (uploaded = true));
    let answeredWhileExtracting = 0;
    while (!uploaded) {
      const health = await f.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (extracting) answeredWhileExtracting++;
      await sleep(10); // an injected request never waits for I/O: leave the event loop its turn
    }
    const res = await upload;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ read: 289, stored: 289, skipped: 0 });
    expect(answeredWhileExtracting).toBeGreaterThan(0);
  }, 120_000);
});

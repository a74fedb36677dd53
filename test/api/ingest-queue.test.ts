import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineExtractor } from '../../src/services/ingest.js';
import type { JobQueue } from '../../src/services/jobs.js';
import { JOB_KINDS, runWorker } from '../../src/services/worker.js';
import { PgJobQueue } from '../../src/store/postgres/job-queue.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import {
  addUser,
  login,
  startApi,
  testResources,
  type ApiFixture,
  type TestSession,
} from '../helpers/api.js';
import { startLocalServer } from '../helpers/local-server.js';
import { freshSchema, pgReachable, TEST_PG_URL } from '../helpers/postgres.js';

/** A multipart/form-data body with a marking and one text file. */
function upload(name: string, content: string) {
  const boundary = '----vigilqueue3c9a';
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="marking"\r\n\r\nTLP:GREEN\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.skipIf(!pgReachable)(
  `POST /api/ingest on a server that queues (PostgreSQL at ${TEST_PG_URL})`,
  () => {
    let f: ApiFixture;
    let queue: JobQueue;
    let ana: TestSession;
    const as = (s: TestSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

    beforeAll(async () => {
      const database = await freshSchema();
      const store = await PostgresStore.open(database.url);
      queue = await PgJobQueue.open(store, JOB_KINDS, { maintain: false, onError: () => {} });
      await store.close();
      f = await startApi([], { database, ingestion: { queue } });
      await addUser(f, 'ana', 'analyst', 4);
      ana = await login(f, 'ana');
    });
    afterAll(async () => {
      await queue?.close();
      await f?.close();
    });

    it('answers 202 with what was queued; a worker then stores and resolves it', async () => {
      const text =
        'On Monday a suicide bomber killed 12 people at a police station in Kandahar, Afghanistan, officials said. The Taliban claimed responsibility.';
      const body = upload('kandahar.txt', text);
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: { ...as(ana), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toEqual({
        read: 1,
        queuedDocuments: 1,
        queuedJobs: 1,
        duplicates: 0,
        skipped: 0,
        problems: [],
      });
      expect((await f.services.store.stats()).documents).toBe(0);
      expect(await queue.counts(['ingest'])).toEqual([
        { kind: 'ingest', queued: 1, active: 0, failed: 0, done: 0 },
      ]);

      const resources = await testResources();
      const stopping = new AbortController();
      const worker = runWorker(
        queue,
        {
          store: f.services.store,
          extractor: inlineExtractor(resources),
          queue,
          resources: async () => resources,
          alertConfig: f.services.alertConfig,
        },
        { signal: stopping.signal, pollMs: 100 },
      );
      try {
        // The ingest job stores the document, then the resolve job it asked for resolves it.
        for (let i = 0; i < 300 && (await f.services.store.stats()).resolvedIncidents === 0; i++)
          await sleep(100);
      } finally {
        stopping.abort();
        await worker;
      }
      const stats = await f.services.store.stats();
      expect(stats).toMatchObject({ documents: 1, resolvedIncidents: 1 });
      const audit = await f.stores.accounts.listAudit({ action: 'ingest', limit: 1, offset: 0 });
      expect(audit.items[0]).toMatchObject({
        actor: 'ana',
        target: 'kandahar.txt',
        detail: { marking: 'TLP:GREEN', kind: 'file', queued: 1, skipped: 0 },
      });

      // The same file again: its content is stored, nothing is queued.
      const again = await f.app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: { ...as(ana), ...body.headers },
        payload: body.payload,
      });
      expect(again.statusCode).toBe(202);
      expect(again.json()).toMatchObject({ read: 1, queuedDocuments: 0, queuedJobs: 0, duplicates: 1 });
    }, 60_000);

    it('queues the new entries of a feed and counts them with the feed', async () => {
      const server = await startLocalServer((req, res) => {
        const base = `http://${req.headers.host}`;
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>${base}</link><description>x</description>` +
            `<item><title>Blast in Quetta</title><link>${base}/quetta</link><guid>${base}/quetta</guid><pubDate>Mon, 04 Mar 2019 10:00:00 GMT</pubDate>` +
            '<description>A bomb exploded at a market in Quetta, Pakistan, on Monday, killing 4 people, police said.</description></item></channel></rss>',
        );
      });
      try {
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/ingest',
          headers: as(ana),
          payload: { feed: `${server.base}/feed.xml` },
        });
        expect(res.statusCode, res.body).toBe(202);
        expect(res.json()).toMatchObject({ read: 1, queuedDocuments: 1, queuedJobs: 1 });
        expect(await f.services.store.listFeeds()).toEqual([
          expect.objectContaining({ url: `${server.base}/feed.xml`, documents: 1 }),
        ]);
      } finally {
        await server.close();
      }
    });
  },
);

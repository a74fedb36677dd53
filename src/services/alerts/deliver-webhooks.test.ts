import { afterEach, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../../test/helpers/local-server.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { Alert } from '../../store/store.js';
import { deliverAlerts, signatureOf } from './deliver-webhooks.js';

const alert: Alert = {
  rule: 'revenge',
  severity: 'high',
  subjectKey: 'revenge:inc-1',
  subjects: ['inc-1'],
  explanation: 'an attack framed as revenge',
  evidence: [],
  level: 0,
  createdAt: '2026-11-25T00:00:00Z',
};
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

describe('deliverAlerts', () => {
  it('POSTs a signed alert, retrying with backoff until the receiver accepts it', async () => {
    const received: { body: string; signature: string; timestamp: string }[] = [];
    let calls = 0;
    const server = await startLocalServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls++;
        if (calls < 3) {
          res.writeHead(503).end();
          return;
        }
        received.push({
          body,
          signature: String(req.headers['x-vigil-signature']),
          timestamp: String(req.headers['x-vigil-timestamp']),
        });
        res.writeHead(204).end();
      });
    });
    closers.push(server.close);
    const store = SqliteStore.open(':memory:');
    const [stored] = await store.addAlerts([alert]);
    const hook = {
      url: `${server.base}/hook`,
      secretEnv: 'HOOK_SECRET',
      minSeverity: 'medium' as const,
      allowPrivate: true,
    };
    const result = await deliverAlerts([stored!], [hook], store, {
      baseDelayMs: 5,
      env: { HOOK_SECRET: 's3cret' },
    });
    expect(result).toEqual({ delivered: 1, failed: 0, left: 0 });
    expect(calls).toBe(3);
    const got = received[0]!;
    expect(got.signature).toBe(signatureOf('s3cret', got.timestamp, got.body));
    expect(JSON.parse(got.body).alert).toMatchObject({
      id: stored!.id,
      rule: 'revenge',
      subjects: ['inc-1'],
    });
    const [listed] = await store.listAlerts({});
    expect(listed!.deliveries).toEqual([
      expect.objectContaining({ target: hook.url, status: 'delivered', attempts: 3 }),
    ]);
    // Delivering the alert as stored again sends nothing: its webhook has an outcome.
    expect(await deliverAlerts([listed!], [hook], store, { env: { HOOK_SECRET: 's3cret' } })).toEqual({
      delivered: 0,
      failed: 0,
      left: 0,
    });
    expect(calls).toBe(3);
    await store.close();
  });

  it('refuses internal addresses unless allowed, and records the failure', async () => {
    const store = SqliteStore.open(':memory:');
    const [stored] = await store.addAlerts([alert]);
    const hook = {
      url: 'http://127.0.0.1:9/hook',
      secretEnv: 'S',
      minSeverity: 'low' as const,
      allowPrivate: false,
    };
    const result = await deliverAlerts([stored!], [hook], store, {
      attempts: 2,
      baseDelayMs: 1,
      env: { S: 'x' },
    });
    expect(result).toEqual({ delivered: 0, failed: 1, left: 0 });
    const [listed] = await store.listAlerts({});
    expect(listed!.deliveries[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(listed!.deliveries[0]!.lastError).toMatch(/127\.0\.0\.1/);
    await store.close();
  });

  it('starts no delivery once its time is up, and counts those left', async () => {
    const store = SqliteStore.open(':memory:');
    const stored = await store.addAlerts([alert, { ...alert, subjectKey: 'revenge:inc-2' }]);
    const hook = {
      url: 'https://example.org/a',
      secretEnv: 'S',
      minSeverity: 'low' as const,
      allowPrivate: false,
    };
    expect(await deliverAlerts(stored, [hook], store, { env: {}, until: Date.now() - 1 })).toEqual({
      delivered: 0,
      failed: 0,
      left: 2,
    });
    expect((await store.listAlerts({})).flatMap((a) => a.deliveries)).toEqual([]);
    await store.close();
  });

  it('skips webhooks above the alert severity and reports a missing secret', async () => {
    const store = SqliteStore.open(':memory:');
    const [stored] = await store.addAlerts([{ ...alert, severity: 'low' }]);
    const quiet = {
      url: 'https://example.org/a',
      secretEnv: 'S',
      minSeverity: 'high' as const,
      allowPrivate: false,
    };
    expect(await deliverAlerts([stored!], [quiet], store, { env: {} })).toEqual({
      delivered: 0,
      failed: 0,
      left: 0,
    });
    const open = { ...quiet, minSeverity: 'low' as const };
    expect(await deliverAlerts([stored!], [open], store, { env: {} })).toEqual({
      delivered: 0,
      failed: 1,
      left: 0,
    });
    const [listed] = await store.listAlerts({});
    expect(listed!.deliveries[0]!.lastError).toBe(
      "the environment variable S (the webhook's secret) is not set",
    );
    await store.close();
  });
});

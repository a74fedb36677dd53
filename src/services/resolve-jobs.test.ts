import { afterEach, describe, expect, it } from 'vitest';
import { testResources } from '../../test/helpers/api.js';
import { jobContext } from '../../test/helpers/jobs.js';
import { startLocalServer } from '../../test/helpers/local-server.js';
import { sampleWrite } from '../../test/store/store-contract.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Alert } from '../store/store.js';
import type { AlertConfig } from './alerts/alert-config.js';
import { alertsJob, resolveJob } from './resolve-jobs.js';

/** A webhook receiver on 127.0.0.1 that records the ids of the alerts it is sent. */
async function receiver(): Promise<{ url: string; received: number[]; close: () => Promise<void> }> {
  const received: number[] = [];
  const server = await startLocalServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push((JSON.parse(body) as { alert: { id: number } }).alert.id);
      res.writeHead(204).end();
    });
  });
  return { url: `${server.base}/hook`, received, close: server.close };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

describe('resolve and alerts jobs', () => {
  it('a resolve job resolves the store, raises alerts and leaves their delivery to one alerts job', async () => {
    const store = SqliteStore.open(':memory:');
    closers.push(() => store.close());
    await store.putDocuments([sampleWrite('On Friday a bomb exploded in Kabul; the Taliban claimed it.')]);
    const hook = await receiver();
    closers.push(hook.close);
    const alertConfig: AlertConfig = {
      rules: [
        {
          id: 'claim-of-recent-attack',
          kind: 'statement-cites-recent-incident',
          statementTypes: ['claim-of-responsibility'],
          withinDays: 30,
          severity: 'high',
        },
      ],
      webhooks: [{ url: hook.url, secretEnv: 'HOOK_SECRET', minSeverity: 'low', allowPrivate: true }],
    };
    const context = jobContext(store, { resources: testResources, alertConfig });
    expect(await resolveJob.run({}, context)).toEqual({
      documents: 1,
      incidents: 1,
      statements: 1,
      links: 0,
      alerts: 1,
    });
    expect((await store.stats()).resolvedIncidents).toBe(1);
    expect(hook.received).toEqual([]);
    expect(context.queue.waitingKinds()).toEqual(['alerts']);
    // Run again (as after its worker died): no new alert, and still one alerts job waiting.
    expect(await resolveJob.run({}, context)).toMatchObject({ alerts: 0 });
    expect(context.queue.waitingKinds()).toEqual(['alerts']);
  }, 60_000);

  it('an alerts job delivers each recent alert once to each webhook, and not the alerts of days ago', async () => {
    const store = SqliteStore.open(':memory:');
    closers.push(() => store.close());
    const hook = await receiver();
    closers.push(hook.close);
    const alert = (key: string, createdAt: string): Alert => ({
      rule: 'revenge',
      severity: 'high',
      subjectKey: key,
      subjects: [key],
      explanation: 'an attack framed as revenge',
      evidence: [],
      level: 0,
      createdAt,
    });
    const [recent, old] = await store.addAlerts([
      alert('revenge:recent', new Date().toISOString()),
      alert('revenge:old', new Date(Date.now() - 3 * 86_400_000).toISOString()),
    ]);
    const context = jobContext(store, {
      alertConfig: {
        rules: [],
        webhooks: [{ url: hook.url, secretEnv: 'HOOK_SECRET', minSeverity: 'low', allowPrivate: true }],
      },
      delivery: { env: { HOOK_SECRET: 's3cret' }, baseDelayMs: 1 },
    });
    expect(await alertsJob.run({}, context)).toEqual({ delivered: 1, failed: 0, left: 0 });
    expect(await alertsJob.run({}, context)).toEqual({ delivered: 0, failed: 0, left: 0 });
    expect(hook.received).toEqual([recent!.id]);
    expect(old).toBeDefined();
    expect(context.queue.waiting).toEqual([]);
  });
});

import { deliverAlerts } from './alerts/deliver-webhooks.js';
import { sendJobs, type JobKind, type JobQueue } from './jobs.js';
import { resolveStore } from './resolve.js';

/**
 * Seconds a resolve job waits before it starts. Its queue coalesces (one job waiting, one
 * running), so every ingest job that ends within this time is covered by the same resolve run.
 */
export const RESOLVE_DELAY_SECONDS = 5;

/**
 * Seconds a resolve job may run before it is presumed lost. Resolution reads the whole store
 * (about 3 s for 10,000 documents); while a lost run has not expired, no other resolve job starts.
 */
const RESOLVE_EXPIRY_SECONDS = 600;

/** Alerts created within this time are delivered to the webhooks that have no outcome recorded for them. */
const DELIVERY_WINDOW_MS = 24 * 3600_000;

/**
 * Seconds an alerts job may run before it is presumed lost, and the time after which it starts
 * no new delivery (one delivery takes at most 5 attempts of 15 s and 15 s of backoff).
 */
const ALERTS_EXPIRY_SECONDS = 900;
const ALERTS_BUDGET_MS = (ALERTS_EXPIRY_SECONDS - 120) * 1000;

/** Data of a resolve job: none; a run resolves the whole store as it is when the run starts. */
export type ResolveJobData = Record<string, never>;

/**
 * Resolve the whole store again (incidents, statements, links) and raise alerts, as
 * `vigil resolve` does, under the store's resolve lock; webhook deliveries are left to an alerts
 * job, so that their retries hold neither the lock nor the resolution.
 */
export const resolveJob: JobKind<ResolveJobData> = {
  name: 'resolve',
  coalesce: true,
  expireInSeconds: () => RESOLVE_EXPIRY_SECONDS,
  async run(_data, { store, resources, alertConfig, queue }) {
    const s = await resolveStore(store, await resources(), alertConfig, {
      handOverDelivery: () => requestAlertDelivery(queue),
    });
    return {
      documents: s.documents,
      incidents: s.incidents,
      statements: s.statements,
      links: s.links,
      alerts: s.newAlerts.length,
    };
  },
};

/** Data of an alerts job: none; a run delivers every recent alert a webhook has not had. */
export type AlertsJobData = Record<string, never>;

/**
 * Deliver the alerts of the last 24 hours to each configured webhook that has no outcome
 * recorded for them (delivered or failed after its retries). A run that runs out of time queues
 * another for the rest.
 */
export const alertsJob: JobKind<AlertsJobData> = {
  name: 'alerts',
  coalesce: true,
  expireInSeconds: () => ALERTS_EXPIRY_SECONDS,
  async run(_data, { store, alertConfig, queue, delivery }) {
    const alerts = await store.listAlerts({
      createdSince: new Date(Date.now() - DELIVERY_WINDOW_MS).toISOString(),
      limit: 10_000,
    });
    const counts = await deliverAlerts(alerts, alertConfig.webhooks, store, {
      ...delivery,
      until: Date.now() + ALERTS_BUDGET_MS,
    });
    if (counts.left > 0) await requestAlertDelivery(queue);
    return { ...counts };
  },
};

/**
 * Ask for the store to be resolved again soon: a resolve job starting in
 * {@link RESOLVE_DELAY_SECONDS}, unless one is already waiting (which will see the new data).
 */
export async function requestResolve(queue: JobQueue): Promise<void> {
  await sendJobs(queue, resolveJob, [{}], RESOLVE_DELAY_SECONDS);
}

/** Ask for new alerts to be delivered to the webhooks: an alerts job, unless one is already waiting. */
export async function requestAlertDelivery(queue: JobQueue): Promise<void> {
  await sendJobs(queue, alertsJob, [{}]);
}

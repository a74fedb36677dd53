import { createHmac } from 'node:crypto';
import { safeFetch, type Resolver } from '../../ingest/safe-fetch.js';
import type { Store, StoredAlert } from '../../store/store.js';
import type { Webhook } from './alert-config.js';

const SEVERITY_RANK = { low: 0, medium: 1, high: 2 } as const;

/** Options of {@link deliverAlerts}; tests shorten the delays and map host names. */
export interface DeliveryOptions {
  /** Attempts per alert and webhook (default 5). */
  attempts?: number;
  /** Delay before the first retry, doubled after each failure (default 1000 ms). */
  baseDelayMs?: number;
  timeoutMs?: number;
  lookup?: Resolver;
  /** Environment holding the webhook secrets (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Start no delivery after this time (epoch ms); the deliveries not started are counted as `left`. */
  until?: number;
}

/** What a round of deliveries did. */
export interface DeliveryCounts {
  delivered: number;
  failed: number;
  /** Deliveries not attempted because the round ran out of time (`until`). */
  left: number;
}

/** `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>` (what a receiver recomputes to check an alert). */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POST each alert to every webhook whose minimum severity it reaches, signed, retrying failures
 * with exponential backoff; every outcome (delivered or failed, attempts, last error) is recorded
 * in the store, and a webhook that has an outcome recorded for an alert is not sent it again (so
 * delivering the same alerts twice sends nothing twice). Addresses are checked as for ingestion
 * (no internal addresses unless allowed).
 */
export async function deliverAlerts(
  alerts: StoredAlert[],
  webhooks: Webhook[],
  store: Store,
  options: DeliveryOptions = {},
): Promise<DeliveryCounts> {
  const attempts = options.attempts ?? 5;
  const baseDelay = options.baseDelayMs ?? 1000;
  const env = options.env ?? process.env;
  const counts: DeliveryCounts = { delivered: 0, failed: 0, left: 0 };
  for (const alert of alerts)
    for (const hook of webhooks) {
      if (SEVERITY_RANK[alert.severity] < SEVERITY_RANK[hook.minSeverity]) continue;
      if (alert.deliveries.some((d) => d.target === hook.url)) continue;
      if (options.until !== undefined && Date.now() >= options.until) {
        counts.left++;
        continue;
      }
      const secret = env[hook.secretEnv];
      const body = JSON.stringify({ alert: { ...alert, deliveries: undefined } });
      let lastError: string | undefined;
      let n = 0;
      if (!secret) lastError = `the environment variable ${hook.secretEnv} (the webhook's secret) is not set`;
      else
        for (n = 1; n <= attempts; n++) {
          const timestamp = String(Math.floor(Date.now() / 1000));
          try {
            await safeFetch(hook.url, {
              method: 'POST',
              body,
              maxRedirects: 0,
              allowPrivate: hook.allowPrivate,
              ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
              ...(options.lookup ? { lookup: options.lookup } : {}),
              headers: {
                'content-type': 'application/json',
                'x-vigil-timestamp': timestamp,
                'x-vigil-signature': signatureOf(secret, timestamp, body),
              },
            });
            lastError = undefined;
            break;
          } catch (err) {
            lastError = (err as Error).message;
            if (n < attempts) await new Promise((r) => setTimeout(r, baseDelay * 2 ** (n - 1)));
          }
        }
      const ok = lastError === undefined;
      if (ok) counts.delivered++;
      else counts.failed++;
      await store.recordAlertDelivery(alert.id, {
        target: hook.url,
        status: ok ? 'delivered' : 'failed',
        attempts: Math.min(n, attempts),
        ...(lastError === undefined ? {} : { lastError }),
        updatedAt: new Date().toISOString(),
      });
    }
  return counts;
}

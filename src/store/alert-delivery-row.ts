import type { AlertDelivery } from './store.js';

/** A webhook delivery as both stores keep it (`alert_deliveries`). */
export interface DeliveryRow {
  target: string;
  status: AlertDelivery['status'];
  attempts: number;
  last_error: string | null;
  updated_at: string;
}

/** A stored delivery row as the Store interface returns it. */
export function toDelivery(r: DeliveryRow): AlertDelivery {
  const d: AlertDelivery = {
    target: r.target,
    status: r.status,
    attempts: r.attempts,
    updatedAt: r.updated_at,
  };
  if (r.last_error !== null) d.lastError = r.last_error;
  return d;
}

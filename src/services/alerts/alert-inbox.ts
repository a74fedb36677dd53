import { AppError } from '../../errors.js';
import type { StoredAlert } from '../../store/store.js';
import { auditAs } from '../audit.js';
import type { Principal, ServiceContext } from '../context.js';
import type { Page, Paging } from '../page.js';

/** Alerts the reader may see, newest first, optionally only those not yet acknowledged. */
export async function listAlertsPage(
  ctx: ServiceContext,
  who: Principal,
  filters: { unacknowledged?: boolean },
  paging: Paging,
): Promise<Page<StoredAlert>> {
  const query = { clearance: who.clearance, unacknowledged: filters.unacknowledged ?? false };
  const [upTo, total] = await Promise.all([
    ctx.store.listAlerts({ ...query, limit: paging.offset + paging.limit }),
    ctx.listing.countAlerts(query),
  ]);
  return { items: upTo.slice(paging.offset), total, ...paging };
}

/** Acknowledge an alert the analyst may see; any other is `alert_not_found`. */
export async function acknowledgeAlert(ctx: ServiceContext, who: Principal, id: number): Promise<void> {
  const level = await ctx.listing.alertLevel(id);
  if (level === undefined || level > who.clearance)
    throw new AppError('alert_not_found', 404, `no alert ${id}`);
  await ctx.store.acknowledgeAlert(id, who.username, ctx.now().toISOString());
  await auditAs(ctx, who, 'alert.ack', String(id));
}

import type { AuditEntry, AuditOutcome, AuditQuery } from '../store/accounts.js';
import type { Principal, ServiceContext } from './context.js';

/** What to write to the audit log; the time is added. */
export interface AuditEvent {
  action: string;
  outcome: AuditOutcome;
  actor?: string;
  target?: string;
  ip?: string;
  detail?: Record<string, unknown>;
}

/** Append an event to the audit log (DESIGN.md "Security model"), stamped with the current time. */
export async function audit(ctx: Pick<ServiceContext, 'accounts' | 'now'>, event: AuditEvent): Promise<void> {
  await ctx.accounts.appendAudit({ ...event, at: ctx.now().toISOString() });
}

/** Append what `who` did to the audit log: `outcome` defaults to `ok`. */
export async function auditAs(
  ctx: Pick<ServiceContext, 'accounts' | 'now'>,
  who: Principal,
  action: string,
  target?: string,
  detail?: Record<string, unknown>,
  outcome: AuditOutcome = 'ok',
): Promise<void> {
  await audit(ctx, {
    action,
    outcome,
    actor: who.username,
    ...(who.ip ? { ip: who.ip } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(detail ? { detail } : {}),
  });
}

/** A page of the audit log, newest first. */
export async function listAudit(
  ctx: Pick<ServiceContext, 'accounts'>,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  return ctx.accounts.listAudit(query);
}

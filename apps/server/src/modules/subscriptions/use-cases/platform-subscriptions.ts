import type { CalendarDate, Subscription } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { platformSubscriptionRows } from '../subscriptions.repository.ts';
import { type BillingDeps, billSubscriptionGroup } from './bill-subscription-group.ts';
import { presentSubscriptions, statusOf } from './subscription-parts.ts';

/** The subscriptions that bill one tenant of this platform (the operator's billing), oldest first. */
export async function subscriptionsOfPlatformTenant(
  ctx: TenantContext,
  platformTenantId: string,
  today: CalendarDate,
): Promise<Subscription[]> {
  const rows = await platformSubscriptionRows(ctx.tx, ctx.tenantId, platformTenantId);
  return presentSubscriptions(ctx, rows, today);
}

/** The one still running (not ended before `today`), if any. */
export async function runningSubscriptionOfPlatformTenant(
  ctx: TenantContext,
  platformTenantId: string,
  today: CalendarDate,
): Promise<Subscription | null> {
  const rows = await platformSubscriptionRows(ctx.tx, ctx.tenantId, platformTenantId);
  const running = rows.filter((row) => statusOf(row, today) !== 'ended');
  return running.length ? (await presentSubscriptions(ctx, running.slice(-1), today))[0]! : null;
}

/**
 * Bills these subscriptions now, in the caller's transaction, exactly as the billing run would
 * (the same cursor, so the run finds nothing left): the operator's first invoice of a new tenant,
 * or the difference of a changed order, goes out at once instead of with the next daily run.
 */
export async function billSubscriptionsNow(
  ctx: TenantContext,
  ids: string[],
  today: CalendarDate,
  deps: BillingDeps,
): Promise<{ invoice_id: string | null; kind: 'invoice' | 'credit_note' }[]> {
  const made = await billSubscriptionGroup(ctx, ids, today, deps, { dryRun: false });
  return made.map((invoice) => ({ invoice_id: invoice.invoice_id, kind: invoice.kind }));
}

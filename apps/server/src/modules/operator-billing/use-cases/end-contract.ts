import type { CalendarDate } from '@clientbox/contracts';
import type {
  DeactivationScheduledEvent,
  TenantCancelledEvent,
} from '../../../kernel/orders/platform-billing-events.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import {
  billSubscriptionsNow,
  cancelSubscription,
  runningSubscriptionOfPlatformTenant,
} from '../../subscriptions/index.ts';
import type { BillingDeps } from './billing-deps.ts';

/**
 * Art. 8: the tenant cancelled; its subscription ends the day the account is deactivated. What
 * was invoiced already — also for a period after that day — stays due: nothing is credited.
 */
export async function endContractByCancellation(ctx: TenantContext, event: TenantCancelledEvent, today: CalendarDate) {
  const running = await runningSubscriptionOfPlatformTenant(ctx, event.customer.tenant_id, today);
  if (!running || running.end_date !== null) return;
  const endDate = event.effective_on < running.start_date ? running.start_date : event.effective_on;
  await cancelSubscription(
    ctx,
    running.id,
    { mode: 'on_date', end_date: endDate, requested_on: event.requested_on, credit_unused: false, reason: 'art. 8' },
    today,
  );
}

/**
 * Art. 15: the operator deactivates; the subscription ends that day and the prepaid rest of the
 * period is credited pro rata at once (a credit note for the days after it). Once the invoice was
 * paid, the credit note's refund goes into the next credit-transfer batch (pain.001).
 */
export async function endContractByDeactivation(
  ctx: TenantContext,
  event: DeactivationScheduledEvent,
  today: CalendarDate,
  deps: BillingDeps,
) {
  const running = await runningSubscriptionOfPlatformTenant(ctx, event.customer.tenant_id, today);
  if (!running || running.end_date !== null) return;
  const endDate = event.effective_on < running.start_date ? running.start_date : event.effective_on;
  await cancelSubscription(
    ctx,
    running.id,
    {
      mode: 'on_date',
      end_date: endDate,
      requested_on: today,
      credit_unused: true,
      reason: `art. 15: ${event.reason}`,
    },
    today,
  );
  await billSubscriptionsNow(ctx, [running.id], today, deps);
}

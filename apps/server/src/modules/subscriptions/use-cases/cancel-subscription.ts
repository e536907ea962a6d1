import {
  addDays,
  addMonths,
  type CalendarDate,
  type CancelSubscription,
  type Subscription,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { reconcileBilledPeriods } from '../domain/adjustments.ts';
import { gridPeriodContaining, nextInvoiceDate } from '../domain/billing-periods.ts';
import { noticePeriodNotMet, subscriptionEnded, subscriptionNotFound } from '../subscriptions.errors.ts';
import { findSubscription, type SubscriptionRow, updateSubscriptionRow } from '../subscriptions.repository.ts';
import { loadBilledState, saveAdjustments } from './billed-state.ts';
import { presentSubscription, scheduleOf } from './subscription-parts.ts';

/** The last day the notice period allows: notice given on `requestedOn` plus the notice months. */
export function earliestEndDate(row: Pick<SubscriptionRow, 'noticePeriodMonths'>, requestedOn: CalendarDate) {
  return row.noticePeriodMonths === 0 ? requestedOn : addDays(addMonths(requestedOn, row.noticePeriodMonths), -1);
}

/**
 * Ends a subscription. At the end of a period: the period in which the notice runs out, or the
 * last period already invoiced if that is later — an invoice already issued for a next period
 * stays due (terms art. 8), and the customer keeps what it pays for. On a date: the subscription
 * ends that day; periods invoiced beyond it stay due, unless `credit_unused` (the operator ending
 * a tenant's contract, art. 15), when the unused days are credited by the next run.
 */
export async function cancelSubscription(
  ctx: TenantContext,
  id: string,
  input: CancelSubscription,
  today: CalendarDate,
): Promise<Subscription> {
  const row = await findSubscription(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw subscriptionNotFound();
  if (row.endDate !== null && row.endDate < today) throw subscriptionEnded();
  const requestedOn = input.requested_on ?? today;
  const earliest = earliestEndDate(row, requestedOn);
  const state = await loadBilledState(ctx, row);
  const billedThrough = state.billed.at(-1)?.end ?? null;
  let endDate: CalendarDate;
  if (input.mode === 'on_date') {
    endDate = input.end_date!;
    if (endDate < earliest) throw noticePeriodNotMet(earliest);
  } else {
    const from = earliest > row.startDate ? earliest : row.startDate;
    endDate = gridPeriodContaining(scheduleOf(row), from).end;
    if (billedThrough && billedThrough > endDate) endDate = billedThrough;
  }
  if (endDate < row.startDate) endDate = row.startDate;
  const schedule = { ...scheduleOf(row), endDate };
  if (input.credit_unused) {
    const result = reconcileBilledPeriods(schedule, state.billed, state.versions, state.prices, addDays(endDate, 1));
    await saveAdjustments(ctx, row, state.versions, result);
  }
  const updated = await updateSubscriptionRow(ctx.tx, ctx.tenantId, row.id, {
    endDate,
    cancelledAt: new Date(),
    cancelReason: input.reason ?? null,
    nextInvoiceOn: nextInvoiceDate(schedule, row.nextPeriodStart),
  });
  await recordAuditEvent(ctx, {
    action: 'subscription.cancelled',
    targetType: 'subscription',
    targetId: row.id,
    details: {
      end_date: endDate,
      requested_on: requestedOn,
      credit_unused: input.credit_unused,
      reason: input.reason ?? null,
    },
  });
  return presentSubscription(ctx, updated!, today);
}

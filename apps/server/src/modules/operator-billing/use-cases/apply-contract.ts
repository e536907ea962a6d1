import {
  addDays,
  type CalendarDate,
  changeSubscription as changeSubscriptionSchema,
  createSubscription as createSubscriptionSchema,
} from '@clientbox/contracts';
import type { ContractAcceptedEvent } from '../../../kernel/orders/platform-billing-events.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import {
  billSubscriptionsNow,
  cancelSubscription,
  changeSubscription,
  createSubscription,
  runningSubscriptionOfPlatformTenant,
} from '../../subscriptions/index.ts';
import type { BillingDeps } from './billing-deps.ts';
import { PERIOD_MONTHS, subscriptionLinesOf } from './contract-lines.ts';
import { ensurePlatformCustomer, PLATFORM_PAYMENT_TERM_DAYS } from './platform-customer.ts';

/**
 * An accepted order becomes the tenant's subscription in the operator's tenant (art. 11, 12):
 * the first order a new subscription from today, invoiced at once per the chosen period, in
 * advance, 14 days to pay; a changed order (modules, users) a change of lines from today, its
 * difference for the prepaid rest charged or credited by day at once; a new period (month →
 * year) ends the running subscription after what it has invoiced and starts one the day after.
 * Delivered again (at least once), an order already applied changes nothing.
 */
export async function applyContract(
  ctx: TenantContext,
  event: ContractAcceptedEvent,
  today: CalendarDate,
  deps: BillingDeps,
): Promise<void> {
  const customerId = await ensurePlatformCustomer(ctx, event.customer);
  const lines = subscriptionLinesOf(event.order.lines, event.order.period);
  const interval = PERIOD_MONTHS[event.order.period];
  const running = await runningSubscriptionOfPlatformTenant(ctx, event.customer.tenant_id, today);
  let subscriptionId: string;
  let startDate = today;
  if (running && running.interval_months === interval && running.end_date === null) {
    const same =
      running.lines.length === lines.length &&
      lines.every((line) =>
        running.lines.some(
          (known) =>
            known.description === line.description &&
            Number(known.quantity) === Number(line.quantity) &&
            Number(known.unit_price) === Number(line.unit_price),
        ),
      );
    if (same) return;
    const effective = today < running.start_date ? running.start_date : today;
    // Through the contract's schema, like a request: amounts normalised exactly as the API does.
    const change = changeSubscriptionSchema.parse({
      effective_date: effective,
      lines: lines.map((line) => {
        const known = running.lines.find((candidate) => candidate.description === line.description);
        return { ...line, ...(known ? { line_key: known.line_key } : {}) };
      }),
    });
    await changeSubscription(ctx, running.id, change, today);
    subscriptionId = running.id;
  } else {
    if (running) {
      const lastPaidDay = running.billed_through ?? running.start_date;
      await cancelSubscription(
        ctx,
        running.id,
        { mode: 'on_date', end_date: lastPaidDay, requested_on: lastPaidDay, credit_unused: false },
        today,
      );
      startDate = addDays(lastPaidDay, 1) > today ? addDays(lastPaidDay, 1) : today;
    }
    const created = await createSubscription(
      ctx,
      createSubscriptionSchema.parse({
        customer_id: customerId,
        name: `Clientbox ${event.customer.name}`,
        lines,
        interval_months: interval,
        billing: 'advance',
        alignment: 'start_date',
        invoice_date_rule: 'first_day',
        invoice_days_before: 0,
        start_date: startDate,
        end_date: null,
        notice_period_months: 0,
        payment_method: 'transfer',
        mandate_id: null,
        payment_term_days: PLATFORM_PAYMENT_TERM_DAYS,
        group_invoices: false,
        buyer_reference: null,
        invoice_note: null,
      }),
      today,
      { platformTenantId: event.customer.tenant_id },
    );
    subscriptionId = created.id;
  }
  await billSubscriptionsNow(ctx, [subscriptionId], today, deps);
}

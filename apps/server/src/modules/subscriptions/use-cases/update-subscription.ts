import type { CalendarDate, Subscription, UpdateSubscription } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { nextInvoiceDate } from '../domain/billing-periods.ts';
import { subscriptionNotFound } from '../subscriptions.errors.ts';
import { findSubscription, updateSubscriptionRow } from '../subscriptions.repository.ts';
import { checkedMandateId, invoiceDateRuleFor } from './subscription-checks.ts';
import { customerIdOf, presentSubscription, scheduleOf } from './subscription-parts.ts';

/**
 * Changes what does not touch the price: the name, how the subscription is paid and when its
 * invoices are made. With `If-Match` a stale version is 412. The next invoice day follows a new rule.
 */
export async function updateSubscription(
  ctx: TenantContext,
  id: string,
  input: UpdateSubscription,
  today: CalendarDate,
  expectedVersion?: number,
): Promise<Subscription> {
  const row = await findSubscription(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw subscriptionNotFound();
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('version_conflict');
  const invoiceDateRule = invoiceDateRuleFor(row.billing, input.invoice_date_rule ?? row.invoiceDateRule);
  const paymentMethod = input.payment_method ?? row.paymentMethod;
  const mandateId =
    input.payment_method !== undefined || input.mandate_id !== undefined
      ? await checkedMandateId(ctx, customerIdOf(row) ?? '', paymentMethod, input.mandate_id ?? row.mandateId)
      : row.mandateId;
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    invoiceDateRule,
    ...(input.invoice_days_before !== undefined ? { invoiceDaysBefore: input.invoice_days_before } : {}),
    ...(input.notice_period_months !== undefined ? { noticePeriodMonths: input.notice_period_months } : {}),
    paymentMethod,
    mandateId,
    ...(input.payment_term_days !== undefined ? { paymentTermDays: input.payment_term_days } : {}),
    ...(input.group_invoices !== undefined ? { groupInvoices: input.group_invoices } : {}),
    ...(input.buyer_reference !== undefined ? { buyerReference: input.buyer_reference } : {}),
    ...(input.invoice_note !== undefined ? { invoiceNote: input.invoice_note } : {}),
  };
  const schedule = { ...scheduleOf(row), ...changes };
  const updated = await updateSubscriptionRow(ctx.tx, ctx.tenantId, id, {
    ...changes,
    nextInvoiceOn: nextInvoiceDate(schedule, row.nextPeriodStart),
  });
  await recordAuditEvent(ctx, {
    action: 'subscription.updated',
    targetType: 'subscription',
    targetId: id,
    details: { fields: Object.keys(input) },
  });
  return presentSubscription(ctx, updated!, today);
}

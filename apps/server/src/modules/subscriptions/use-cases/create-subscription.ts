import { type CalendarDate, type CreateSubscription, type Subscription } from '@clientbox/contracts';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { resolveDocumentLines } from '../../invoices/index.ts';
import { nextInvoiceDate } from '../domain/billing-periods.ts';
import { customerNotFound } from '../subscriptions.errors.ts';
import { insertLineVersions, insertSubscription } from '../subscriptions.repository.ts';
import { checkedMandateId, invoiceDateRuleFor } from './subscription-checks.ts';
import { fieldsOfResolved, lineRowOf, presentSubscription } from './subscription-parts.ts';

/** Extra facts the operator's own billing sets on the subscriptions it makes for its tenants. */
export interface SubscriptionOrigin {
  platformTenantId?: string;
}

/**
 * A new subscription. Its lines are looked up like an invoice's (a product fills in what is not
 * sent, with the VAT rate in force on the start date) and then kept as they are: a product
 * changed later does not change what the customer agreed to.
 */
export async function createSubscription(
  ctx: TenantContext,
  input: CreateSubscription,
  today: CalendarDate,
  origin: SubscriptionOrigin = {},
): Promise<Subscription> {
  const customer = await getCustomerForDocument(ctx, input.customer_id);
  if (!customer) throw customerNotFound();
  const invoiceDateRule = invoiceDateRuleFor(input.billing, input.invoice_date_rule);
  const mandateId = await checkedMandateId(ctx, customer.id, input.payment_method, input.mandate_id);
  const lines = await resolveDocumentLines(ctx, input.lines, input.start_date);
  const schedule = {
    intervalMonths: input.interval_months,
    billing: input.billing,
    alignment: input.alignment,
    invoiceDateRule,
    invoiceDaysBefore: input.invoice_days_before,
    startDate: input.start_date,
    endDate: input.end_date,
  };
  const row = await insertSubscription(ctx.tx, {
    tenantId: ctx.tenantId,
    ...(customer.kind === 'organization' ? { organizationId: customer.id } : { personId: customer.id }),
    customerName: customer.name,
    name: input.name,
    ...schedule,
    noticePeriodMonths: input.notice_period_months,
    paymentMethod: input.payment_method,
    mandateId,
    paymentTermDays: input.payment_term_days,
    groupInvoices: input.group_invoices,
    buyerReference: input.buyer_reference ?? null,
    invoiceNote: input.invoice_note ?? null,
    nextPeriodStart: input.start_date,
    nextInvoiceOn: nextInvoiceDate(schedule, input.start_date),
    platformTenantId: origin.platformTenantId ?? null,
  });
  await insertLineVersions(
    ctx.tx,
    lines.map((line, position) =>
      lineRowOf(ctx.tenantId, row.id, {
        lineKey: randomUUID(),
        position,
        validFrom: input.start_date,
        validUntil: null,
        fields: fieldsOfResolved(line),
      }),
    ),
  );
  await recordAuditEvent(ctx, {
    action: 'subscription.created',
    targetType: 'subscription',
    targetId: row.id,
    details: { customer_id: customer.id, interval_months: row.intervalMonths, start_date: row.startDate },
  });
  return presentSubscription(ctx, row, today);
}

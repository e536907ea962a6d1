import { formatAmount, type InvoicePayment, parseAmount, type RecordPayment } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { writeOutboxEvent } from '../../../kernel/jobs/outbox.ts';
import { PAYMENT_RECORDED, type PaymentRecordedEvent } from '../invoice-events.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toInvoicePaymentDto } from '../invoice-payments.dto.ts';
import { insertPayment } from '../invoice-payments.repository.ts';
import { invoiceNotFound, invoiceNotIssued, paymentExceedsAmountDue } from '../invoices.errors.ts';
import { amountPaid, findInvoice, type InvoiceRow, updateInvoiceRow } from '../invoices.repository.ts';
import { settledByCredit } from './present-invoice.ts';

/**
 * The issued invoice whose payments are about to change, locked until the transaction ends: the
 * payments of one invoice change one at a time, so two payments arriving together cannot both
 * pass the amount-due check against the same sum.
 */
async function issuedInvoiceForPayment(ctx: TenantContext, invoiceId: string): Promise<InvoiceRow> {
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, invoiceId, true);
  if (!invoice) throw invoiceNotFound();
  if (invoice.status !== 'issued') throw invoiceNotIssued();
  return invoice;
}

/**
 * Registers money received on an issued invoice, up to what is still due after payments and credit
 * notes. A payment goes to the
 * principal: interest and collection costs (art. 6:44 BW) join once reminders keep them.
 */
export async function recordPayment(
  ctx: TenantContext,
  invoiceId: string,
  input: RecordPayment,
): Promise<InvoicePayment> {
  const invoice = await issuedInvoiceForPayment(ctx, invoiceId);
  const paid = (await amountPaid(ctx.tx, ctx.tenantId, [invoiceId])).get(invoiceId) ?? 0n;
  // What the invoice shows as due: issued credit notes lower it (on a credit note, only the refund is due).
  const amountDue = invoice.totalInclVat - paid - (await settledByCredit(ctx, invoice));
  const amount = parseAmount(input.amount);
  if (amount > amountDue) throw paymentExceedsAmountDue(formatAmount(amountDue));

  const payment = await insertPayment(ctx.tx, {
    tenantId: ctx.tenantId,
    invoiceId,
    paidOn: input.paid_on,
    amount,
    method: input.method,
    note: input.note ?? null,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  // The invoice as shown changed (amount paid, status): a new version, so its ETag changes too.
  await updateInvoiceRow(ctx.tx, ctx.tenantId, invoiceId, {});
  const event: PaymentRecordedEvent = {
    invoice_id: invoiceId,
    customer_id: invoice.organizationId ?? invoice.personId,
    amount_due: formatAmount(amountDue - amount),
  };
  await writeOutboxEvent(ctx.tx, ctx.tenantId, PAYMENT_RECORDED, event);
  await recordAuditEvent(ctx, {
    action: 'invoice.payment_recorded',
    targetType: 'invoice',
    targetId: invoiceId,
    details: {
      number: invoice.number,
      payment_id: payment.id,
      paid_on: payment.paidOn,
      amount: input.amount,
      method: payment.method,
      amount_due: formatAmount(amountDue - amount),
    },
  });
  return toInvoicePaymentDto(payment);
}

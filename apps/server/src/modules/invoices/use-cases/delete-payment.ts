import { formatAmount } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { deletePaymentRow } from '../invoice-payments.repository.ts';
import { invoiceNotFound, invoicePaymentNotFound } from '../invoices.errors.ts';
import { findInvoice, updateInvoiceRow } from '../invoices.repository.ts';

/**
 * Removes a payment registered by mistake; the invoice is due again by that amount. The audit
 * log keeps what was removed, by whom.
 */
export async function deletePayment(ctx: TenantContext, invoiceId: string, paymentId: string): Promise<void> {
  // Locked like recordPayment: the payments of one invoice change one at a time.
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, invoiceId, true);
  if (!invoice) throw invoiceNotFound();
  const payment = await deletePaymentRow(ctx.tx, ctx.tenantId, invoiceId, paymentId);
  if (!payment) throw invoicePaymentNotFound();
  await updateInvoiceRow(ctx.tx, ctx.tenantId, invoiceId, {});
  await recordAuditEvent(ctx, {
    action: 'invoice.payment_deleted',
    targetType: 'invoice',
    targetId: invoiceId,
    details: {
      number: invoice.number,
      payment_id: payment.id,
      paid_on: payment.paidOn,
      amount: formatAmount(payment.amount),
      method: payment.method,
      note: payment.note,
    },
  });
}

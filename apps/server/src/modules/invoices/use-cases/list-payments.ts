import type { InvoicePayment } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toInvoicePaymentDto } from '../invoice-payments.dto.ts';
import { listPaymentRows } from '../invoice-payments.repository.ts';
import { invoiceNotFound } from '../invoices.errors.ts';
import { findInvoice } from '../invoices.repository.ts';

/** All payments of one invoice, oldest first (a handful at most, so not paged). */
export async function listPayments(
  ctx: TenantContext,
  invoiceId: string,
): Promise<{ object: 'list'; data: InvoicePayment[]; has_more: false }> {
  if (!(await findInvoice(ctx.tx, ctx.tenantId, invoiceId))) throw invoiceNotFound();
  const rows = await listPaymentRows(ctx.tx, ctx.tenantId, invoiceId);
  return { object: 'list', data: rows.map(toInvoicePaymentDto), has_more: false };
}

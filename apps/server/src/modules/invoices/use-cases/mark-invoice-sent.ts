import type { InvoiceDelivery, MarkInvoiceSent } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { invoiceNotFound, invoiceNotIssued } from '../invoices.errors.ts';
import { findInvoice } from '../invoices.repository.ts';
import { recordDelivery } from './record-delivery.ts';

/** Sent without the app's e-mail (by post, handed over): an entry in the sent log, `sent_at` if still empty. */
export async function markInvoiceSent(
  ctx: TenantContext,
  id: string,
  input: MarkInvoiceSent,
): Promise<InvoiceDelivery> {
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, id, true);
  if (!invoice) throw invoiceNotFound();
  if (invoice.status !== 'issued') throw invoiceNotIssued();
  return recordDelivery(ctx, invoice, {
    channel: input.method,
    to: null,
    cc: [],
    messageId: null,
    note: input.note ?? null,
    sentAt: new Date(),
  });
}

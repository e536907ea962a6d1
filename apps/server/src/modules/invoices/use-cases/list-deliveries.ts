import type { InvoiceDelivery } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toInvoiceDelivery } from '../invoice-deliveries.dto.ts';
import { findDeliveryEvents } from '../invoice-deliveries.repository.ts';
import { invoiceNotFound } from '../invoices.errors.ts';
import { findInvoice } from '../invoices.repository.ts';

/** An invoice is sent a few times at most; this many is a whole history. */
const MAX_DELIVERIES = 200;

/** The sent log of an invoice, newest first; empty for a draft (nothing can be sent before finalizing). */
export async function listDeliveries(
  ctx: TenantContext,
  id: string,
): Promise<{ object: 'list'; data: InvoiceDelivery[]; has_more: boolean }> {
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, id);
  if (!invoice) throw invoiceNotFound();
  if (invoice.status !== 'issued' || !invoice.finalizedAt) return { object: 'list', data: [], has_more: false };
  const events = await findDeliveryEvents(
    ctx.tx,
    ctx.tenantId,
    { id, finalizedAt: invoice.finalizedAt },
    MAX_DELIVERIES + 1,
  );
  return {
    object: 'list',
    data: events.slice(0, MAX_DELIVERIES).map(toInvoiceDelivery),
    has_more: events.length > MAX_DELIVERIES,
  };
}

import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findPayableInvoices, type PayableInvoice } from '../../../invoices/index.ts';
import { costInvoiceIdsOf, principalOfChargesInvoice } from '../reminders.repository.ts';

/**
 * The invoiced late-payment charges of an invoice (interest and costs, issued with its letters)
 * that are still open: a payment for the invoice pays these first (art. 6:44 BW, §4.5).
 */
export async function openChargesOf(ctx: TenantContext, invoiceId: string): Promise<PayableInvoice[]> {
  const open: PayableInvoice[] = [];
  for (const id of await costInvoiceIdsOf(ctx.tx, ctx.tenantId, invoiceId)) {
    const [costInvoice] = await findPayableInvoices(ctx, { id });
    if (costInvoice && costInvoice.amountDue > 0n) open.push(costInvoice);
  }
  return open;
}

/**
 * A transfer for a charges invoice that is paid already (an earlier payment paid the charges
 * first, art. 6:44 BW) was meant for the same claim: its principal invoice, while that is open.
 */
export async function openPrincipalOfCharges(
  ctx: TenantContext,
  costInvoiceId: string,
): Promise<PayableInvoice | null> {
  const principalId = await principalOfChargesInvoice(ctx.tx, ctx.tenantId, costInvoiceId);
  if (!principalId) return null;
  const [principal] = await findPayableInvoices(ctx, { id: principalId });
  return principal && principal.amountDue > 0n ? principal : null;
}

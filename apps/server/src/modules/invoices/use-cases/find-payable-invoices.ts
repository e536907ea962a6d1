import { normalizeIdentifier } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { findPayableInvoiceRows, type PayableInvoiceRow } from '../invoice-matching.repository.ts';

export type PayableInvoice = PayableInvoiceRow;

/**
 * Issued invoices a received payment may be for (a bank import, domain rules §5.5), with what is
 * still due: by id, by invoice number (separators ignored), by RF payment reference, or all of
 * some customers, or those whose number or RF reference occurs in a text (a candidate list: the
 * caller checks word boundaries). Several criteria narrow down together.
 */
export async function findPayableInvoices(
  ctx: TenantContext,
  by: { id?: string; number?: string; paymentReference?: string; customerIds?: string[]; mentionedIn?: string },
): Promise<PayableInvoice[]> {
  const compactNumber = by.number?.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (by.number !== undefined && !compactNumber) return [];
  if (by.customerIds && by.customerIds.length === 0) return [];
  const mentionedIn = by.mentionedIn?.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (by.mentionedIn !== undefined && !mentionedIn) return [];
  return findPayableInvoiceRows(ctx.tx, ctx.tenantId, {
    id: by.id,
    compactNumber,
    paymentReference: by.paymentReference ? normalizeIdentifier(by.paymentReference) : undefined,
    customerIds: by.customerIds,
    mentionedIn,
  });
}

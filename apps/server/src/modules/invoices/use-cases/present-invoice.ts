import type { Invoice } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getDefaultPaymentTermDays } from '../../company/index.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { toInvoiceDto } from '../invoices.dto.ts';
import { invoiceNotFound } from '../invoices.errors.ts';
import {
  amountCredited,
  amountPaid,
  findInvoice,
  type InvoiceRow,
  loadLines,
  storedFileKinds,
} from '../invoices.repository.ts';

/** The invoice as the API shows it: lines, totals from the one totals function, payments, status. */
export async function presentInvoice(ctx: TenantContext, row: InvoiceRow): Promise<Invoice> {
  const lines = await loadLines(ctx.tx, ctx.tenantId, row.id);
  const paid = (await amountPaid(ctx.tx, ctx.tenantId, [row.id])).get(row.id) ?? 0n;
  const customerId = row.organizationId ?? row.personId;
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  const credited = row.status === 'issued' ? await settledByCredit(ctx, row) : 0n;
  const files = row.status === 'issued' ? await storedFileKinds(ctx.tx, ctx.tenantId, row.id) : [];
  return toInvoiceDto(
    row,
    lines,
    paid,
    {
      name: customer?.name ?? null,
      // The customer's term is its own or the tenant's default; without a customer, the default.
      paymentTermDays: customer?.payment_term_days ?? (await getDefaultPaymentTermDays(ctx)),
      language: customer?.language ?? 'nl',
    },
    { peppol: files.includes('ubl_peppol'), nlcius: files.includes('ubl_nlcius') },
    credited,
  );
}

export async function getInvoice(ctx: TenantContext, id: string): Promise<Invoice> {
  const row = await findInvoice(ctx.tx, ctx.tenantId, id);
  if (!row) throw invoiceNotFound();
  return presentInvoice(ctx, row);
}

/**
 * The part of an issued document settled by credit notes. For an invoice: its issued credit
 * notes. For a credit note: what it offsets against the invoice it corrects; only the rest, what
 * the customer had paid beyond what is still owed, is a refund due on it.
 */
export async function settledByCredit(ctx: TenantContext, row: InvoiceRow): Promise<bigint> {
  if (row.type === 'invoice') return amountCredited(ctx.tx, ctx.tenantId, row.id);
  const original = row.creditedInvoiceId ? await findInvoice(ctx.tx, ctx.tenantId, row.creditedInvoiceId) : null;
  if (!original) return 0n;
  const paid = (await amountPaid(ctx.tx, ctx.tenantId, [original.id])).get(original.id) ?? 0n;
  const credits = await amountCredited(ctx.tx, ctx.tenantId, original.id);
  const overpaid = paid - (original.totalInclVat - credits);
  const refundDue = overpaid <= 0n ? 0n : overpaid < row.totalInclVat ? overpaid : row.totalInclVat;
  return row.totalInclVat - refundDue;
}

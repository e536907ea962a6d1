import type { Invoice } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { type CustomerForDocument, getCustomerForDocument } from '../../crm/index.ts';
import { type DocumentLineFields, storedLineFieldsOf } from '../document-line-fields.ts';
import { customerNotFound } from '../invoices.errors.ts';
import { insertInvoice, type InvoiceRow, replaceLines } from '../invoices.repository.ts';
import { presentInvoice } from './present-invoice.ts';

/** A line exactly as agreed elsewhere (an accepted quote): taken over as is, not looked up again. */
export type InvoiceDraftLine = DocumentLineFields;

export interface InvoiceDraftFromLines {
  customer_id: string;
  lines: InvoiceDraftLine[];
  language: 'nl' | 'en' | null;
  discount_percent: string | null;
  buyer_reference: string | null;
  note: string | null;
  /** What the draft was made from, for the audit log (`{ type: 'quote', id, number }`). */
  source: { type: string; id: string; number: string | null };
  /** A credit note for an issued invoice (a subscription's credited days) instead of an invoice. */
  credited_invoice_id?: string;
  issue_date?: string;
  /** The period the invoice is for (a subscription's period). */
  period?: { start: string; end: string };
  payment_term_days?: number | null;
  /** Collected by direct debit under this mandate reference (checked when it is finalized). */
  mandate_reference?: string;
}

/**
 * A draft invoice from lines another module already settled (an accepted quote → invoice): the
 * prices, VAT and discounts stay as agreed; products are not looked up again, so a product
 * changed or archived since cannot change what the customer accepted. The draft is then edited
 * and finalized like any other.
 */
export async function createInvoiceDraftFromLines(ctx: TenantContext, input: InvoiceDraftFromLines): Promise<Invoice> {
  return presentInvoice(ctx, await insertInvoiceDraftFromLines(ctx, input));
}

/**
 * The draft's row, for a caller that issues it at once and has no use for its presentation;
 * `known` is the customer as the caller read it in this transaction (not read again).
 */
export async function insertInvoiceDraftFromLines(
  ctx: TenantContext,
  input: InvoiceDraftFromLines,
  known?: CustomerForDocument,
): Promise<InvoiceRow> {
  const customer = known?.id === input.customer_id ? known : await getCustomerForDocument(ctx, input.customer_id);
  if (!customer) throw customerNotFound();
  const row = await insertInvoice(ctx.tx, {
    tenantId: ctx.tenantId,
    type: input.credited_invoice_id ? 'credit_note' : 'invoice',
    creditedInvoiceId: input.credited_invoice_id ?? null,
    issueDate: input.issue_date ?? null,
    periodStart: input.period?.start ?? null,
    periodEnd: input.period?.end ?? null,
    paymentTermDays: input.payment_term_days ?? null,
    ...(input.mandate_reference ? { paymentMeans: 'direct_debit', mandateReference: input.mandate_reference } : {}),
    ...(customer.kind === 'organization' ? { organizationId: customer.id } : { personId: customer.id }),
    language: input.language,
    discountPercent: input.discount_percent,
    buyerReference: input.buyer_reference,
    note: input.note,
  });
  await replaceLines(ctx.tx, ctx.tenantId, row.id, input.lines.map(storedLineFieldsOf));
  await recordAuditEvent(ctx, {
    action: 'invoice.created',
    targetType: 'invoice',
    targetId: row.id,
    details: { source_type: input.source.type, source_id: input.source.id, source_number: input.source.number },
  });
  return row;
}

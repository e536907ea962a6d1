import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { amountPaid } from '../invoices.repository.ts';
import { type IssuedDocumentFilter, listIssuedDocumentRows } from '../open-documents.repository.ts';
import { settledByCredit } from './present-invoice.ts';

/** An issued invoice or credit note with something still due: what collecting or refunding it needs. */
export interface OpenDocument {
  id: string;
  type: 'invoice' | 'credit_note';
  number: string;
  /** The CRM organization or person (null when the CRM record was deleted). */
  customerId: string | null;
  /** The customer's name as issued. */
  customerName: string;
  language: 'nl' | 'en';
  issueDate: string;
  dueDate: string | null;
  sentAt: Date | null;
  paymentMeans: 'credit_transfer' | 'direct_debit';
  mandateReference: string | null;
  /** The RF creditor reference printed on the invoice, when there is one. */
  paymentReference: string | null;
  /** Cents: for an invoice what is still owed, for a credit note the refund still due. */
  amountDue: bigint;
}

/**
 * Issued documents of one type with an amount due > 0, computed exactly as the invoice shows it
 * (payments and credit notes). `ids` limits the search; ids that are not open are left out.
 */
export async function listOpenDocuments(ctx: TenantContext, filter: IssuedDocumentFilter): Promise<OpenDocument[]> {
  const rows = await listIssuedDocumentRows(ctx.tx, ctx.tenantId, filter);
  const paid = await amountPaid(
    ctx.tx,
    ctx.tenantId,
    rows.map((row) => row.id),
  );
  const open: OpenDocument[] = [];
  for (const row of rows) {
    const amountDue = row.totalInclVat - (paid.get(row.id) ?? 0n) - (await settledByCredit(ctx, row));
    if (amountDue <= 0n) continue;
    open.push({
      id: row.id,
      type: row.type,
      number: row.number!,
      customerId: row.organizationId ?? row.personId,
      customerName: row.snapshot?.customer.name ?? '',
      language: row.snapshot?.language ?? row.language ?? 'nl',
      issueDate: row.issueDate!,
      dueDate: row.dueDate,
      sentAt: row.sentAt,
      paymentMeans: row.paymentMeans,
      mandateReference: row.mandateReference,
      paymentReference: row.paymentReference,
      amountDue,
    });
  }
  return open;
}

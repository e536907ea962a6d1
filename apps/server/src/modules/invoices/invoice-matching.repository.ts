import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { invoicePayments, invoices } from './invoices.tables.ts';

export interface PayableInvoiceRow {
  id: string;
  number: string;
  paymentReference: string | null;
  customerId: string | null;
  dueDate: string | null;
  /** Total − payments − issued credit notes; zero or less when nothing is due. */
  amountDue: bigint;
}

export interface PayableInvoiceFilter {
  id?: string;
  /** The invoice number with only its letters and digits, upper case (`2026000123`). */
  compactNumber?: string;
  /** An RF reference without spaces, upper case. */
  paymentReference?: string;
  customerIds?: string[];
  /** A payer's text, compacted like `compactNumber`: invoices whose number or RF reference occurs in it. */
  mentionedIn?: string;
}

/**
 * Issued invoices (not credit notes) by one of the ways a bank payment names them, with what is
 * still due. The numbers are compared without separators: a payer writes `2026 000123` as often
 * as `2026-000123`.
 */
export async function findPayableInvoiceRows(
  tx: Tx,
  tenantId: string,
  filter: PayableInvoiceFilter,
): Promise<PayableInvoiceRow[]> {
  const conditions: SQL[] = [];
  if (filter.id) conditions.push(eq(invoices.id, filter.id));
  if (filter.compactNumber)
    conditions.push(sql`regexp_replace(upper(${invoices.number}), '[^A-Z0-9]', '', 'g') = ${filter.compactNumber}`);
  if (filter.paymentReference) conditions.push(eq(invoices.paymentReference, filter.paymentReference));
  if (filter.customerIds?.length)
    conditions.push(
      or(inArray(invoices.organizationId, filter.customerIds), inArray(invoices.personId, filter.customerIds))!,
    );
  if (filter.mentionedIn)
    conditions.push(
      sql`(strpos(${filter.mentionedIn}, regexp_replace(upper(${invoices.number}), '[^A-Z0-9]', '', 'g')) > 0
        OR strpos(${filter.mentionedIn}, ${invoices.paymentReference}) > 0)`,
    );
  if (conditions.length === 0) return [];
  const paid = sql`coalesce((SELECT sum(${invoicePayments.amount}) FROM ${invoicePayments}
    WHERE ${invoicePayments.tenantId} = ${invoices.tenantId} AND ${invoicePayments.invoiceId} = ${invoices.id}), 0)`;
  const credited = sql`coalesce((SELECT sum(credit.total_incl_vat) FROM invoices credit
    WHERE credit.tenant_id = ${invoices.tenantId} AND credit.credited_invoice_id = ${invoices.id} AND credit.status = 'issued'), 0)`;
  const rows = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      paymentReference: invoices.paymentReference,
      organizationId: invoices.organizationId,
      personId: invoices.personId,
      dueDate: invoices.dueDate,
      amountDue: sql<string>`(${invoices.totalInclVat} - ${paid} - ${credited})::text`,
    })
    .from(invoices)
    .where(
      and(eq(invoices.tenantId, tenantId), eq(invoices.type, 'invoice'), eq(invoices.status, 'issued'), ...conditions),
    )
    .orderBy(invoices.dueDate, invoices.number);
  return rows.map((row) => ({
    id: row.id,
    number: row.number!,
    paymentReference: row.paymentReference,
    customerId: row.organizationId ?? row.personId,
    dueDate: row.dueDate,
    amountDue: BigInt(row.amountDue),
  }));
}

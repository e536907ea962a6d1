import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { invoices } from './invoices.tables.ts';
import type { InvoiceRow } from './invoices.repository.ts';

export interface IssuedDocumentFilter {
  type: 'invoice' | 'credit_note';
  ids?: string[];
  paymentMeans?: 'credit_transfer' | 'direct_debit';
}

/** Issued invoices or credit notes, oldest number first (the order a batch lists them in). */
export async function listIssuedDocumentRows(
  tx: Tx,
  tenantId: string,
  filter: IssuedDocumentFilter,
): Promise<InvoiceRow[]> {
  const conditions: SQL[] = [
    eq(invoices.tenantId, tenantId),
    eq(invoices.type, filter.type),
    eq(invoices.status, 'issued'),
  ];
  if (filter.ids) conditions.push(inArray(invoices.id, filter.ids));
  if (filter.paymentMeans) conditions.push(eq(invoices.paymentMeans, filter.paymentMeans));
  return tx
    .select()
    .from(invoices)
    .where(and(...conditions))
    .orderBy(asc(invoices.issueDate), asc(invoices.number));
}

import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { DEFAULT_NUMBER_FORMATS, type NumberedDocumentType } from './domain/document-number.ts';
import {
  documentNumberCounters,
  documentNumberSeries,
  invoiceFiles,
  invoiceLines,
  invoicePayments,
  invoices,
} from './invoices.tables.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoiceRow = typeof invoices.$inferInsert;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type NewInvoiceLine = Omit<typeof invoiceLines.$inferInsert, 'tenantId' | 'invoiceId' | 'position'>;
export type InvoiceChanges = Partial<Omit<InvoiceRow, 'tenantId' | 'id' | 'createdAt' | 'version'>>;

const byId = (tenantId: string, id: string) => and(eq(invoices.tenantId, tenantId), eq(invoices.id, id));

export async function findInvoice(tx: Tx, tenantId: string, id: string, lock = false): Promise<InvoiceRow | null> {
  const query = tx.select().from(invoices).where(byId(tenantId, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertInvoice(tx: Tx, values: NewInvoiceRow): Promise<InvoiceRow> {
  const [row] = await tx.insert(invoices).values(values).returning();
  return row!;
}

/** Updates and bumps the version; null when `expectedVersion` is given and no longer current. */
export async function updateInvoiceRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: InvoiceChanges,
  expectedVersion?: number,
): Promise<InvoiceRow | null> {
  const conditions = [byId(tenantId, id)];
  if (expectedVersion !== undefined) conditions.push(eq(invoices.version, expectedVersion));
  const [row] = await tx
    .update(invoices)
    .set({ ...changes, version: sql`${invoices.version} + 1`, updatedAt: new Date() })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function deleteInvoiceRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(invoices).where(byId(tenantId, id));
}

export async function loadLines(tx: Tx, tenantId: string, invoiceId: string): Promise<InvoiceLineRow[]> {
  return tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.tenantId, tenantId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.position));
}

export async function replaceLines(tx: Tx, tenantId: string, invoiceId: string, lines: NewInvoiceLine[]) {
  await tx.delete(invoiceLines).where(and(eq(invoiceLines.tenantId, tenantId), eq(invoiceLines.invoiceId, invoiceId)));
  if (lines.length)
    await tx.insert(invoiceLines).values(lines.map((line, position) => ({ ...line, tenantId, invoiceId, position })));
}

export async function amountPaid(tx: Tx, tenantId: string, invoiceIds: string[]): Promise<Map<string, bigint>> {
  const paid = new Map<string, bigint>();
  if (invoiceIds.length === 0) return paid;
  const rows = await tx
    .select({ invoiceId: invoicePayments.invoiceId, total: sql<string>`sum(${invoicePayments.amount})` })
    .from(invoicePayments)
    .where(
      and(eq(invoicePayments.tenantId, tenantId), or(...invoiceIds.map((id) => eq(invoicePayments.invoiceId, id)))),
    )
    .groupBy(invoicePayments.invoiceId);
  for (const row of rows) paid.set(row.invoiceId, BigInt(row.total));
  return paid;
}

/**
 * The next number of a series, inside the caller's transaction. The upsert locks the counter
 * row until that transaction ends: concurrent finalizations queue behind it, and a rollback
 * gives the number back. No database SEQUENCE: it is not transactional and leaves gaps (§1.2).
 */
export async function nextDocumentSequence(
  tx: Tx,
  tenantId: string,
  documentType: NumberedDocumentType,
  year: number,
): Promise<number> {
  const [row] = await tx
    .insert(documentNumberCounters)
    .values({ tenantId, documentType, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentNumberCounters.tenantId, documentNumberCounters.documentType, documentNumberCounters.year],
      set: { lastNumber: sql`${documentNumberCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: documentNumberCounters.lastNumber });
  return row!.lastNumber;
}

export async function numberFormat(tx: Tx, tenantId: string, documentType: NumberedDocumentType): Promise<string> {
  const [row] = await tx
    .select({ format: documentNumberSeries.format })
    .from(documentNumberSeries)
    .where(and(eq(documentNumberSeries.tenantId, tenantId), eq(documentNumberSeries.documentType, documentType)));
  return row?.format ?? DEFAULT_NUMBER_FORMATS[documentType];
}

export interface InvoiceListFilter {
  type?: 'invoice' | 'credit_note';
  isDraft?: boolean;
  customerId?: string;
  issuedFrom?: string;
  issuedTo?: string;
  startingAfter?: InvoiceRow;
  limit: number;
}

/** Newest first: drafts (no issue date) on top by creation, then by issue date and number. */
export async function listInvoiceRows(tx: Tx, tenantId: string, filter: InvoiceListFilter): Promise<InvoiceRow[]> {
  const conditions: (SQL | undefined)[] = [eq(invoices.tenantId, tenantId)];
  if (filter.type) conditions.push(eq(invoices.type, filter.type));
  if (filter.isDraft !== undefined) conditions.push(eq(invoices.status, filter.isDraft ? 'draft' : 'issued'));
  if (filter.customerId)
    conditions.push(or(eq(invoices.organizationId, filter.customerId), eq(invoices.personId, filter.customerId)));
  if (filter.issuedFrom) conditions.push(gte(invoices.issueDate, filter.issuedFrom));
  if (filter.issuedTo) conditions.push(lte(invoices.issueDate, filter.issuedTo));
  const sortKey = sql`(coalesce(${invoices.issueDate}, '9999-12-31'), ${invoices.createdAt}, ${invoices.id})`;
  if (filter.startingAfter) {
    const after = filter.startingAfter;
    conditions.push(
      sql`${sortKey} < (coalesce(${after.issueDate}::date, '9999-12-31'), ${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return tx
    .select()
    .from(invoices)
    .where(and(...conditions))
    .orderBy(desc(sql`coalesce(${invoices.issueDate}, '9999-12-31')`), desc(invoices.createdAt), desc(invoices.id))
    .limit(filter.limit);
}

export type InvoiceFileKind = (typeof invoiceFiles.$inferSelect)['kind'];

export async function insertInvoiceFiles(tx: Tx, files: (typeof invoiceFiles.$inferInsert)[]): Promise<void> {
  await tx.insert(invoiceFiles).values(files);
}

export async function findInvoiceFile(tx: Tx, tenantId: string, invoiceId: string, kind: InvoiceFileKind) {
  const [row] = await tx
    .select()
    .from(invoiceFiles)
    .where(
      and(eq(invoiceFiles.tenantId, tenantId), eq(invoiceFiles.invoiceId, invoiceId), eq(invoiceFiles.kind, kind)),
    );
  return row ?? null;
}

/** Which files an issued invoice has stored (the PDF always; a UBL profile only when addressable). */
export async function storedFileKinds(tx: Tx, tenantId: string, invoiceId: string): Promise<InvoiceFileKind[]> {
  const rows = await tx
    .select({ kind: invoiceFiles.kind })
    .from(invoiceFiles)
    .where(and(eq(invoiceFiles.tenantId, tenantId), eq(invoiceFiles.invoiceId, invoiceId)));
  return rows.map((row) => row.kind);
}

/** The quantities already on credit notes (drafts included) of an invoice, per line position. */
export async function creditedLineQuantities(
  tx: Tx,
  tenantId: string,
  invoiceId: string,
): Promise<{ position: number; quantity: string }[]> {
  const rows = await tx
    .select({ position: invoiceLines.creditedPosition, quantity: invoiceLines.quantity })
    .from(invoiceLines)
    .innerJoin(invoices, and(eq(invoices.tenantId, invoiceLines.tenantId), eq(invoices.id, invoiceLines.invoiceId)))
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.creditedInvoiceId, invoiceId)));
  return rows.filter((row): row is { position: number; quantity: string } => row.position !== null);
}

/** What a credit note or a corrected copy takes over from an invoice: customer, period, terms. */
export function carriedOverFields(original: InvoiceRow) {
  return {
    tenantId: original.tenantId,
    organizationId: original.organizationId,
    personId: original.personId,
    supplyDate: original.supplyDate,
    periodStart: original.periodStart,
    periodEnd: original.periodEnd,
    paymentTermDays: original.paymentTermDays,
    language: original.language,
    discountPercent: original.discountPercent,
    buyerReference: original.buyerReference,
  };
}

export async function saveNumberFormat(tx: Tx, tenantId: string, documentType: NumberedDocumentType, format: string) {
  await tx
    .insert(documentNumberSeries)
    .values({ tenantId, documentType, format })
    .onConflictDoUpdate({
      target: [documentNumberSeries.tenantId, documentNumberSeries.documentType],
      set: { format },
    });
}

/** The last number given in a series (0 when none yet). */
export async function lastDocumentSequence(tx: Tx, tenantId: string, documentType: NumberedDocumentType, year: number) {
  const [row] = await tx
    .select({ lastNumber: documentNumberCounters.lastNumber })
    .from(documentNumberCounters)
    .where(
      and(
        eq(documentNumberCounters.tenantId, tenantId),
        eq(documentNumberCounters.documentType, documentType),
        eq(documentNumberCounters.year, year),
      ),
    );
  return row?.lastNumber ?? 0;
}

export async function setLastDocumentSequence(
  tx: Tx,
  tenantId: string,
  documentType: NumberedDocumentType,
  year: number,
  lastNumber: number,
) {
  await tx
    .insert(documentNumberCounters)
    .values({ tenantId, documentType, year, lastNumber })
    .onConflictDoUpdate({
      target: [documentNumberCounters.tenantId, documentNumberCounters.documentType, documentNumberCounters.year],
      set: { lastNumber },
    });
}

/** Whether any document of this type ever got a number (its counters say so, quotes included). */
export async function hasIssuedDocument(tx: Tx, tenantId: string, documentType: NumberedDocumentType) {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(documentNumberCounters)
    .where(and(eq(documentNumberCounters.tenantId, tenantId), eq(documentNumberCounters.documentType, documentType)))
    .limit(1);
  return row !== undefined;
}

/** The total of the issued credit notes that correct an invoice (they lower what is due on it). */
export async function amountCredited(tx: Tx, tenantId: string, invoiceId: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${invoices.totalInclVat}), 0)::text` })
    .from(invoices)
    .where(
      and(eq(invoices.tenantId, tenantId), eq(invoices.creditedInvoiceId, invoiceId), eq(invoices.status, 'issued')),
    );
  return BigInt(row?.total ?? '0');
}

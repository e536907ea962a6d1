import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import {
  FILE_ROWS_PER_INSERT,
  hasTenantRows,
  inChunks,
  storedFileContents,
} from '../../../kernel/export/archive-tables.ts';
import {
  documentNumberCounters,
  documentNumberSeries,
  invoiceFiles,
  invoiceLines,
  invoicePayments,
  invoices,
} from '../invoices.tables.ts';

/**
 * Every read and write of the export archive (terms art. 17) on the invoices tables: whole
 * tables of one tenant out, and into an empty tenant in (in chunks, see `inChunks`).
 */

const TABLES = {
  invoices,
  lines: invoiceLines,
  files: invoiceFiles,
  payments: invoicePayments,
  series: documentNumberSeries,
  counters: documentNumberCounters,
};

/** Whether the tenant has any row in that table: what an import calls "not empty". */
export function hasArchiveRows(tx: Tx, tenantId: string, table: keyof typeof TABLES): Promise<boolean> {
  return hasTenantRows(tx, TABLES[table], tenantId);
}

// ── Invoices and credit notes ─────────────────────────────────────────────────────────────────

export type ArchivedInvoiceRow = typeof invoices.$inferSelect;

/** Invoices before credit notes (a credit note points at its invoice), then in the order they were made. */
export async function allInvoiceRows(tx: Tx, tenantId: string): Promise<ArchivedInvoiceRow[]> {
  return tx
    .select()
    .from(invoices)
    .where(eq(invoices.tenantId, tenantId))
    .orderBy(asc(invoices.type), asc(invoices.createdAt), asc(invoices.id));
}

export async function insertInvoiceRows(tx: Tx, rows: (typeof invoices.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(invoices).values(chunk));
}

/** Ids of these invoices that exist in the tenant, with whether they carry a number (issued, or being imported as such). */
export async function invoiceNumbersById(
  tx: Tx,
  tenantId: string,
  ids: string[],
): Promise<Map<string, { number: string | null; totalInclVat: bigint }>> {
  const found = new Map<string, { number: string | null; totalInclVat: bigint }>();
  await inChunks([...new Set(ids)], async (chunk) => {
    const rows = await tx
      .select({ id: invoices.id, number: invoices.number, totalInclVat: invoices.totalInclVat })
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), inArray(invoices.id, chunk)));
    for (const row of rows) found.set(row.id, { number: row.number, totalInclVat: row.totalInclVat });
  });
  return found;
}

/**
 * The archive's issued documents go in as drafts that already carry their number and snapshot;
 * this turns them into what they were. Only `status` changes: the immutability trigger lets a
 * draft become issued, and from here on refuses any change, exactly as after a finalization.
 * (A draft made in the app never has a number: it gets one in the same statement that issues it.)
 */
export async function issueNumberedDrafts(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .update(invoices)
    .set({ status: 'issued' })
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.status, 'draft'), isNotNull(invoices.number)))
    .returning({ id: invoices.id });
  return rows.map((row) => row.id);
}

/** Issued documents without a stored PDF (an archive that lost its files). */
export async function issuedWithoutPdf(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ number: invoices.number })
    .from(invoices)
    .where(
      and(
        eq(invoices.tenantId, tenantId),
        eq(invoices.status, 'issued'),
        sql`NOT EXISTS (SELECT 1 FROM ${invoiceFiles} WHERE ${invoiceFiles.tenantId} = ${invoices.tenantId}
          AND ${invoiceFiles.invoiceId} = ${invoices.id} AND ${invoiceFiles.kind} = 'pdf')`,
      ),
    );
  return rows.map((row) => row.number ?? '');
}

// ── Lines ─────────────────────────────────────────────────────────────────────────────────────

export async function allLineRows(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.tenantId, tenantId))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
}

export async function insertLineRows(tx: Tx, rows: (typeof invoiceLines.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(invoiceLines).values(chunk));
}

// ── Stored files ──────────────────────────────────────────────────────────────────────────────

/** The stored PDF and UBL of every issued document, without their bytes. */
export async function allFileRows(tx: Tx, tenantId: string) {
  return tx
    .select({
      invoiceId: invoiceFiles.invoiceId,
      kind: invoiceFiles.kind,
      sha256: invoiceFiles.sha256,
      size: sql<number>`octet_length(${invoiceFiles.content})::int`,
      createdAt: invoiceFiles.createdAt,
      type: invoices.type,
      number: invoices.number,
    })
    .from(invoiceFiles)
    .innerJoin(invoices, and(eq(invoices.tenantId, invoiceFiles.tenantId), eq(invoices.id, invoiceFiles.invoiceId)))
    .where(eq(invoiceFiles.tenantId, tenantId))
    .orderBy(asc(invoiceFiles.invoiceId), asc(invoiceFiles.kind));
}

/** The bytes of stored files, by `<invoice id>|<kind>`. */
export function fileContents(tx: Tx, tenantId: string, invoiceIds: string[]): Promise<Map<string, Uint8Array>> {
  return storedFileContents(tx, invoiceFiles, invoiceFiles.invoiceId, tenantId, invoiceIds);
}

export async function insertFileRows(tx: Tx, rows: (typeof invoiceFiles.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(invoiceFiles).values(chunk), FILE_ROWS_PER_INSERT);
}

// ── Payments ──────────────────────────────────────────────────────────────────────────────────

export async function allPaymentRows(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(invoicePayments)
    .where(eq(invoicePayments.tenantId, tenantId))
    .orderBy(asc(invoicePayments.invoiceId), asc(invoicePayments.paidOn), asc(invoicePayments.createdAt));
}

export async function insertPaymentRows(tx: Tx, rows: (typeof invoicePayments.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(invoicePayments).values(chunk));
}

// ── Number series ─────────────────────────────────────────────────────────────────────────────

export async function allSeriesRows(tx: Tx, tenantId: string) {
  return tx
    .select({ documentType: documentNumberSeries.documentType, format: documentNumberSeries.format })
    .from(documentNumberSeries)
    .where(eq(documentNumberSeries.tenantId, tenantId))
    .orderBy(asc(documentNumberSeries.documentType));
}

export async function insertSeriesRows(tx: Tx, rows: (typeof documentNumberSeries.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(documentNumberSeries).values(rows);
}

export async function allCounterRows(tx: Tx, tenantId: string) {
  return tx
    .select({
      documentType: documentNumberCounters.documentType,
      year: documentNumberCounters.year,
      lastNumber: documentNumberCounters.lastNumber,
    })
    .from(documentNumberCounters)
    .where(eq(documentNumberCounters.tenantId, tenantId))
    .orderBy(asc(documentNumberCounters.documentType), asc(documentNumberCounters.year));
}

export async function insertCounterRows(tx: Tx, rows: (typeof documentNumberCounters.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(documentNumberCounters).values(chunk));
}

/**
 * Raises counters to at least these last numbers, keeping a higher one already there: for the
 * documents of another module's import (quotes), which may come before or after the counter rows.
 */
export async function raiseCounterRows(tx: Tx, rows: (typeof documentNumberCounters.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) =>
    tx
      .insert(documentNumberCounters)
      .values(chunk)
      .onConflictDoUpdate({
        target: [documentNumberCounters.tenantId, documentNumberCounters.documentType, documentNumberCounters.year],
        set: { lastNumber: sql`GREATEST(${documentNumberCounters.lastNumber}, excluded.last_number)` },
      }),
  );
}

/** The issued documents' numbers and issue dates, to continue each series after the highest one imported. */
export async function issuedNumbers(tx: Tx, tenantId: string) {
  return tx
    .select({ type: invoices.type, number: invoices.number, issueDate: invoices.issueDate })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), isNotNull(invoices.number)));
}

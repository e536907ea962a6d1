import { and, between, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import type { DocumentSnapshot } from './documents/document-snapshot.ts';
import { invoices } from './invoices.tables.ts';

/** Issued invoices and credit notes with their frozen snapshot, issue date in [from, to]. */
export async function issuedSnapshotsInPeriod(
  tx: Tx,
  tenantId: string,
  from: string,
  to: string,
): Promise<{ type: 'invoice' | 'credit_note'; snapshot: DocumentSnapshot }[]> {
  const rows = await tx
    .select({ type: invoices.type, snapshot: invoices.snapshot })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.status, 'issued'), between(invoices.issueDate, from, to)));
  return rows.filter((row): row is { type: 'invoice' | 'credit_note'; snapshot: DocumentSnapshot } =>
    Boolean(row.snapshot),
  );
}

/**
 * Per month of issue (from `fromDate`): the frozen totals excl. VAT (set by `computeDocumentTotals`
 * at finalization), credit notes subtracted, and how many of each.
 */
export async function revenueByMonth(
  tx: Tx,
  tenantId: string,
  fromDate: string,
): Promise<{ month: string; cents: bigint; invoices: number; creditNotes: number }[]> {
  const month = sql<string>`to_char(${invoices.issueDate}, 'YYYY-MM')`;
  const rows = await tx
    .select({
      month,
      cents: sql<string>`coalesce(sum(CASE WHEN ${invoices.type} = 'credit_note' THEN -${invoices.totalExclVat} ELSE ${invoices.totalExclVat} END), 0)::text`,
      invoices: sql<number>`(count(*) FILTER (WHERE ${invoices.type} = 'invoice'))::int`,
      creditNotes: sql<number>`(count(*) FILTER (WHERE ${invoices.type} = 'credit_note'))::int`,
    })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.status, 'issued'), gte(invoices.issueDate, fromDate)))
    .groupBy(month);
  return rows.map((row) => ({
    month: row.month,
    cents: BigInt(row.cents),
    invoices: Number(row.invoices),
    creditNotes: Number(row.creditNotes),
  }));
}

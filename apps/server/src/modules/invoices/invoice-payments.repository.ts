import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { invoicePayments, invoices } from './invoices.tables.ts';

export type InvoicePaymentRow = typeof invoicePayments.$inferSelect;
export type NewInvoicePaymentRow = typeof invoicePayments.$inferInsert;

const ofInvoice = (tenantId: string, invoiceId: string) =>
  and(eq(invoicePayments.tenantId, tenantId), eq(invoicePayments.invoiceId, invoiceId));

export async function insertPayment(tx: Tx, values: NewInvoicePaymentRow): Promise<InvoicePaymentRow> {
  const [row] = await tx.insert(invoicePayments).values(values).returning();
  return row!;
}

/** Oldest first, in the order the money came in. */
export async function listPaymentRows(tx: Tx, tenantId: string, invoiceId: string): Promise<InvoicePaymentRow[]> {
  return tx
    .select()
    .from(invoicePayments)
    .where(ofInvoice(tenantId, invoiceId))
    .orderBy(asc(invoicePayments.paidOn), asc(invoicePayments.createdAt), asc(invoicePayments.id));
}

/** The deleted payment, or null when this invoice has no payment with that id. */
export async function deletePaymentRow(
  tx: Tx,
  tenantId: string,
  invoiceId: string,
  paymentId: string,
): Promise<InvoicePaymentRow | null> {
  const [row] = await tx
    .delete(invoicePayments)
    .where(and(ofInvoice(tenantId, invoiceId), eq(invoicePayments.id, paymentId)))
    .returning();
  return row ?? null;
}

/**
 * Per customer over their issued invoices: how many still have something due, the sum due, and
 * the part of it past the due date (`today` in Europe/Amsterdam). Amounts from the frozen totals.
 */
export async function customerBalanceRow(
  tx: Tx,
  tenantId: string,
  customerId: string,
  today: string,
): Promise<{ openInvoices: number; totalDue: bigint; overdue: bigint }> {
  const paid = sql`coalesce((SELECT sum(${invoicePayments.amount}) FROM ${invoicePayments}
    WHERE ${invoicePayments.tenantId} = ${invoices.tenantId} AND ${invoicePayments.invoiceId} = ${invoices.id}), 0)`;
  const credited = sql`coalesce((SELECT sum(credit.total_incl_vat) FROM invoices credit
    WHERE credit.tenant_id = ${invoices.tenantId} AND credit.credited_invoice_id = ${invoices.id} AND credit.status = 'issued'), 0)`;
  const dues = tx
    .select({ dueDate: invoices.dueDate, due: sql<string>`${invoices.totalInclVat} - ${paid} - ${credited}`.as('due') })
    .from(invoices)
    .where(
      and(
        eq(invoices.tenantId, tenantId),
        eq(invoices.type, 'invoice'),
        eq(invoices.status, 'issued'),
        or(eq(invoices.organizationId, customerId), eq(invoices.personId, customerId)),
      ),
    )
    .as('dues');
  const [row] = await tx
    .select({
      openInvoices: sql<number>`count(*)::int`,
      totalDue: sql<string>`coalesce(sum(${dues.due}), 0)::text`,
      overdue: sql<string>`coalesce(sum(${dues.due}) FILTER (WHERE ${dues.dueDate} < ${today}::date), 0)::text`,
    })
    .from(dues)
    .where(sql`${dues.due} > 0`);
  return { openInvoices: Number(row!.openInvoices), totalDue: BigInt(row!.totalDue), overdue: BigInt(row!.overdue) };
}

import { formatAmount, parseAmount, PAYMENT_METHODS } from '@clientbox/contracts';
import { z } from 'zod';
import {
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  parseArchiveRows,
  timestamp,
} from '../../../kernel/export/archive-rows.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { amountText, ENTITIES } from './archive-rows.ts';
import { allPaymentRows, hasArchiveRows, insertPaymentRows, invoiceNumbersById } from './invoice-archive.repository.ts';

const paymentRow = z.strictObject({
  id: z.uuid(),
  invoice_id: z.uuid(),
  paid_on: isoDate,
  amount: amountText,
  method: z.enum(PAYMENT_METHODS),
  note: z.string().max(500).nullable(),
  created_by_email: z.string().nullable(),
  created_at: timestamp,
});
type PaymentArchiveRow = z.output<typeof paymentRow>;

/** Payments registered on issued documents; together never more than a document's total (as the API keeps it). */
export const invoicePaymentsExporter: ImportableExporter<PaymentArchiveRow> = {
  entity: ENTITIES.payments,
  csv: true,
  importAfter: [ENTITIES.invoices],
  columns: Object.keys(paymentRow.shape) as (keyof PaymentArchiveRow)[],

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allPaymentRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      invoice_id: row.invoiceId,
      paid_on: row.paidOn,
      amount: formatAmount(row.amount),
      method: row.method,
      note: row.note,
      created_by_email: emailOf(row.createdBy),
      created_at: row.createdAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'payments'),

  async import(ctx, rows) {
    const entity = ENTITIES.payments;
    const parsed = parseArchiveRows(entity, paymentRow, rows);
    if (new Set(parsed.map((row) => row.id)).size !== parsed.length) throw invalidArchive(entity, 'an id occurs twice');
    const documents = await invoiceNumbersById(
      ctx.tx,
      ctx.tenantId,
      parsed.map((row) => row.invoice_id),
    );
    const paid = new Map<string, bigint>();
    for (const [index, row] of parsed.entries()) {
      const document = documents.get(row.invoice_id);
      if (!document?.number)
        throw invalidArchive(entity, `row ${index + 1}: belongs to no issued document of the archive`);
      const amount = parseAmount(row.amount);
      if (amount <= 0n) throw invalidArchive(entity, `row ${index + 1}: the amount must be positive`);
      paid.set(row.invoice_id, (paid.get(row.invoice_id) ?? 0n) + amount);
      if (paid.get(row.invoice_id)! > document.totalInclVat)
        throw invalidArchive(entity, `row ${index + 1}: more is paid than ${document.number} totals`);
    }
    const memberOf = await membersByEmail(ctx);
    await insertPaymentRows(
      ctx.tx,
      parsed.map((row) => ({
        tenantId: ctx.tenantId,
        id: row.id,
        invoiceId: row.invoice_id,
        paidOn: row.paid_on,
        amount: parseAmount(row.amount),
        method: row.method,
        note: row.note,
        createdBy: memberOf(row.created_by_email),
        createdAt: new Date(row.created_at),
      })),
    );
  },
};

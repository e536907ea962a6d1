import { computeDocumentTotals, formatAmount, parseAmount } from '@clientbox/contracts';
import { z } from 'zod';
import {
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  nullableText,
  parseArchiveRows,
  timestamp,
} from '../../../kernel/export/archive-rows.ts';
import { rejectMissingReferences } from '../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { amountText, ENTITIES } from './archive-rows.ts';
import { archivedSnapshot } from './archived-snapshot.schema.ts';
import {
  allInvoiceRows,
  hasArchiveRows,
  insertInvoiceRows,
  issuedWithoutPdf,
  issueNumberedDrafts,
} from './invoice-archive.repository.ts';

const invoiceRow = z.strictObject({
  id: z.uuid(),
  type: z.enum(['invoice', 'credit_note']),
  status: z.enum(['draft', 'issued']),
  number: z.string().min(1).max(100).nullable(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  issue_date: isoDate.nullable(),
  supply_date: isoDate.nullable(),
  period_start: isoDate.nullable(),
  period_end: isoDate.nullable(),
  payment_term_days: z.number().int().min(0).max(365).nullable(),
  due_date: isoDate.nullable(),
  language: z.enum(['nl', 'en']).nullable(),
  discount_percent: nullableText,
  buyer_reference: nullableText,
  note: nullableText,
  credited_invoice_id: z.uuid().nullable(),
  payment_means: z.enum(['credit_transfer', 'direct_debit']),
  mandate_reference: nullableText,
  payment_reference: nullableText,
  total_excl_vat: amountText,
  total_vat: amountText,
  total_incl_vat: amountText,
  finalized_at: timestamp.nullable(),
  finalized_by_email: nullableText,
  retention_until: isoDate.nullable(),
  sent_at: timestamp.nullable(),
  internal_note: nullableText,
  version: z.number().int().min(1),
  created_at: timestamp,
  updated_at: timestamp,
  /** The frozen document as issued (null for a draft); only in the JSON copy, it does not fit a spreadsheet cell. */
  snapshot: archivedSnapshot.nullable(),
});
type InvoiceArchiveRow = z.output<typeof invoiceRow>;

/** What an issued row must agree on with its own snapshot; a draft carries no number or snapshot. */
function inconsistency(row: InvoiceArchiveRow): string | null {
  if (row.status === 'draft') return row.number || row.snapshot ? 'a draft has no number or snapshot' : null;
  const snapshot = row.snapshot;
  if (!row.number || !snapshot || !row.issue_date || !row.finalized_at)
    return 'an issued document needs number, snapshot, issue date and finalized_at';
  if (snapshot.number !== row.number || snapshot.type !== row.type || snapshot.issue_date !== row.issue_date)
    return 'the snapshot names another document';
  const totals = computeDocumentTotals(snapshot);
  const stated = [row.total_excl_vat, row.total_vat, row.total_incl_vat];
  const computed = [totals.total_excl_vat, totals.total_vat, totals.total_incl_vat].map(formatAmount);
  return stated.every((amount, index) => amount === computed[index]) ? null : 'the totals do not match the snapshot';
}

/**
 * Invoices and credit notes with their ids, numbers, frozen snapshots and totals. An import
 * writes every one as a draft (lines can only go into a draft: the immutability trigger refuses
 * lines of an issued invoice); `completeImport` then issues those that carry a number, once
 * their lines, files and payments are in.
 */
export const invoicesExporter: ImportableExporter<InvoiceArchiveRow> = {
  entity: ENTITIES.invoices,
  csv: true,
  columns: (Object.keys(invoiceRow.shape) as (keyof InvoiceArchiveRow)[]).filter((column) => column !== 'snapshot'),

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allInvoiceRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      number: row.number,
      organization_id: row.organizationId,
      person_id: row.personId,
      issue_date: row.issueDate,
      supply_date: row.supplyDate,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      payment_term_days: row.paymentTermDays,
      due_date: row.dueDate,
      language: row.language,
      discount_percent: row.discountPercent,
      buyer_reference: row.buyerReference,
      note: row.note,
      credited_invoice_id: row.creditedInvoiceId,
      payment_means: row.paymentMeans,
      mandate_reference: row.mandateReference,
      payment_reference: row.paymentReference,
      total_excl_vat: formatAmount(row.totalExclVat),
      total_vat: formatAmount(row.totalVat),
      total_incl_vat: formatAmount(row.totalInclVat),
      finalized_at: row.finalizedAt?.toISOString() ?? null,
      finalized_by_email: emailOf(row.finalizedBy),
      retention_until: row.retentionUntil,
      sent_at: row.sentAt?.toISOString() ?? null,
      internal_note: row.internalNote,
      version: row.version,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
      snapshot: row.snapshot,
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'invoices'),

  async import(ctx, rows) {
    const entity = ENTITIES.invoices;
    const parsed = parseArchiveRows(entity, invoiceRow, rows);
    const byId = new Map(parsed.map((row) => [row.id, row]));
    if (byId.size !== parsed.length) throw invalidArchive(entity, 'an id occurs twice');
    const numbers = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      const problem = inconsistency(row);
      if (problem) throw invalidArchive(entity, `row ${index + 1}: ${problem}`);
      if (row.number && numbers.has(`${row.type}|${row.number}`))
        throw invalidArchive(entity, `row ${index + 1}: number ${row.number} occurs twice`);
      if (row.number) numbers.add(`${row.type}|${row.number}`);
      if (row.organization_id && row.person_id) throw invalidArchive(entity, `row ${index + 1}: two customers`);
      const credited = row.credited_invoice_id ? byId.get(row.credited_invoice_id) : null;
      if (row.credited_invoice_id && (row.type !== 'credit_note' || credited?.type !== 'invoice' || !credited.number))
        throw invalidArchive(entity, `row ${index + 1}: credits an invoice the archive does not hold`);
    }
    const memberOf = await membersByEmail(ctx);
    // Invoices first: a credit note points at its invoice. Every row goes in as a draft (see above).
    const ordered = [...parsed].sort(
      (a, b) => Number(a.credited_invoice_id !== null) - Number(b.credited_invoice_id !== null),
    );
    await rejectMissingReferences(entity, 'refers to a customer the archive does not hold', () =>
      insertInvoiceRows(
        ctx.tx,
        ordered.map((row) => ({
          tenantId: ctx.tenantId,
          id: row.id,
          type: row.type,
          status: 'draft' as const,
          number: row.number,
          organizationId: row.organization_id,
          personId: row.person_id,
          issueDate: row.issue_date,
          supplyDate: row.supply_date,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          paymentTermDays: row.payment_term_days,
          dueDate: row.due_date,
          language: row.language,
          discountPercent: row.discount_percent,
          buyerReference: row.buyer_reference,
          note: row.note,
          creditedInvoiceId: row.credited_invoice_id,
          paymentMeans: row.payment_means,
          mandateReference: row.mandate_reference,
          paymentReference: row.payment_reference,
          snapshot: row.snapshot,
          totalExclVat: parseAmount(row.total_excl_vat),
          totalVat: parseAmount(row.total_vat),
          totalInclVat: parseAmount(row.total_incl_vat),
          finalizedAt: row.finalized_at ? new Date(row.finalized_at) : null,
          finalizedBy: memberOf(row.finalized_by_email),
          retentionUntil: row.retention_until,
          sentAt: row.sent_at ? new Date(row.sent_at) : null,
          internalNote: row.internal_note,
          version: row.version,
          createdAt: new Date(row.created_at),
          updatedAt: new Date(row.updated_at),
        })),
      ),
    );
  },

  /** Issues the numbered drafts written above (status only), now that their lines are in. */
  async completeImport(ctx) {
    await issueNumberedDrafts(ctx.tx, ctx.tenantId);
    const withoutPdf = await issuedWithoutPdf(ctx.tx, ctx.tenantId);
    if (withoutPdf.length)
      throw invalidArchive(ENTITIES.files, `the stored PDF of ${withoutPdf.slice(0, 3).join(', ')} is missing`);
  },
};

import {
  computeDocumentTotals,
  formatAmount,
  type Invoice,
  type TotalsLineInput,
  type VatCategory,
} from '@clientbox/contracts';
import { amsterdamDate } from '@clientbox/contracts';
import { lineFieldsOf } from './document-line-fields.ts';
import type { InvoiceLineRow, InvoiceRow } from './invoices.repository.ts';

export function toTotalsLine(line: InvoiceLineRow): TotalsLineInput {
  return {
    kind: line.kind,
    quantity: line.quantity,
    unit_price: line.unitPrice,
    vat_rate: line.vatRate,
    vat_category: line.vatCategory as VatCategory,
    discount_percent: line.discountPercent,
    discount_amount: line.discountAmount,
  };
}

/**
 * Open, partly paid, paid, overdue (past the due date, something due) or credited (credit notes
 * cover it in full): computed, never stored.
 */
function statusOf(row: InvoiceRow, due: bigint, paid: bigint, credited: bigint, today: string): Invoice['status'] {
  if (row.status === 'draft') return 'draft';
  if (due <= 0n) return credited > 0n && paid === 0n ? 'credited' : 'paid';
  if (row.dueDate && row.dueDate < today) return 'overdue';
  return paid > 0n ? 'partially_paid' : 'open';
}

export function toInvoiceDto(
  row: InvoiceRow,
  lines: InvoiceLineRow[],
  paid: bigint,
  customer: { name: string | null; paymentTermDays: number; language: 'nl' | 'en' },
  hasUbl: Invoice['has_ubl'] = null,
  credited = 0n,
): Invoice {
  const totals = computeDocumentTotals({ lines: lines.map(toTotalsLine), discount_percent: row.discountPercent });
  const due = totals.total_incl_vat - paid - credited;
  return {
    object: 'invoice',
    id: row.id,
    type: row.type,
    status: statusOf(row, due, paid, credited, amsterdamDate()),
    number: row.number,
    customer_id: row.organizationId ?? row.personId,
    customer_name: row.snapshot?.customer.name ?? customer.name,
    issue_date: row.issueDate,
    supply_date: row.supplyDate,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    payment_term_days: row.paymentTermDays ?? customer.paymentTermDays,
    due_date: row.dueDate,
    language: row.language ?? customer.language,
    discount_percent: row.discountPercent,
    buyer_reference: row.buyerReference,
    note: row.note,
    payment_means: row.paymentMeans,
    mandate_reference: row.mandateReference,
    payment_reference: row.paymentReference,
    credited_invoice_id: row.creditedInvoiceId,
    currency: 'EUR',
    lines: lines.map((line, index) => ({
      ...lineFieldsOf(line),
      line_total: formatAmount(totals.lines[index]!.net),
    })),
    discount_total: formatAmount(totals.discount_total),
    total_excl_vat: formatAmount(totals.total_excl_vat),
    total_vat: formatAmount(totals.total_vat),
    total_incl_vat: formatAmount(totals.total_incl_vat),
    amount_paid: formatAmount(paid),
    amount_credited: formatAmount(credited),
    amount_due: formatAmount(due),
    vat_breakdown: totals.vat_breakdown.map((group) => ({
      vat_category: group.category,
      vat_rate: group.rate,
      taxable_amount: formatAmount(group.base),
      vat_amount: formatAmount(group.vat),
    })),
    finalized_at: row.finalizedAt?.toISOString() ?? null,
    sent_at: row.sentAt?.toISOString() ?? null,
    has_ubl: row.status === 'issued' ? hasUbl : null,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

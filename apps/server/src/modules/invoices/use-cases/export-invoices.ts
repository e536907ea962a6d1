import { amsterdamDate, type Invoice, type InvoiceExportQuery, parseAmount, formatAmount } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { dateCell, numberCell, type SpreadsheetCell, toSpreadsheet } from '../../../kernel/export/to-spreadsheet.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import {
  INVOICE_EXPORT_COLUMNS,
  INVOICE_EXPORT_LABELS,
  type InvoiceExportColumn,
} from '../domain/invoice-export-labels.ts';
import { listInvoices } from './list-invoices.ts';

/** More than a small business issues in years; beyond it the archive export (art. 17) has everything. */
export const INVOICE_EXPORT_MAX_ROWS = 50_000;
const PAGE = 100;

/**
 * A credit note's amounts are negative in the file, as on its PDF: summing a column gives what
 * was invoiced net of corrections (the API shows a credit note's lines and totals positive).
 */
function invoiceCells(invoice: Invoice, labels: (typeof INVOICE_EXPORT_LABELS)['nl']) {
  const signed = (amount: string) =>
    numberCell(invoice.type === 'credit_note' ? formatAmount(-parseAmount(amount)) : amount);
  const cells: Record<InvoiceExportColumn, SpreadsheetCell> = {
    number: invoice.number,
    type: labels.type[invoice.type],
    status: labels.status[invoice.status],
    customer: invoice.customer_name,
    issue_date: dateCell(invoice.issue_date),
    due_date: dateCell(invoice.due_date),
    total_excl_vat: signed(invoice.total_excl_vat),
    total_vat: signed(invoice.total_vat),
    total_incl_vat: signed(invoice.total_incl_vat),
    amount_paid: signed(invoice.amount_paid),
    amount_due: signed(invoice.amount_due),
  };
  return cells;
}

/** The list as filtered (same filters and order as `GET /api/v1/invoices`) as a CSV or XLSX file. */
export async function exportInvoices(
  ctx: TenantContext,
  query: InvoiceExportQuery,
): Promise<{ fileName: string; contentType: string; bytes: Buffer; count: number }> {
  const { format, ...filters } = query;
  const labels = INVOICE_EXPORT_LABELS[ctx.locale];
  const invoices: Invoice[] = [];
  let startingAfter: string | undefined;
  while (invoices.length < INVOICE_EXPORT_MAX_ROWS) {
    const page = await listInvoices(ctx, { ...filters, limit: PAGE, starting_after: startingAfter });
    invoices.push(...page.data);
    if (!page.has_more || page.data.length === 0) break;
    startingAfter = page.data.at(-1)!.id;
  }
  const rows = invoices.slice(0, INVOICE_EXPORT_MAX_ROWS);
  const file = await toSpreadsheet(
    rows.map((invoice) => invoiceCells(invoice, labels)),
    INVOICE_EXPORT_COLUMNS.map((key) => ({ key, header: labels.columns[key] })),
    format,
    labels.sheet,
  );
  await recordAuditEvent(ctx, {
    action: 'invoices.exported',
    targetType: 'invoice',
    details: { format, count: rows.length, ...filters },
  });
  return { ...file, fileName: `${labels.fileName}-${amsterdamDate()}.${format}`, count: rows.length };
}

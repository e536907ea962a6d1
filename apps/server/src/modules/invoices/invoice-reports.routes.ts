import { invoiceExportQuery, revenue, revenueQuery, vatReport, vatReportQuery } from '@clientbox/contracts';
import type { Kernel } from '../../kernel/kernel.ts';
import { exportInvoices } from './use-cases/export-invoices.ts';
import { getRevenue } from './use-cases/get-revenue.ts';
import { getVatReport } from './use-cases/get-vat-report.ts';

/** Over the issued invoices: the VAT return's figures, the list as a spreadsheet, revenue per month. */
export function registerInvoiceReportRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/vat_report',
    summary:
      'Per VAT category, rate and box of the Dutch VAT return: taxable amount and VAT of the invoices and credit notes (negative) issued in the period, from their frozen snapshots',
    query: vatReportQuery,
    response: { status: 200, schema: vatReport },
    handler: ({ ctx, query }) => getVatReport(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/export',
    summary:
      "The (filtered) invoice list as CSV (UTF-8, comma-separated) or XLSX, in the user's language; credit notes' amounts negative",
    query: invoiceExportQuery,
    response: { status: 200, contentType: 'text/csv' },
    handler: async ({ ctx, query, reply }) => {
      const file = await exportInvoices(ctx, query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/revenue',
    summary: 'Invoiced per month excl. VAT (credit notes subtracted), by issue date, for the last `months` months',
    query: revenueQuery,
    response: { status: 200, schema: revenue },
    handler: ({ ctx, query }) => getRevenue(ctx, query.months),
  });
}

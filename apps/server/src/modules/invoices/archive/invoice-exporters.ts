import type { Kernel } from '../../../kernel/kernel.ts';
import { invoiceFilesExporter } from './invoice-files.export.ts';
import { invoicePaymentsExporter } from './invoice-payments.export.ts';
import { invoiceLinesExporter } from './invoice-lines.export.ts';
import { invoicesExporter } from './invoices.export.ts';
import { numberCountersExporter, numberSeriesExporter } from './number-series.export.ts';

/**
 * The invoices module in the tenant's export archive (terms art. 17), in import order: number
 * formats, documents (as drafts), their lines, stored files and payments, the counters (after
 * the highest number restored); then `invoicesExporter.completeImport` issues the documents.
 */
export function registerInvoiceExporters(kernel: Pick<Kernel, 'exports'>): void {
  kernel.exports.register(numberSeriesExporter);
  kernel.exports.register(invoicesExporter);
  kernel.exports.register(invoiceLinesExporter);
  kernel.exports.register(invoiceFilesExporter);
  kernel.exports.register(invoicePaymentsExporter);
  kernel.exports.register(numberCountersExporter);
}

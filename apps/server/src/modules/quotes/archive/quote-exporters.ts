import type { Kernel } from '../../../kernel/kernel.ts';
import { quoteFilesExporter } from './quote-files.export.ts';
import { quoteLinesExporter } from './quote-lines.export.ts';
import { quotesExporter } from './quotes.export.ts';

/**
 * The quotes module in the tenant's export archive (terms art. 17), in import order: every
 * version (as drafts, after the customers and invoices they name), their lines and stored PDFs;
 * then `quotesExporter.completeImport` gives the sent versions their status back.
 */
export function registerQuoteExporters(kernel: Pick<Kernel, 'exports'>): void {
  kernel.exports.register(quotesExporter);
  kernel.exports.register(quoteLinesExporter);
  kernel.exports.register(quoteFilesExporter);
}

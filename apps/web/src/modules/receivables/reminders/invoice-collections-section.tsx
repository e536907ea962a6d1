import type { InvoiceOnPage } from '../../../shared/ui/invoice-sections.tsx';
import { CollectionHistorySection } from './collection-history-section.tsx';

/**
 * The collections history on an issued invoice's page: its reminders with their letters,
 * payments and direct debits. Rendered through the invoice page's slot; the invoices module
 * does not know the receivables module.
 */
export function InvoiceCollectionsSection({ invoice }: { invoice: InvoiceOnPage }) {
  return <CollectionHistorySection of={{ invoice_id: invoice.id }} />;
}

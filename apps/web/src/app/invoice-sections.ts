import { InvoiceCollectionsSection } from '../modules/receivables/reminders/invoice-collections-section.tsx';
import type { InvoiceSection } from '../shared/ui/invoice-sections.tsx';

/**
 * What other modules add to the page of an issued invoice, in this order. The invoices module
 * renders the slot and imports none of these.
 */
export const INVOICE_SECTIONS: readonly InvoiceSection[] = [
  /** Reminders and collection are part of the invoicing add-on. */
  { key: 'collections', module: 'invoices', Component: InvoiceCollectionsSection },
];

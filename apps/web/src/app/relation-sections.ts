import { CustomerInvoicesSection } from '../modules/invoices/customer-invoices-section.tsx';
import { CustomerQuotesSection } from '../modules/quotes/customer-quotes-section.tsx';
import { CustomerMandatesSection } from '../modules/receivables/mandates/customer-mandates-section.tsx';
import { CustomerCollectionsSection } from '../modules/receivables/reminders/customer-collections-section.tsx';
import { CustomerSubscriptionsSection } from '../modules/subscriptions/customer-subscriptions-section.tsx';
import type { RelationSection } from '../shared/ui/relation-sections.tsx';

/**
 * What other modules add to the page of an organization or person, in this order. The CRM pages
 * render the slot and import none of these; a tenant sees a section only with its module.
 */
export const RELATION_SECTIONS: readonly RelationSection[] = [
  { key: 'invoices', module: 'invoices', Component: CustomerInvoicesSection },
  { key: 'quotes', module: 'quotes', Component: CustomerQuotesSection },
  /** Getting paid is part of the invoicing add-on. */
  { key: 'mandates', module: 'invoices', Component: CustomerMandatesSection },
  /** Reminders, pauses and payments of the customer's invoices, also under the invoicing add-on. */
  { key: 'collections', module: 'invoices', Component: CustomerCollectionsSection },
  { key: 'subscriptions', module: 'subscriptions', Component: CustomerSubscriptionsSection },
];

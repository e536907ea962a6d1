import type { ModuleName } from '@clientbox/contracts';
import { type ComponentType, createContext, type ReactNode, useContext, useMemo } from 'react';

/** The issued invoice whose page is open. */
export interface InvoiceOnPage {
  id: string;
  number: string | null;
  customer_id: string | null;
}

/**
 * A section another module adds to an issued invoice's page (receivables: the collections
 * history). As with the relation page's slot (`relation-sections.tsx`), the invoices module
 * renders the slot and knows none of them; the app lists them (`app/invoice-sections.ts`).
 */
export interface InvoiceSection {
  key: string;
  /** Shown only to tenants with this module. */
  module: ModuleName;
  Component: ComponentType<{ invoice: InvoiceOnPage }>;
}

const InvoiceSectionsContext = createContext<readonly InvoiceSection[]>([]);

/** Offers the sections of the modules the tenant has to every invoice page below it. */
export function InvoiceSectionsProvider({
  sections,
  modules,
  children,
}: {
  sections: readonly InvoiceSection[];
  modules: readonly string[];
  children: ReactNode;
}) {
  const available = useMemo(() => sections.filter((section) => modules.includes(section.module)), [sections, modules]);
  return <InvoiceSectionsContext.Provider value={available}>{children}</InvoiceSectionsContext.Provider>;
}

/** The slot on an issued invoice's page: each available section, in the order the app lists them. */
export function InvoiceSections({ invoice }: { invoice: InvoiceOnPage }) {
  const sections = useContext(InvoiceSectionsContext);
  return sections.map(({ key, Component }) => <Component key={key} invoice={invoice} />);
}

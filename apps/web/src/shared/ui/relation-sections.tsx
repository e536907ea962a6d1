import type { ModuleName } from '@clientbox/contracts';
import { type ComponentType, createContext, type ReactNode, useContext, useMemo } from 'react';

/** The organization or person whose page is open. */
export interface RelationOnPage {
  type: 'organization' | 'person';
  id: string;
  name: string;
}

/**
 * A section another module adds to the page of an organization or person (the invoices module:
 * the customer's balance and invoices). The CRM renders the slot and knows none of them; the app
 * lists them (`app/relation-sections.ts`), so a module adds to a relation's page without the CRM
 * depending on it.
 */
export interface RelationSection {
  key: string;
  /** Shown only to tenants with this module. */
  module: ModuleName;
  Component: ComponentType<{ relation: RelationOnPage }>;
}

const RelationSectionsContext = createContext<readonly RelationSection[]>([]);

/** Offers the sections of the modules the tenant has to every relation page below it. */
export function RelationSectionsProvider({
  sections,
  modules,
  children,
}: {
  sections: readonly RelationSection[];
  modules: readonly string[];
  children: ReactNode;
}) {
  const available = useMemo(() => sections.filter((section) => modules.includes(section.module)), [sections, modules]);
  return <RelationSectionsContext.Provider value={available}>{children}</RelationSectionsContext.Provider>;
}

/** The slot on a relation's page: each available section, in the order the app lists them. */
export function RelationSections({ relation }: { relation: RelationOnPage }) {
  const sections = useContext(RelationSectionsContext);
  return sections.map(({ key, Component }) => <Component key={key} relation={relation} />);
}

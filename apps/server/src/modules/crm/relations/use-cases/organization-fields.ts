import type { CreateOrganization, UpdateOrganization } from '@clientbox/contracts';
import type { OrganizationChanges } from '../organizations.repository.ts';

const FIELD_TO_COLUMN = {
  name: 'name',
  trading_name: 'tradingName',
  kvk_number: 'kvkNumber',
  vat_number: 'vatNumber',
  iban: 'iban',
  bic: 'bic',
  is_lead: 'isLead',
  is_customer: 'isCustomer',
  is_supplier: 'isSupplier',
  payment_term_days: 'paymentTermDays',
  document_locale: 'documentLocale',
  invoice_email: 'invoiceEmail',
  website: 'website',
  tags: 'tags',
  owner_user_id: 'ownerUserId',
} as const satisfies Partial<Record<keyof UpdateOrganization, keyof OrganizationChanges>>;

/** The organization's own columns among the fields sent; null clears, absent leaves alone. */
export function toOrganizationChanges(input: CreateOrganization | UpdateOrganization): OrganizationChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_TO_COLUMN)) {
    const value = input[field as keyof typeof FIELD_TO_COLUMN];
    if (value !== undefined) changes[column] = value;
  }
  return changes as OrganizationChanges;
}

/** The columns whose value differs from the stored row (tags compared as lists). */
export function differingColumns<Row extends Record<string, unknown>>(row: Row, changes: Partial<Row>): string[] {
  return Object.keys(changes).filter((key) => {
    const next = changes[key as keyof Row];
    const current = row[key as keyof Row];
    return Array.isArray(next) ? JSON.stringify(next) !== JSON.stringify(current) : next !== current;
  });
}

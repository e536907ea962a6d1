import type { Company, UpdateCompany } from '@clientbox/contracts';
import type { CompanyChanges, CompanyRow } from './company.repository.ts';

export function toCompanyDto(row: CompanyRow): Company {
  return {
    object: 'company',
    tenant_id: row.tenantId,
    legal_name: row.legalName,
    trading_name: row.tradingName,
    street: row.street,
    postal_code: row.postalCode,
    city: row.city,
    country: row.country,
    kvk_number: row.kvkNumber,
    vat_number: row.vatNumber,
    iban: row.iban,
    bic: row.bic,
    sepa_creditor_id: row.sepaCreditorId,
    email: row.email,
    phone: row.phone,
    website: row.website,
    default_payment_term_days: row.defaultPaymentTermDays,
    has_logo: row.logoFileId !== null,
    version: row.version,
    updated_at: row.updatedAt.toISOString(),
  };
}

const FIELD_TO_COLUMN = {
  legal_name: 'legalName',
  trading_name: 'tradingName',
  street: 'street',
  postal_code: 'postalCode',
  city: 'city',
  country: 'country',
  kvk_number: 'kvkNumber',
  vat_number: 'vatNumber',
  iban: 'iban',
  bic: 'bic',
  sepa_creditor_id: 'sepaCreditorId',
  email: 'email',
  phone: 'phone',
  website: 'website',
  default_payment_term_days: 'defaultPaymentTermDays',
} as const satisfies Record<keyof UpdateCompany, keyof CompanyChanges>;

/** Only the fields present in the request change; null clears a field. */
export function toCompanyChanges(input: UpdateCompany): CompanyChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_TO_COLUMN)) {
    const value = input[field as keyof UpdateCompany];
    if (value !== undefined) changes[column] = value;
  }
  return changes as CompanyChanges;
}

import type { Company } from '@clientbox/contracts';
import type { SupplierSnapshot } from './document-snapshot.ts';

export type MissingField = { field: string; code: string };

/**
 * What every business document needs of the supplier, one error per missing item naming the
 * company field: name and address, KvK number (art. 20 Handelsregisterbesluit 2008), btw-id and
 * IBAN (art. 35a Wet OB, domain rules §1.1).
 */
export function missingSupplierDetails(company: Company): MissingField[] {
  const fields = ['legal_name', 'street', 'postal_code', 'city', 'kvk_number', 'vat_number', 'iban'] as const;
  return fields
    .filter((field) => company[field] === null || company[field] === undefined || company[field] === '')
    .map((field) => ({ field: `company.${field}`, code: 'required' }));
}

/** The supplier as a document prints it; call after `missingSupplierDetails` found nothing missing. */
export function supplierSnapshot(company: Company, logo: SupplierSnapshot['logo']): SupplierSnapshot {
  return {
    name: company.legal_name,
    address: {
      street: company.street!,
      postal_code: company.postal_code!,
      city: company.city!,
      country: company.country,
    },
    kvk_number: company.kvk_number!,
    vat_number: company.vat_number!,
    iban: company.iban!,
    bic: company.bic,
    email: company.email,
    phone: company.phone,
    website: company.website,
    // The SEPA creditor identifier (§5.3): direct-debit invoices name it (UBL BT-90, the e-mail).
    creditor_id: company.sepa_creditor_id,
    logo,
  };
}

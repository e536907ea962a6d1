import { normalizeIdentifier } from '@clientbox/contracts';
import type { CustomerSnapshot, DocumentAddress, DocumentSnapshot, SupplierSnapshot } from './document-snapshot.ts';
import { ublError } from './ubl-errors.ts';
import { element, type XmlElement } from './ubl-xml.ts';

/** KvK number (ICD 0106): the supplier's endpoint and legal id (NL-R-003, BR-NL-1). */
const KVK_SCHEME = '0106';

/**
 * Peppol electronic address schemes (EAS) for a buyer known only by VAT id, by the id's
 * country prefix; the value is the VAT id itself. Belgium and Denmark register their Peppol
 * participants under the enterprise/CVR number (0208, 0184), which is the VAT id's digits.
 * Countries missing here (IT, SE, FI, …) use national schemes with their own formats: such a
 * buyer needs a KvK number or is refused rather than sent to an address nobody receives.
 */
const VAT_ENDPOINT_SCHEMES: Record<string, string> = {
  NL: '9944',
  AT: '9914',
  BG: '9926',
  CH: '9927',
  CY: '9928',
  CZ: '9929',
  DE: '9930',
  EE: '9931',
  EL: '9933',
  ES: '9920',
  FR: '9957',
  GB: '9932',
  HR: '9934',
  HU: '9910',
  IE: '9935',
  LT: '9937',
  LU: '9938',
  LV: '9939',
  MT: '9943',
  PL: '9945',
  PT: '9946',
  RO: '9947',
  SI: '9949',
  SK: '9950',
};

export interface PartyOptions {
  /** BR-O-02: a document with category O carries no VAT ids at all. */
  withVatNumbers: boolean;
  /** Direct debit: the SEPA creditor id as the seller identifier (BT-90). */
  sepaCreditorId: string | null;
}

export function supplierParty(supplier: SupplierSnapshot, options: PartyOptions): XmlElement {
  const kvk = normalizeIdentifier(supplier.kvk_number);
  return element('cac:AccountingSupplierParty', [
    element('cac:Party', [
      element('cbc:EndpointID', kvk, { schemeID: KVK_SCHEME }),
      options.sepaCreditorId &&
        element('cac:PartyIdentification', [
          element('cbc:ID', normalizeIdentifier(options.sepaCreditorId), { schemeID: 'SEPA' }),
        ]),
      element('cac:PartyName', [element('cbc:Name', supplier.name)]),
      postalAddress(supplier.address),
      options.withVatNumbers && partyTaxScheme(supplier.vat_number),
      element('cac:PartyLegalEntity', [
        element('cbc:RegistrationName', supplier.name),
        element('cbc:CompanyID', kvk, { schemeID: KVK_SCHEME }),
      ]),
      (supplier.phone || supplier.email) &&
        element('cac:Contact', [
          supplier.phone && element('cbc:Telephone', supplier.phone),
          supplier.email && element('cbc:ElectronicMail', supplier.email),
        ]),
    ]),
  ]);
}

export function customerParty(
  document: DocumentSnapshot,
  profile: 'peppol' | 'nlcius',
  options: PartyOptions,
): XmlElement {
  const customer = document.customer;
  if (!customer.address) {
    throw ublError('ubl_customer_address_missing', `${document.number}: the customer has no postal address`);
  }
  const kvk = customer.kvk_number ? normalizeIdentifier(customer.kvk_number) : null;
  // BR-NL-10 (NLCIUS only): a Dutch buyer's PartyLegalEntity, which must exist for the buyer's
  // name (BT-44), needs a KvK or OIN id. Peppol's NL-R-005 checks such an id only when present.
  if (profile === 'nlcius' && customer.address.country === 'NL' && !kvk) {
    throw ublError('ubl_customer_kvk_missing', `${document.number}: NLCIUS needs the KvK number of a Dutch customer`);
  }
  return element('cac:AccountingCustomerParty', [
    element('cac:Party', [
      customerEndpoint(document.number, customer),
      element('cac:PartyName', [element('cbc:Name', customer.name)]),
      postalAddress(customer.address),
      options.withVatNumbers && customer.vat_number && partyTaxScheme(customer.vat_number),
      element('cac:PartyLegalEntity', [
        element('cbc:RegistrationName', customer.name),
        kvk && element('cbc:CompanyID', kvk, { schemeID: KVK_SCHEME }),
      ]),
      (customer.contact_name || customer.email) &&
        element('cac:Contact', [
          customer.contact_name && element('cbc:Name', customer.contact_name),
          customer.email && element('cbc:ElectronicMail', customer.email),
        ]),
    ]),
  ]);
}

/**
 * PEPPOL-EN16931-R010: the buyer's electronic address is required, from a fixed scheme list
 * (CL008) that has no e-mail scheme. We use the KvK number (0106) when known, else the VAT id.
 */
function customerEndpoint(documentNumber: string, customer: CustomerSnapshot): XmlElement {
  if (customer.kvk_number)
    return element('cbc:EndpointID', normalizeIdentifier(customer.kvk_number), { schemeID: KVK_SCHEME });
  const vat = customer.vat_number ? normalizeIdentifier(customer.vat_number) : '';
  const prefix = vat.slice(0, 2);
  if (prefix === 'BE') return element('cbc:EndpointID', vat.slice(2), { schemeID: '0208' });
  if (prefix === 'DK') return element('cbc:EndpointID', vat, { schemeID: '0184' });
  const scheme = VAT_ENDPOINT_SCHEMES[prefix];
  if (!scheme) {
    throw ublError(
      'ubl_customer_identifier_missing',
      `${documentNumber}: the customer needs a KvK number or an EU VAT id to be addressed over Peppol`,
    );
  }
  return element('cbc:EndpointID', vat, { schemeID: scheme });
}

function postalAddress(address: DocumentAddress): XmlElement {
  return element('cac:PostalAddress', [
    element('cbc:StreetName', address.street),
    element('cbc:CityName', address.city),
    element('cbc:PostalZone', address.postal_code),
    element('cac:Country', [element('cbc:IdentificationCode', address.country)]),
  ]);
}

function partyTaxScheme(vatNumber: string): XmlElement {
  return element('cac:PartyTaxScheme', [
    element('cbc:CompanyID', normalizeIdentifier(vatNumber)),
    element('cac:TaxScheme', [element('cbc:ID', 'VAT')]),
  ]);
}

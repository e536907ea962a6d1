import type { DocumentSnapshot, SnapshotLine } from '../document-snapshot.ts';

/** An item line with the usual defaults; override what a case is about. */
export function line(
  description: string,
  quantity: string,
  unitPrice: string,
  vatRate: string | null,
  extra: Partial<SnapshotLine> = {},
): SnapshotLine {
  return {
    kind: 'item',
    description,
    product_code: null,
    quantity,
    unit_code: 'C62',
    unit_price: unitPrice,
    vat_rate: vatRate,
    vat_category: 'S',
    discount_percent: null,
    discount_amount: null,
    is_optional: false,
    is_excluded: false,
    ...extra,
  };
}

/**
 * The worked invoice of domain rules §2.3 between the golden-test parties of §3.1: supplier KvK
 * 12345678, NL004495445B01, IBAN NL91ABNA0417164300; customer KvK 87654321, NL000099998B57.
 * Totals: 575.77 excl. VAT, 97.96 VAT (80.75 at 21%, 17.21 at 9%), 673.73 incl.
 */
export function goldenInvoice(overrides: Partial<DocumentSnapshot> = {}): DocumentSnapshot {
  return {
    type: 'invoice',
    language: 'nl',
    currency: 'EUR',
    number: '2026-000123',
    issue_date: '2026-03-02',
    due_date: '2026-03-16',
    valid_until: null,
    supply_date: null,
    period: null,
    supplier: {
      name: 'Clientbox Demo B.V.',
      address: { street: 'Keizersgracht 1', postal_code: '1015 CJ', city: 'Amsterdam', country: 'NL' },
      kvk_number: '12345678',
      vat_number: 'NL004495445B01',
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
      email: 'facturen@demo.example',
      phone: '+31201234567',
      website: 'https://demo.example',
      creditor_id: 'NL51ZZZ405365330000',
      logo: null,
    },
    customer: {
      name: 'Afnemer B.V.',
      address: { street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' },
      kvk_number: '87654321',
      vat_number: 'NL000099998B57',
      contact_name: 'Karin Jansen',
      email: 'crediteuren@afnemer.example',
    },
    lines: [
      line('Licentie per gebruiker', '3', '19.99', '21'),
      line('Ondersteuning', '2.5', '85.00', '21', { unit_code: 'HUR' }),
      line('Workshop', '1', '112.03', '21'),
      line('Handboek', '7', '12.3456', '9'),
      line('Catering', '12', '8.7375', '9'),
    ],
    discount_percent: null,
    payment: { means: 'credit_transfer', reference: 'RF462026000123', mandate_reference: null, debtor_iban: null },
    billing_reference: null,
    buyer_reference: null,
    deliver_to_country: null,
    note: null,
    ...overrides,
  };
}

/**
 * A credit note for part of the golden invoice (domain rules §1.3): its own number, a reference
 * to 2026-000123, and positive quantities (the PDF shows them negative, UBL as a CreditNote).
 */
export function goldenCreditNote(overrides: Partial<DocumentSnapshot> = {}): DocumentSnapshot {
  return goldenInvoice({
    type: 'credit_note',
    number: '2026-000130',
    issue_date: '2026-03-10',
    due_date: '2026-03-24',
    lines: [line('Ondersteuning', '1', '85.00', '21', { unit_code: 'HUR' }), line('Handboek', '2', '12.3456', '9')],
    payment: { means: 'credit_transfer', reference: 'RF512026000130', mandate_reference: null, debtor_iban: null },
    billing_reference: { number: '2026-000123', issue_date: '2026-03-02' },
    ...overrides,
  });
}

/** A Belgian business customer known by VAT id only (no KvK), for intra-EU supplies (K). */
export const BELGIAN_CUSTOMER: DocumentSnapshot['customer'] = {
  name: 'Klant Brussel BV',
  address: { street: 'Wetstraat 16', postal_code: '1000', city: 'Brussel', country: 'BE' },
  kvk_number: null,
  vat_number: 'BE0403170701',
  contact_name: null,
  email: 'boekhouding@klant.example',
};

import type { DocumentSnapshot } from '../document-snapshot.ts';

/** Every word the PDF shows, in the customer's language (document.language). */
export type DocumentLanguage = DocumentSnapshot['language'];
type DocumentType = DocumentSnapshot['type'];

export interface Labels {
  title: Record<DocumentType, string>;
  number: Record<DocumentType, string>;
  date: Record<DocumentType, string>;
  dueDate: string;
  validUntil: string;
  supplyDate: string;
  period: string;
  periodRange: (start: string, end: string) => string;
  buyerReference: string;
  creditNoteFor: (invoiceNumber: string, invoiceDate: string) => string;
  kvk: string;
  vatNumber: string;
  iban: string;
  bic: string;
  attention: string;
  columns: {
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    discount: string;
    vatRate: string;
    net: string;
  };
  optional: string;
  optionalExcluded: string;
  notIncluded: string;
  reverseChargedShort: string;
  vatRate: string;
  taxableAmount: string;
  subtotal: string;
  documentDiscount: (percent: string) => string;
  totalExclVat: string;
  vatOn: (rate: string, base: string) => string;
  totalVat: string;
  totalInclVat: string;
  customerVatNumber: (vatNumber: string) => string;
  deliverToCountry: (country: string) => string;
  payment: string;
  paymentTerm: string;
  days: (count: number) => string;
  accountHolder: string;
  paymentReference: string;
  amountDue: string;
  transferRequest: string;
  scanToPay: string;
  directDebit: (amount: string, mandate: string, debtorAccount: string | null, creditorId: string | null) => string;
  page: (page: number, pages: number) => string;
  months: readonly string[];
}

const nl: Labels = {
  title: { invoice: 'Factuur', credit_note: 'Creditnota', quote: 'Offerte' },
  number: { invoice: 'Factuurnummer', credit_note: 'Creditnotanummer', quote: 'Offertenummer' },
  date: { invoice: 'Factuurdatum', credit_note: 'Creditnotadatum', quote: 'Offertedatum' },
  dueDate: 'Vervaldatum',
  validUntil: 'Geldig tot',
  supplyDate: 'Leverdatum',
  period: 'Periode',
  periodRange: (start, end) => `${start} t/m ${end}`,
  buyerReference: 'Uw referentie',
  creditNoteFor: (number, date) => `Creditnota voor factuur ${number} van ${date}`,
  kvk: 'KvK',
  vatNumber: 'Btw-id',
  iban: 'IBAN',
  bic: 'BIC',
  attention: 't.a.v.',
  columns: {
    description: 'Omschrijving',
    quantity: 'Aantal',
    unit: 'Eenheid',
    unitPrice: 'Prijs excl. btw',
    discount: 'Korting',
    vatRate: 'Btw',
    net: 'Bedrag',
  },
  optional: 'Optioneel',
  optionalExcluded: 'Optioneel, niet inbegrepen in het totaal',
  notIncluded: 'n.v.t.',
  reverseChargedShort: 'verlegd',
  vatRate: 'Btw-tarief',
  taxableAmount: 'Grondslag',
  subtotal: 'Subtotaal',
  documentDiscount: (percent) => `Korting ${percent}`,
  totalExclVat: 'Totaal excl. btw',
  vatOn: (rate, base) => `Btw ${rate} over ${base}`,
  totalVat: 'Totaal btw',
  totalInclVat: 'Totaal incl. btw',
  customerVatNumber: (vatNumber) => `btw-id afnemer: ${vatNumber}`,
  deliverToCountry: (country) => `land van bestemming: ${country}`,
  payment: 'Betaling',
  paymentTerm: 'Betalingstermijn',
  days: (count) => `${count} ${count === 1 ? 'dag' : 'dagen'}`,
  accountHolder: 'Ten name van',
  paymentReference: 'Betalingskenmerk',
  amountDue: 'Te betalen',
  transferRequest:
    'Wij verzoeken u het bedrag vóór de vervaldatum over te maken onder vermelding van het betalingskenmerk.',
  scanToPay: 'Scan met uw bank-app om te betalen',
  directDebit: (amount, mandate, debtorAccount, creditorId) =>
    `Het bedrag van ${amount} wordt automatisch afgeschreven` +
    (debtorAccount ? ` van uw rekening eindigend op ${debtorAccount}` : '') +
    ` op grond van machtiging ${mandate}` +
    (creditorId ? ` (incassant-id ${creditorId})` : '') +
    '.',
  page: (page, pages) => `Pagina ${page} van ${pages}`,
  months: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

const en: Labels = {
  title: { invoice: 'Invoice', credit_note: 'Credit note', quote: 'Quote' },
  number: { invoice: 'Invoice number', credit_note: 'Credit note number', quote: 'Quote number' },
  date: { invoice: 'Invoice date', credit_note: 'Credit note date', quote: 'Quote date' },
  dueDate: 'Due date',
  validUntil: 'Valid until',
  supplyDate: 'Date of supply',
  period: 'Period',
  periodRange: (start, end) => `${start} to ${end}`,
  buyerReference: 'Your reference',
  creditNoteFor: (number, date) => `Credit note for invoice ${number} of ${date}`,
  kvk: 'Chamber of Commerce (KvK)',
  vatNumber: 'VAT number',
  iban: 'IBAN',
  bic: 'BIC',
  attention: 'Attn.',
  columns: {
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Price excl. VAT',
    discount: 'Discount',
    vatRate: 'VAT',
    net: 'Amount',
  },
  optional: 'Optional',
  optionalExcluded: 'Optional, not included in the total',
  notIncluded: 'n/a',
  reverseChargedShort: 'reverse',
  vatRate: 'VAT rate',
  taxableAmount: 'Taxable amount',
  subtotal: 'Subtotal',
  documentDiscount: (percent) => `Discount ${percent}`,
  totalExclVat: 'Total excl. VAT',
  vatOn: (rate, base) => `VAT ${rate} on ${base}`,
  totalVat: 'Total VAT',
  totalInclVat: 'Total incl. VAT',
  customerVatNumber: (vatNumber) => `customer VAT number: ${vatNumber}`,
  deliverToCountry: (country) => `country of destination: ${country}`,
  payment: 'Payment',
  paymentTerm: 'Payment term',
  days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
  accountHolder: 'Account holder',
  paymentReference: 'Payment reference',
  amountDue: 'Amount due',
  transferRequest: 'Please transfer the amount before the due date, quoting the payment reference.',
  scanToPay: 'Scan with your banking app to pay',
  directDebit: (amount, mandate, debtorAccount, creditorId) =>
    `The amount of ${amount} will be debited automatically` +
    (debtorAccount ? ` from your account ending in ${debtorAccount}` : '') +
    ` under mandate ${mandate}` +
    (creditorId ? ` (creditor ID ${creditorId})` : '') +
    '.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const LABELS: Record<DocumentLanguage, Labels> = { nl, en };

export function labelsFor(language: DocumentLanguage): Labels {
  return LABELS[language];
}

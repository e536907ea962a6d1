/** A supplier and customer complete enough to issue invoices (domain rules §1.1), and the golden lines (§2.3). */
export const SUPPLIER = {
  legal_name: 'Clientbox Demo B.V.',
  street: 'Keizersgracht 1',
  postal_code: '1015 CJ',
  city: 'Amsterdam',
  kvk_number: '12345678',
  vat_number: 'NL004495445B01',
  iban: 'NL91ABNA0417164300',
};

export const CUSTOMER = {
  name: 'Afnemer B.V.',
  kvk_number: '87654321',
  vat_number: 'NL000099998B57',
  is_customer: true,
  addresses: [{ type: 'invoice', street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' }],
};

/** 575.77 excl. VAT, 97.96 VAT, 673.73 incl. */
export const GOLDEN_LINES = [
  { description: 'Licentie per gebruiker', quantity: '3', unit_price: '19.99', vat_rate: '21' },
  { description: 'Ondersteuning', quantity: '2.5', unit_price: '85.00', vat_rate: '21', unit_code: 'HUR' },
  { description: 'Workshop', quantity: '1', unit_price: '112.03', vat_rate: '21' },
  { description: 'Handboek', quantity: '7', unit_price: '12.3456', vat_rate: '9' },
  { description: 'Catering', quantity: '12', unit_price: '8.7375', vat_rate: '9' },
];

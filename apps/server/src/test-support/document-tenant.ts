import { expect } from 'vitest';
import type { ProvisionedTenant } from '../kernel/accounts/provision-tenant.ts';
import type { TestApp } from './test-app.ts';

/**
 * The parties of the golden tests (domain rules §3.1): a supplier whose company profile is
 * complete enough to issue documents (§1.1) and a business customer with an invoice address.
 * Quotes, invoices and receivables start from these; a test adds what its own module needs
 * (`{ ...SUPPLIER, sepa_creditor_id }`).
 */
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
/** Invoice 2026-000123 of domain rules §2.3: 575.77 excl. VAT, 97.96 VAT, 673.73 incl. */
export const GOLDEN_LINES = [
  { description: 'Licentie per gebruiker', quantity: '3', unit_price: '19.99', vat_rate: '21' },
  { description: 'Ondersteuning', quantity: '2.5', unit_price: '85.00', vat_rate: '21', unit_code: 'HUR' },
  { description: 'Workshop', quantity: '1', unit_price: '112.03', vat_rate: '21' },
  { description: 'Handboek', quantity: '7', unit_price: '12.3456', vat_rate: '9' },
  { description: 'Catering', quantity: '12', unit_price: '8.7375', vat_rate: '9' },
];

/**
 * Makes the tenant ready to issue documents: gives it the supplier's company profile and creates
 * the customer; returns the customer's id.
 */
export async function readyDocumentTenant(
  t: TestApp,
  tenant: ProvisionedTenant,
  parties: { supplier?: object; customer?: object } = {},
): Promise<string> {
  const { supplier = SUPPLIER, customer = CUSTOMER } = parties;
  const company = await t.api(tenant.api_key, { method: 'PATCH', url: '/api/v1/company', payload: supplier });
  expect(company.statusCode, company.body).toBe(200);
  const created = await t.api(tenant.api_key, { method: 'POST', url: '/api/v1/organizations', payload: customer });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

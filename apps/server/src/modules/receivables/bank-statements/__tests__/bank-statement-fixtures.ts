import { expect } from 'vitest';
import type { ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { multipart } from '../../../../test-support/multipart.ts';
import type { TestApp } from '../../../../test-support/test-app.ts';
import type { BankStatement, StatementEntry, StatementTransaction } from '../../statements/bank-statement.ts';

/** The company's own account (SUPPLIER.iban) and the customer's, which the CRM knows. */
export const OWN_IBAN = 'NL91ABNA0417164300';
export const CUSTOMER_IBAN = 'NL02ABNA0123456789';
/** The invoice of domain rules §2.3: 575.77 excl. VAT, 97.96 VAT, 673.73 incl. */
export const INVOICE_TOTAL = 67373n;
const INVOICE_LINES = [
  { description: 'Licentie per gebruiker', quantity: '3', unit_price: '19.99', vat_rate: '21' },
  { description: 'Ondersteuning', quantity: '2.5', unit_price: '85.00', vat_rate: '21', unit_code: 'HUR' },
  { description: 'Workshop', quantity: '1', unit_price: '112.03', vat_rate: '21' },
  { description: 'Handboek', quantity: '7', unit_price: '12.3456', vat_rate: '9' },
  { description: 'Catering', quantity: '12', unit_price: '8.7375', vat_rate: '9' },
];
const SUPPLIER = {
  legal_name: 'Clientbox Demo B.V.',
  street: 'Keizersgracht 1',
  postal_code: '1015 CJ',
  city: 'Amsterdam',
  kvk_number: '12345678',
  vat_number: 'NL004495445B01',
  iban: OWN_IBAN,
  sepa_creditor_id: 'NL69ZZZ123456780000',
};
const CUSTOMER = {
  name: 'Afnemer B.V.',
  kvk_number: '87654321',
  vat_number: 'NL000099998B57',
  is_customer: true,
  iban: CUSTOMER_IBAN,
  addresses: [{ type: 'invoice', street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' }],
};

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function apiOf(t: TestApp) {
  return (key: string, method: Method, url: string, payload?: unknown) =>
    t.api(key, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** POST /api/v1/bank_statements with the file as the bank gave it. */
export function uploadStatement(t: TestApp, tenant: ProvisionedTenant, fileName: string, content: string) {
  const type = fileName.endsWith('.xml') ? 'application/xml' : 'text/plain';
  return t.api(tenant.api_key, {
    method: 'POST',
    url: '/api/v1/bank_statements',
    ...multipart('file', fileName, type, Buffer.from(content, 'utf8')),
  });
}

/** The golden supplier (with a creditor identifier, for mandates) and a customer with a known IBAN. */
export async function readyPayee(t: TestApp, tenant: ProvisionedTenant): Promise<string> {
  const api = apiOf(t);
  const company = await api(tenant.api_key, 'PATCH', '/api/v1/company', SUPPLIER);
  expect(company.statusCode, company.body).toBe(200);
  const customer = await api(tenant.api_key, 'POST', '/api/v1/organizations', CUSTOMER);
  expect(customer.statusCode, customer.body).toBe(201);
  return customer.json().id;
}

/** An issued invoice of 673.73: its id, number and RF payment reference. */
export async function issuedInvoice(t: TestApp, tenant: ProvisionedTenant, customerId: string) {
  const api = apiOf(t);
  const draft = await api(tenant.api_key, 'POST', '/api/v1/invoices', {
    customer_id: customerId,
    lines: INVOICE_LINES,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const finalized = await api(tenant.api_key, 'POST', `/api/v1/invoices/${draft.json().id}/finalize`);
  expect(finalized.statusCode, finalized.body).toBe(200);
  const invoice = finalized.json();
  return { id: invoice.id as string, number: invoice.number as string, reference: invoice.payment_reference as string };
}

export function transaction(fields: Partial<StatementTransaction> = {}): StatementTransaction {
  return {
    amount: null,
    endToEndId: 'NOTPROVIDED',
    mandateId: null,
    counterparty: null,
    remittance: { unstructured: null, structured: null },
    returnReasonCode: null,
    ...fields,
  };
}

export function entry(
  amount: bigint,
  creditDebit: 'CRDT' | 'DBIT',
  transactions: StatementTransaction[],
  fields: Partial<StatementEntry> = {},
): StatementEntry {
  return {
    amount,
    creditDebit,
    status: 'BOOK',
    bookingDate: '2026-03-19',
    valueDate: '2026-03-19',
    bankReference: null,
    isReversal: false,
    batch: null,
    transactions,
    ...fields,
  };
}

/** A statement of the own account whose closing balance adds up (pending entries do not count). */
export function statementOf(statementId: string, entries: StatementEntry[], opening = 100000n): BankStatement {
  const booked = entries
    .filter((candidate) => candidate.status === 'BOOK')
    .reduce((sum, candidate) => sum + (candidate.creditDebit === 'CRDT' ? candidate.amount : -candidate.amount), 0n);
  return {
    format: 'camt.053.001.02',
    statementId,
    accountIban: OWN_IBAN,
    currency: 'EUR',
    openingBalance: { amount: opening, date: '2026-03-18' },
    closingBalance: { amount: opening + booked, date: '2026-03-19' },
    entries,
  };
}

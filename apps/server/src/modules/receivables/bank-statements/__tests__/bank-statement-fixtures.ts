import { expect } from 'vitest';
import type { ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { apiOf } from '../../../../test-support/api-requests.ts';
import { CUSTOMER, GOLDEN_LINES, readyDocumentTenant, SUPPLIER } from '../../../../test-support/document-tenant.ts';
import { multipart } from '../../../../test-support/multipart.ts';
import type { TestApp } from '../../../../test-support/test-app.ts';
import type { BankStatement, StatementEntry, StatementTransaction } from '../../statements/bank-statement.ts';

/** The company's own account (SUPPLIER.iban) and the customer's, which the CRM knows. */
export const OWN_IBAN = 'NL91ABNA0417164300';
export const CUSTOMER_IBAN = 'NL02ABNA0123456789';
/** The invoice of domain rules §2.3 (GOLDEN_LINES): 575.77 excl. VAT, 97.96 VAT, 673.73 incl. */
export const INVOICE_TOTAL = 67373n;
const PAYEE = { ...SUPPLIER, iban: OWN_IBAN, sepa_creditor_id: 'NL69ZZZ123456780000' };
const PAYER = { ...CUSTOMER, iban: CUSTOMER_IBAN };

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
export function readyPayee(t: TestApp, tenant: ProvisionedTenant): Promise<string> {
  return readyDocumentTenant(t, tenant, { supplier: PAYEE, customer: PAYER });
}

/** An issued invoice of 673.73: its id, number and RF payment reference. */
export async function issuedInvoice(t: TestApp, tenant: ProvisionedTenant, customerId: string) {
  const api = apiOf(t);
  const draft = await api(tenant.api_key, 'POST', '/api/v1/invoices', {
    customer_id: customerId,
    lines: GOLDEN_LINES,
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

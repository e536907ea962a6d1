import { bankStatement, bankStatementDetail } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { apiOf } from '../../../../test-support/api-requests.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import type { StatementEntry } from '../../statements/bank-statement.ts';
import { buildCamt053 } from '../../statements/__tests__/build-camt053.ts';
import { betalingskenmerkCheckDigit } from '../domain/betalingskenmerk.ts';
import {
  entry,
  INVOICE_TOTAL,
  issuedInvoice,
  readyPayee,
  statementOf,
  transaction,
  uploadStatement,
} from './bank-statement-fixtures.ts';

/** A 16-digit betalingskenmerk carrying the invoice number's digits (domain rules §6.4). */
function kenmerkOf(invoiceNumber: string): string {
  const digits = invoiceNumber.replace(/\D/g, '').padStart(15, '0');
  return `${betalingskenmerkCheckDigit(digits)}${digits}`;
}

describe('bank statements: continuity with the previous statement, betalingskenmerk (§5.5, §6.4)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  let api: ReturnType<typeof apiOf>;

  const get = async (url: string) => {
    const response = await api(acme.api_key, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** A statement from `from` to `to` opening with `opening` cents; its closing balance adds up. */
  async function importStatement(id: string, from: string, to: string, opening: bigint, entries: StatementEntry[]) {
    const base = statementOf(id, entries, opening);
    const xml = buildCamt053({
      ...base,
      openingBalance: { amount: opening, date: from },
      closingBalance: { amount: base.closingBalance.amount, date: to },
    });
    const response = await uploadStatement(t, acme, `${id}.xml`, xml);
    expect(response.statusCode, response.body).toBe(201);
    return bankStatement.parse(response.json().statements[0]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    acme = await t.createTenant();
    customerId = await readyPayee(t, acme);
  });
  afterAll(() => t?.close());

  it('books a payment whose structured reference is a valid betalingskenmerk with the invoice number', async () => {
    const invoice = await issuedInvoice(t, acme, customerId);
    const other = await issuedInvoice(t, acme, customerId);
    const wrongCheck = `${(Number(kenmerkOf(other.number)[0]) + 1) % 10}${kenmerkOf(other.number).slice(1)}`;
    const structured = (reference: string) =>
      transaction({ remittance: { unstructured: null, structured: { reference, issuer: 'CUR' } } });
    const imported = await importStatement('KENMERK-1', '2026-04-01', '2026-04-01', 100000n, [
      entry(INVOICE_TOTAL, 'CRDT', [structured(kenmerkOf(invoice.number))], { bankReference: 'KM-1' }),
      entry(INVOICE_TOTAL, 'CRDT', [structured(wrongCheck)], { bankReference: 'KM-2' }),
    ]);
    const detail = bankStatementDetail.parse(await get(`/api/v1/bank_statements/${imported.id}`));
    expect(detail.entries[0]).toMatchObject({
      status: 'booked',
      match_rule: 'structured_reference',
      invoice_id: invoice.id,
      booked_amount: '673.73',
    });
    // A wrong check digit is no kenmerk, and its digits are no word of their own: the manual queue.
    expect(detail.entries[1]).toMatchObject({ status: 'unmatched', invoice_id: null });
    expect((await get(`/api/v1/invoices/${invoice.id}`)).status).toBe('paid');
    expect((await get(`/api/v1/invoices/${other.id}`)).amount_due).toBe('673.73');
  });

  it('flags a statement that does not open with the previous closing balance, and clears it once the gap is filled', async () => {
    // The account's statements are ordered by closing date: KENMERK-1 (04-01) closes with 2,347.46.
    const first = await importStatement('CONT-1', '2026-04-02', '2026-04-02', 234746n, [
      entry(5000n, 'CRDT', [transaction({ remittance: { unstructured: 'Gift', structured: null } })], {
        bankReference: 'CONT-REF-1',
      }),
    ]);
    expect(first.continuity).toMatchObject({
      status: 'continuous',
      previous_closing_balance: { amount: '2347.46', date: '2026-04-01' },
      gap_amount: '0.00',
    });

    // 04-03 is missing: the 04-04 statement opens with 100.00 more than CONT-1 closed with (2,397.46).
    const later = await importStatement('CONT-3', '2026-04-04', '2026-04-04', 249746n, []);
    expect(later.continuity).toEqual({
      status: 'gap',
      previous_statement_id: first.id,
      previous_closing_balance: { amount: '2397.46', date: '2026-04-02' },
      gap_amount: '100.00',
    });
    const listed = (await get('/api/v1/bank_statements')).data as { id: string; continuity: { status: string } }[];
    expect(listed.find((row) => row.id === later.id)?.continuity.status).toBe('gap');
    expect((await get(`/api/v1/bank_statements/${later.id}`)).continuity.gap_amount).toBe('100.00');
    const audit = (await get('/api/v1/audit_events')).data;
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'bank_statement.imported',
        details: expect.objectContaining({ continuity_gaps: [{ statement_id: 'CONT-3', gap_amount: '100.00' }] }),
      }),
    );

    // The missing statement arrives: both sides now join up.
    const missing = await importStatement('CONT-2', '2026-04-03', '2026-04-03', 239746n, [
      entry(10000n, 'CRDT', [transaction({ remittance: { unstructured: 'Rente', structured: null } })], {
        bankReference: 'CONT-REF-2',
      }),
    ]);
    expect(missing.continuity).toMatchObject({ status: 'continuous', previous_statement_id: first.id });
    expect((await get(`/api/v1/bank_statements/${later.id}`)).continuity).toMatchObject({
      status: 'continuous',
      previous_statement_id: missing.id,
      gap_amount: '0.00',
    });
  });

  it('calls the first statement of an account `first`', async () => {
    const fresh = await t.createTenant();
    await readyPayee(t, fresh);
    const xml = buildCamt053(statementOf('ONLY-1', []));
    const response = await uploadStatement(t, fresh, 'only.xml', xml);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().statements[0].continuity).toEqual({
      status: 'first',
      previous_statement_id: null,
      previous_closing_balance: null,
      gap_amount: '0.00',
    });
  });
});

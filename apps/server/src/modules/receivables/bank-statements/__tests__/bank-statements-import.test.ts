import { formatCreditorReference } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import { validateAgainstXsd } from '../../sepa/__tests__/iso20022-validator.ts';
import { buildCamt053 } from '../../statements/__tests__/build-camt053.ts';
import { apiOf } from '../../../../test-support/api-requests.ts';
import {
  CUSTOMER_IBAN,
  entry,
  INVOICE_TOTAL,
  issuedInvoice,
  OWN_IBAN,
  readyPayee,
  statementOf,
  transaction,
  uploadStatement,
} from './bank-statement-fixtures.ts';

type Row = Record<string, unknown>;

describe('bank statements (domain rules §5.5): import, matching, returns, the manual queue', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  let api: ReturnType<typeof apiOf>;
  const invoices: Record<
    'partial' | 'reference' | 'ibanOnly' | 'collected',
    Awaited<ReturnType<typeof issuedInvoice>>
  > = {} as never;
  let mandateId: string;
  let camt: string;
  let statementId: string;

  const get = async (url: string, tenant = acme) => {
    const response = await api(tenant.api_key, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const invoiceState = async (id: string) => {
    const invoice = await get(`/api/v1/invoices/${id}`);
    const payments = await get(`/api/v1/invoices/${id}/payments`);
    return { status: invoice.status, amount_due: invoice.amount_due, payments: payments.data.length };
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    acme = await t.createTenant();
    customerId = await readyPayee(t, acme);
    // The tenant's rule: a returned direct debit costs the customer 7.50.
    const fee = await api(acme.api_key, 'PATCH', '/api/v1/reminder_settings', { failed_collection_fee: '7.5' });
    expect(fee.json()).toMatchObject({ failed_collection_fee: '7.50' });
    for (const name of ['partial', 'reference', 'ibanOnly', 'collected'] as const)
      invoices[name] = await issuedInvoice(t, acme, customerId);

    // The collection of `collected` was booked when its batch was paid (simulated: a direct-debit payment).
    const mandate = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: customerId,
      mandate_id: 'MND-0001',
      signed_on: '2025-06-01',
      debtor_name: 'Afnemer B.V.',
      iban: CUSTOMER_IBAN,
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
    mandateId = mandate.json().id;
    const collected = await api(acme.api_key, 'POST', `/api/v1/invoices/${invoices.collected.id}/payments`, {
      paid_on: '2026-03-10',
      amount: '673.73',
      method: 'direct_debit',
      note: `EndToEndId ${invoices.collected.number}`,
    });
    expect(collected.statusCode, collected.body).toBe(201);

    const payer = { name: 'Afnemer B.V.', iban: CUSTOMER_IBAN };
    camt = buildCamt053(
      statementOf('STMT-2026-03-19', [
        // Rule 3: the invoice number in the text, written with a space instead of the dash; part of it.
        entry(
          20000n,
          'CRDT',
          [
            transaction({
              counterparty: payer,
              remittance: {
                unstructured: `Deelbetaling factuur ${invoices.partial.number.replace('-', ' ')}`,
                structured: null,
              },
            }),
          ],
          { bankReference: 'ACCT-0001' },
        ),
        // Rule 2: the structured RF reference (printed in groups of four).
        entry(
          INVOICE_TOTAL,
          'CRDT',
          [
            transaction({
              counterparty: { name: 'Iemand anders', iban: 'NL20INGB0001234567' },
              remittance: {
                unstructured: null,
                structured: { reference: formatCreditorReference(invoices.reference.reference), issuer: 'ISO' },
              },
            }),
          ],
          { bankReference: 'ACCT-0002' },
        ),
        // Rule 4: only the amount and the customer's IBAN.
        entry(
          INVOICE_TOTAL,
          'CRDT',
          [transaction({ counterparty: payer, remittance: { unstructured: 'Bedankt', structured: null } })],
          { bankReference: 'ACCT-0003' },
        ),
        // A returned collection: MD01, no valid mandate.
        entry(
          INVOICE_TOTAL,
          'DBIT',
          [
            transaction({
              endToEndId: invoices.collected.number,
              mandateId: 'MND-0001',
              counterparty: payer,
              returnReasonCode: 'MD01',
            }),
          ],
          { bankReference: 'ACCT-0004', bookingDate: '2026-03-19' },
        ),
        // Nobody we know: the manual queue. Without a bank reference: de-duplicated by content.
        entry(5000n, 'CRDT', [
          transaction({
            counterparty: { name: 'Onbekend', iban: 'NL44RABO0123456789' },
            remittance: { unstructured: 'Gift', structured: null },
          }),
        ]),
        // Not booked yet: left out, and not in the balance.
        entry(99999n, 'CRDT', [transaction({ counterparty: payer })], { status: 'PDNG', bankReference: 'ACCT-0005' }),
      ]),
    );
  });
  afterAll(() => t?.close());

  it('writes an XSD-valid camt.053 for the round trip', async () => {
    const validation = await validateAgainstXsd(camt, 'camt.053.001.02');
    expect(validation.status, validation.output).toBe(0);
  });

  it('books three payments, reopens the returned collection, revokes the mandate and queues the rest', async () => {
    const imported = await uploadStatement(t, acme, 'statement.xml', camt);
    expect(imported.statusCode, imported.body).toBe(201);
    const result = imported.json();
    expect(result).toMatchObject({ new_entries: 5, duplicate_entries: 0, pending_entries_skipped: 1 });
    statementId = result.statements[0].id;
    expect(result.statements[0]).toMatchObject({
      format: 'camt.053.001.02',
      statement_id: 'STMT-2026-03-19',
      account_iban: OWN_IBAN,
      counts: { total: 5, booked: 3, returned: 1, unmatched: 1, suggested: 0, ignored: 0 },
    });

    expect(await invoiceState(invoices.partial.id)).toMatchObject({ status: 'partially_paid', amount_due: '473.73' });
    expect(await invoiceState(invoices.reference.id)).toMatchObject({ status: 'paid', amount_due: '0.00' });
    expect(await invoiceState(invoices.ibanOnly.id)).toMatchObject({ status: 'paid', amount_due: '0.00' });
    expect(await invoiceState(invoices.collected.id)).toMatchObject({
      status: 'open',
      amount_due: '673.73',
      payments: 0,
    });
    const mandate = await get(`/api/v1/mandates/${mandateId}`);
    expect(mandate).toMatchObject({ status: 'revoked', revoked_reason: expect.stringContaining('MD01') });

    const detail = await get(`/api/v1/bank_statements/${statementId}`);
    const entries = detail.entries as Row[];
    expect(entries.map((row) => [row.status, row.match_rule, row.invoice_id, row.booked_amount])).toEqual([
      ['booked', 'remittance_text', invoices.partial.id, '200.00'],
      ['booked', 'structured_reference', invoices.reference.id, '673.73'],
      ['booked', 'amount_and_iban', invoices.ibanOnly.id, '673.73'],
      ['returned', 'end_to_end_id', invoices.collected.id, '0.00'],
      ['unmatched', null, null, '0.00'],
    ]);
    expect(entries[3]).toMatchObject({ return_reason_code: 'MD01', credit_debit: 'DBIT', mandate_id: 'MND-0001' });
    // The failed collection is charged per the tenant's rule: an invoice of 7.50 outside the scope of VAT.
    const feeInvoiceId = /fee invoiced \(([0-9a-f-]{36})\)/.exec(entries[3]!.note as string)?.[1];
    const feeInvoice = await get(`/api/v1/invoices/${feeInvoiceId}`);
    expect(feeInvoice).toMatchObject({ total_incl_vat: '7.50', total_vat: '0.00', customer_id: customerId });
    expect(feeInvoice.lines[0]).toMatchObject({ vat_category: 'O', description: expect.stringContaining('MD01') });
    const payments = await get(`/api/v1/invoices/${invoices.reference.id}/payments`);
    expect(payments.data).toEqual([
      expect.objectContaining({
        method: 'bank_transfer',
        paid_on: '2026-03-19',
        amount: '673.73',
        id: entries[1]!.payment_id,
      }),
    ]);

    const list = await get('/api/v1/bank_statements');
    expect(list.data).toEqual([expect.objectContaining({ id: statementId, counts: detail.counts })]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await Promise.all(Object.values(invoices).map((invoice) => invoiceState(invoice.id)));
    const detailBefore = await get(`/api/v1/bank_statements/${statementId}`);
    const again = await uploadStatement(t, acme, 'statement.xml', camt);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ new_entries: 0, duplicate_entries: 5 });
    expect(again.json().statements[0].id).toBe(statementId);
    expect(await Promise.all(Object.values(invoices).map((invoice) => invoiceState(invoice.id)))).toEqual(before);
    expect(await get(`/api/v1/bank_statements/${statementId}`)).toEqual(detailBefore);
    expect((await get('/api/v1/bank_statements')).data).toHaveLength(1);
  });

  it('books a queued entry by hand, then refuses to book or ignore it twice', async () => {
    const detail = await get(`/api/v1/bank_statements/${statementId}`);
    const queued = (detail.entries as Row[]).find((row) => row.status === 'unmatched')!;
    const matched = await api(acme.api_key, 'POST', `/api/v1/bank_statement_entries/${queued.id}/match`, {
      invoice_id: invoices.partial.id,
    });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({ status: 'booked', match_rule: 'manual', booked_amount: '50.00' });
    expect(await invoiceState(invoices.partial.id)).toMatchObject({ status: 'partially_paid', amount_due: '423.73' });

    const twice = await api(acme.api_key, 'POST', `/api/v1/bank_statement_entries/${queued.id}/match`, {
      invoice_id: invoices.partial.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('bank_statement_entry_resolved');
    const ignore = await api(acme.api_key, 'POST', `/api/v1/bank_statement_entries/${queued.id}/ignore`);
    expect(ignore.json().code).toBe('bank_statement_entry_resolved');
  });

  it('splits a direct-debit batch credit over its invoices and undoes one when it comes back', async () => {
    const first = await issuedInvoice(t, acme, customerId);
    const second = await issuedInvoice(t, acme, customerId);
    const batch = buildCamt053(
      statementOf('STMT-2026-03-25', [
        entry(
          2n * INVOICE_TOTAL,
          'CRDT',
          [
            transaction({ endToEndId: first.number, mandateId: 'MND-0002', amount: INVOICE_TOTAL }),
            transaction({ endToEndId: second.number, mandateId: 'MND-0003', amount: INVOICE_TOTAL }),
          ],
          {
            bankReference: 'ACCT-0101',
            batch: { paymentInformationId: 'DD-2026-03-25-1', numberOfTransactions: 2 },
          },
        ),
      ]),
    );
    const imported = await uploadStatement(t, acme, 'batch.xml', batch);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ new_entries: 2 });
    expect(await invoiceState(first.id)).toMatchObject({ status: 'paid' });
    expect(await invoiceState(second.id)).toMatchObject({ status: 'paid' });
    expect((await get(`/api/v1/invoices/${second.id}/payments`)).data[0].method).toBe('direct_debit');

    const returned = buildCamt053(
      statementOf('STMT-2026-03-27', [
        entry(
          INVOICE_TOTAL,
          'DBIT',
          [transaction({ endToEndId: second.number, mandateId: 'MND-0003', returnReasonCode: 'AM04' })],
          { bankReference: 'ACCT-0102' },
        ),
      ]),
    );
    expect((await uploadStatement(t, acme, 'return.xml', returned)).statusCode).toBe(201);
    expect(await invoiceState(second.id)).toMatchObject({ status: 'open', amount_due: '673.73', payments: 0 });
    expect(await invoiceState(first.id)).toMatchObject({ status: 'paid' });
  });

  it('matches an MT940 statement likewise; an over-payment leaves the rest unallocated', async () => {
    const invoice = await issuedInvoice(t, acme, customerId);
    const mt940 = [
      ':20:MT940-0001',
      `:25:${OWN_IBAN}`,
      ':28C:00001',
      ':60F:C260330EUR1000,00',
      ':61:2603310331C700,00N654NONREF',
      `:86:/TRTP/SEPA OVERBOEKING/IBAN/${CUSTOMER_IBAN}/NAME/Afnemer BV/`,
      `/REMI/Factuur ${invoice.number}/EREF/NOTPROVIDED`,
      ':62F:C260331EUR1700,00',
      '',
    ].join('\r\n');
    const imported = await uploadStatement(t, acme, 'statement.sta', mt940);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().statements[0]).toMatchObject({ format: 'mt940', counts: { booked: 1 } });
    const detail = await get(`/api/v1/bank_statements/${imported.json().statements[0].id}`);
    expect(detail.entries[0]).toMatchObject({
      status: 'booked',
      match_rule: 'remittance_text',
      invoice_id: invoice.id,
      amount: '700.00',
      booked_amount: '673.73',
      unallocated_amount: '26.27',
    });
    expect(await invoiceState(invoice.id)).toMatchObject({ status: 'paid', amount_due: '0.00' });
    const again = await uploadStatement(t, acme, 'statement.sta', mt940);
    expect(again.statusCode).toBe(201);
    expect(again.json().new_entries).toBe(0);
  });

  it('suggests when several open invoices of the payer have the amount', async () => {
    await issuedInvoice(t, acme, customerId);
    await issuedInvoice(t, acme, customerId);
    const file = buildCamt053(
      statementOf('STMT-2026-04-01', [
        entry(INVOICE_TOTAL, 'CRDT', [transaction({ counterparty: { name: 'Afnemer B.V.', iban: CUSTOMER_IBAN } })], {
          bankReference: 'ACCT-0201',
        }),
      ]),
    );
    const imported = await uploadStatement(t, acme, 'suggest.xml', file);
    expect(imported.statusCode, imported.body).toBe(201);
    const detail = await get(`/api/v1/bank_statements/${imported.json().statements[0].id}`);
    expect(detail.entries[0].status).toBe('suggested');
    expect(detail.entries[0].suggested_invoice_ids.length).toBeGreaterThanOrEqual(2);
    const ignored = await api(acme.api_key, 'POST', `/api/v1/bank_statement_entries/${detail.entries[0].id}/ignore`);
    expect(ignored.statusCode, ignored.body).toBe(200);
    expect(ignored.json().status).toBe('ignored');
  });

  it("matches a person's payment by amount and the IBAN of the mandate the person signed", async () => {
    const person = await api(acme.api_key, 'POST', '/api/v1/persons', {
      first_name: 'Els',
      last_name: 'de Vries',
      addresses: [{ type: 'postal', street: 'Dorpsstraat 3', postal_code: '1234 AB', city: 'Ergens', country: 'NL' }],
    });
    expect(person.statusCode, person.body).toBe(201);
    const personIban = 'NL20INGB0001234567';
    const signed = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: person.json().id,
      signed_on: '2026-02-01',
      debtor_name: 'E. de Vries',
      iban: personIban,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const invoice = await issuedInvoice(t, acme, person.json().id);
    const file = buildCamt053(
      statementOf('STMT-2026-04-02', [
        entry(INVOICE_TOTAL, 'CRDT', [transaction({ counterparty: { name: 'E de Vries', iban: personIban } })], {
          bankReference: 'ACCT-0301',
        }),
      ]),
    );
    const imported = await uploadStatement(t, acme, 'person.xml', file);
    expect(imported.statusCode, imported.body).toBe(201);
    const detail = await get(`/api/v1/bank_statements/${imported.json().statements[0].id}`);
    expect(detail.entries[0]).toMatchObject({
      status: 'booked',
      match_rule: 'amount_and_iban',
      invoice_id: invoice.id,
    });
  });

  it('refuses a statement that does not add up, or of another account, and books nothing', async () => {
    const statement = statementOf('STMT-BAD', [
      entry(1000n, 'CRDT', [transaction({ counterparty: { name: 'X', iban: CUSTOMER_IBAN } })]),
    ]);
    const unbalanced = await uploadStatement(
      t,
      acme,
      'bad.xml',
      buildCamt053({
        ...statement,
        closingBalance: { ...statement.closingBalance, amount: statement.closingBalance.amount + 1234n },
      }),
    );
    expect(unbalanced.statusCode, unbalanced.body).toBe(422);
    expect(unbalanced.json()).toMatchObject({ code: 'statement_unbalanced', detail: expect.stringContaining('12.34') });

    const foreign = await uploadStatement(
      t,
      acme,
      'foreign.xml',
      buildCamt053({ ...statement, accountIban: 'NL20INGB0001234567' }),
    );
    expect(foreign.statusCode, foreign.body).toBe(422);
    expect(foreign.json().code).toBe('statement_account_not_ours');
    expect((await get('/api/v1/bank_statements')).data.map((row: Row) => row.statement_id)).not.toContain('STMT-BAD');

    const notAStatement = await uploadStatement(t, acme, 'notes.txt', 'hello');
    expect(notAStatement.statusCode).toBe(422);
    expect(notAStatement.json().code).toBe('statement_not_mt940');
  });

  it('keeps statements to their tenant: another tenant gets 404', async () => {
    const other = await t.createTenant();
    const detail = await get(`/api/v1/bank_statements/${statementId}`);
    expect((await api(other.api_key, 'GET', `/api/v1/bank_statements/${statementId}`)).statusCode).toBe(404);
    const entryId = (detail.entries as Row[])[0]!.id;
    const match = await api(other.api_key, 'POST', `/api/v1/bank_statement_entries/${entryId}/ignore`);
    expect(match.statusCode).toBe(404);
    expect((await get('/api/v1/bank_statements', other)).data).toEqual([]);
  });

  it('answers 403 module_not_enabled without the Invoices module', async () => {
    const without = await provisionTenant(t.kernel, {
      name: 'Zonder facturen BV',
      email: 'no-invoices@bank-statements.test',
      modules: ['crm', 'api'],
    });
    const id = '00000000-0000-4000-8000-000000000000';
    const responses = [
      await uploadStatement(t, without, 'statement.xml', camt),
      await api(without.api_key, 'GET', '/api/v1/bank_statements'),
      await api(without.api_key, 'GET', `/api/v1/bank_statements/${id}`),
      await api(without.api_key, 'POST', `/api/v1/bank_statement_entries/${id}/match`, { invoice_id: id }),
      await api(without.api_key, 'POST', `/api/v1/bank_statement_entries/${id}/ignore`),
    ];
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('module_not_enabled');
    }
  });
});

import { amsterdamDate, directDebitBatch } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, fieldErrors } from '../../../../test-support/api-requests.ts';
import { CUSTOMER, GOLDEN_LINES } from '../../../../test-support/document-tenant.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import {
  CUSTOMER_IBAN,
  entry,
  INVOICE_TOTAL,
  readyPayee,
  statementOf,
  transaction,
  uploadStatement,
} from '../../bank-statements/__tests__/bank-statement-fixtures.ts';
import { addDays } from '../../domain/calendar-date.ts';
import { buildCamt053 } from '../../statements/__tests__/build-camt053.ts';

type Item = { invoice_id: string; sequence_type: string; outcome: string; return_reason_code: string | null };
type Batch = { id: string; status: string; collection_date: string; items: Item[] };

describe('direct-debit batches: withdrawing, settling through bank statements, retrying a return (§5.5)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let firstCustomer: string;
  let secondCustomer: string;
  const today = amsterdamDate();
  let reference = 0;
  let statement = 0;

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) => api(acme.api_key, method, url, payload);
  const get = async (url: string) => {
    const response = await call('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** Due a fortnight ago and issued a month ago: the pre-notification has run. */
  async function dueInvoice(customerId: string, mandateReference: string) {
    const draft = await call('POST', '/api/v1/invoices', {
      customer_id: customerId,
      lines: GOLDEN_LINES,
      payment_means: 'direct_debit',
      mandate_reference: mandateReference,
      issue_date: addDays(today, -30),
      payment_term_days: 14,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const issued = await call('POST', `/api/v1/invoices/${draft.json().id}/finalize`);
    expect(issued.statusCode, issued.body).toBe(200);
    return issued.json() as { id: string; number: string };
  }

  async function collect(payload: object): Promise<Batch[]> {
    const response = await call('POST', '/api/v1/direct_debit_batches', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.map((batch: unknown) => directDebitBatch.parse(batch));
  }

  /** One statement of the own account with these entries (each with a bank reference of its own). */
  async function importStatement(entries: ReturnType<typeof entry>[]) {
    statement += 1;
    const xml = buildCamt053(statementOf(`SETTLE-${statement}`, entries));
    const response = await uploadStatement(t, acme, `settle-${statement}.xml`, xml);
    expect(response.statusCode, response.body).toBe(201);
  }

  const credit = (collected: { number: string; mandate: string }[]) =>
    entry(
      BigInt(collected.length) * INVOICE_TOTAL,
      'CRDT',
      collected.map(({ number, mandate }) =>
        transaction({ endToEndId: number, mandateId: mandate, amount: INVOICE_TOTAL }),
      ),
      {
        bankReference: `SETTLE-REF-${++reference}`,
        batch: { paymentInformationId: `PMT-${reference}`, numberOfTransactions: collected.length },
      },
    );

  const returned = (number: string, mandate: string, code: string) =>
    entry(INVOICE_TOTAL, 'DBIT', [transaction({ endToEndId: number, mandateId: mandate, returnReasonCode: code })], {
      bankReference: `SETTLE-REF-${++reference}`,
    });

  const batch = (id: string): Promise<Batch> => get(`/api/v1/direct_debit_batches/${id}`);
  const itemOf = (found: Batch, invoiceId: string) => found.items.find((item) => item.invoice_id === invoiceId)!;
  const mandateNamed = async (mandateId: string) =>
    (await get('/api/v1/mandates')).data.find((found: { mandate_id: string }) => found.mandate_id === mandateId);

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    acme = await t.createTenant();
    firstCustomer = await readyPayee(t, acme);
    const second = await call('POST', '/api/v1/organizations', {
      ...CUSTOMER,
      name: 'Tweede Afnemer B.V.',
      kvk_number: '11223344',
      iban: 'NL44RABO0123456789',
    });
    expect(second.statusCode, second.body).toBe(201);
    secondCustomer = second.json().id;
    for (const [customerId, mandateId, iban] of [
      [firstCustomer, 'SET-1', CUSTOMER_IBAN],
      [secondCustomer, 'SET-2', 'NL44RABO0123456789'],
    ] as const) {
      const created = await call('POST', '/api/v1/mandates', {
        customer_id: customerId,
        mandate_id: mandateId,
        signed_on: '2026-01-15',
        debtor_name: 'Afnemer B.V.',
        iban,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(() => t?.close());

  let openBatch: Batch;
  let firstInvoice: { id: string; number: string };

  it('withdraws an open batch: cancelled, the mandate put back, the invoice collectable again', async () => {
    firstInvoice = await dueInvoice(firstCustomer, 'SET-1');
    const [made] = await collect({ invoice_ids: [firstInvoice.id] });
    expect(made!.items[0]).toMatchObject({ sequence_type: 'FRST', outcome: 'pending', return_reason_code: null });
    expect((await mandateNamed('SET-1')).last_collection_on).toBe(made!.collection_date);

    const withdrawn = await call('POST', `/api/v1/direct_debit_batches/${made!.id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(directDebitBatch.parse(withdrawn.json())).toMatchObject({ id: made!.id, status: 'cancelled' });
    expect((await batch(made!.id)).status).toBe('cancelled');
    expect((await mandateNamed('SET-1')).last_collection_on).toBeNull();
    const audit = (await get('/api/v1/audit_events')).data;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'direct_debit_batch.withdrawn', target_id: made!.id }),
    );
    expectProblem(
      await call('POST', `/api/v1/direct_debit_batches/${made!.id}/withdraw`),
      409,
      'direct_debit_batch_not_open',
    );

    // The withdrawn file never reached the bank: the next one is the first collection again.
    [openBatch] = (await collect({ invoice_ids: [firstInvoice.id] })) as [Batch];
    expect(openBatch.items[0]).toMatchObject({ invoice_id: firstInvoice.id, sequence_type: 'FRST' });
  });

  it('settles a batch when statements booked every item; AM04 is retried once, then no more', async () => {
    await importStatement([credit([{ number: firstInvoice.number, mandate: 'SET-1' }])]);
    const settled = await batch(openBatch.id);
    expect(settled.status).toBe('settled');
    expect(settled.items[0]).toMatchObject({ outcome: 'collected', outcome_on: '2026-03-19' });
    expectProblem(
      await call('POST', `/api/v1/direct_debit_batches/${openBatch.id}/withdraw`),
      409,
      'direct_debit_batch_not_open',
    );

    const second = await dueInvoice(firstCustomer, 'SET-1');
    const third = await dueInvoice(firstCustomer, 'SET-1');
    const [both] = (await collect({ invoice_ids: [second.id, third.id] })) as [Batch];
    expect(both.items.map((item) => item.sequence_type)).toEqual(['RCUR', 'RCUR']);

    // Part of it booked: the bank processed the file, so it can no longer be withdrawn.
    await importStatement([credit([{ number: second.number, mandate: 'SET-1' }])]);
    expect(itemOf(await batch(both.id), second.id).outcome).toBe('collected');
    expectProblem(
      await call('POST', `/api/v1/direct_debit_batches/${both.id}/withdraw`),
      409,
      'direct_debit_batch_has_outcomes',
    );

    // Returned for insufficient funds: the invoice is open again and the default selection retries it.
    await importStatement([returned(second.number, 'SET-1', 'AM04')]);
    const afterReturn = await batch(both.id);
    expect(afterReturn.status).toBe('open');
    expect(itemOf(afterReturn, second.id)).toMatchObject({ outcome: 'returned', return_reason_code: 'AM04' });
    expect(itemOf(afterReturn, third.id).outcome).toBe('pending');
    const [retry] = (await collect({})) as [Batch];
    expect(retry.items).toEqual([expect.objectContaining({ invoice_id: second.id, sequence_type: 'RCUR' })]);

    await importStatement([credit([{ number: third.number, mandate: 'SET-1' }])]);
    const done = await batch(both.id);
    expect(done.status).toBe('settled');
    expect(done.items.map((item) => item.outcome).sort()).toEqual(['collected', 'returned']);
    expect((await get('/api/v1/audit_events')).data).toContainEqual(
      expect.objectContaining({ action: 'direct_debit_batch.settled', target_id: both.id }),
    );

    // The retry comes back too: a second return is not collected again, neither by default nor by name.
    await importStatement([
      credit([{ number: second.number, mandate: 'SET-1' }]),
      returned(second.number, 'SET-1', 'AM04'),
    ]);
    expect(await batch(retry.id)).toMatchObject({
      status: 'settled',
      items: [expect.objectContaining({ outcome: 'returned', return_reason_code: 'AM04' })],
    });
    expectProblem(await call('POST', '/api/v1/direct_debit_batches', {}), 422, 'nothing_to_collect');
    const named = await call('POST', '/api/v1/direct_debit_batches', { invoice_ids: [second.id] });
    expectProblem(named, 422, 'invoice_not_collectable');
    expect(fieldErrors(named)).toEqual({ invoice_ids: 'collection_returned' });
  });

  it('restarts a series whose FRST came back with FRST; a refusal (MD06) is not retried', async () => {
    const invoice = await dueInvoice(secondCustomer, 'SET-2');
    const [first] = (await collect({ invoice_ids: [invoice.id] })) as [Batch];
    expect(first.items[0]!.sequence_type).toBe('FRST');
    await importStatement([
      credit([{ number: invoice.number, mandate: 'SET-2' }]),
      returned(invoice.number, 'SET-2', 'MS03'),
    ]);
    expect(await batch(first.id)).toMatchObject({
      status: 'settled',
      items: [expect.objectContaining({ outcome: 'returned' })],
    });
    const [again] = (await collect({ invoice_ids: [invoice.id] })) as [Batch];
    expect(again.items[0]).toMatchObject({ invoice_id: invoice.id, sequence_type: 'FRST' });
    await importStatement([credit([{ number: invoice.number, mandate: 'SET-2' }])]);

    const refused = await dueInvoice(firstCustomer, 'SET-1');
    await collect({ invoice_ids: [refused.id] });
    await importStatement([
      credit([{ number: refused.number, mandate: 'SET-1' }]),
      returned(refused.number, 'SET-1', 'MD06'),
    ]);
    const named = await call('POST', '/api/v1/direct_debit_batches', { invoice_ids: [refused.id] });
    expect(fieldErrors(named)).toEqual({ invoice_ids: 'collection_returned' });
  });

  it('gives another tenant 404 and a tenant without the Invoices module 403 on withdraw', async () => {
    const other = await t.createTenant();
    expectProblem(
      await api(other.api_key, 'POST', `/api/v1/direct_debit_batches/${openBatch.id}/withdraw`),
      404,
      'direct_debit_batch_not_found',
    );
    const without = await provisionTenant(t.kernel, {
      name: 'Zonder facturen BV',
      email: 'no-invoices@settlement.test',
      modules: ['crm', 'api'],
    });
    expectProblem(
      await api(without.api_key, 'POST', `/api/v1/direct_debit_batches/${openBatch.id}/withdraw`),
      403,
      'module_not_enabled',
    );
  });
});

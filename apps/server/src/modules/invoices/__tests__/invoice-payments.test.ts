import {
  amsterdamDate,
  customerBalance as customerBalanceSchema,
  invoicePayment as invoicePaymentSchema,
} from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { addDays } from '../domain/document-number.ts';
import { CUSTOMER, GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

describe('invoices: payments, amount due and status, customer balance (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  const today = amsterdamDate();

  const api = (key: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.api(key, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const get = async (url: string) => (await api(acme.api_key, 'GET', url)).json();
  const pay = (invoiceId: string, payment: Record<string, unknown>) =>
    api(acme.api_key, 'POST', `/api/v1/invoices/${invoiceId}/payments`, payment);

  async function draftInvoice(fields: Record<string, unknown> = {}): Promise<string> {
    const draft = await api(acme.api_key, 'POST', '/api/v1/invoices', {
      customer_id: customerId,
      lines: GOLDEN_LINES,
      ...fields,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    return draft.json().id;
  }

  /** Finalized; without an issue date it is issued today and due in 14 days (not overdue). */
  async function issuedInvoice(fields: Record<string, unknown> = {}): Promise<string> {
    const id = await draftInvoice(fields);
    const finalized = await api(acme.api_key, 'POST', `/api/v1/invoices/${id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
    customerId = await readyDocumentTenant(t, acme);
  });
  afterAll(() => t?.close());

  it('takes a partial and then the final payment: partially_paid, then paid with nothing due', async () => {
    const id = await issuedInvoice();
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({ status: 'open', amount_due: '673.73' });

    const first = await pay(id, { paid_on: today, amount: '200' });
    expect(first.statusCode, first.body).toBe(201);
    expect(invoicePaymentSchema.parse(first.json())).toMatchObject({
      object: 'invoice_payment',
      invoice_id: id,
      paid_on: today,
      amount: '200.00',
      method: 'bank_transfer',
      note: null,
    });
    const partly = await api(acme.api_key, 'GET', `/api/v1/invoices/${id}`);
    expect(partly.json()).toMatchObject({ status: 'partially_paid', amount_paid: '200.00', amount_due: '473.73' });

    const rest = await pay(id, { paid_on: today, amount: '473.73', method: 'direct_debit', note: 'Incasso april' });
    expect(rest.statusCode, rest.body).toBe(201);
    const paid = await api(acme.api_key, 'GET', `/api/v1/invoices/${id}`);
    expect(paid.json()).toMatchObject({ status: 'paid', amount_paid: '673.73', amount_due: '0.00' });
    // What the invoice shows changed with each payment, so did its version (ETag).
    expect(paid.headers.etag).not.toBe(partly.headers.etag);

    const list = await get(`/api/v1/invoices/${id}/payments`);
    expect(list).toMatchObject({ object: 'list', has_more: false });
    expect(list.data.map((payment: { amount: string; method: string }) => [payment.amount, payment.method])).toEqual([
      ['200.00', 'bank_transfer'],
      ['473.73', 'direct_debit'],
    ]);
    const audit = (await get('/api/v1/audit_events?limit=100')).data.filter(
      (event: { action: string; target_id: string }) =>
        event.action === 'invoice.payment_recorded' && event.target_id === id,
    );
    expect(audit).toHaveLength(2);
    expect(audit.map((event: { details: { amount: string } }) => event.details.amount).sort()).toEqual([
      '200.00',
      '473.73',
    ]);
  });

  it('refuses more than is still due, naming the amount field, and saves nothing', async () => {
    const id = await issuedInvoice();
    const over = await pay(id, { paid_on: today, amount: '673.74' });
    expect(over.statusCode, over.body).toBe(422);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json()).toMatchObject({
      code: 'payment_exceeds_amount_due',
      detail: expect.stringContaining('673.73'),
    });
    expect(over.json().errors).toEqual([
      expect.objectContaining({ field: 'amount', code: 'payment_exceeds_amount_due' }),
    ]);
    expect((await get(`/api/v1/invoices/${id}/payments`)).data).toEqual([]);

    expect((await pay(id, { paid_on: today, amount: '673.73' })).statusCode).toBe(201);
    const afterPaid = await pay(id, { paid_on: today, amount: '0.01' });
    expect(afterPaid.statusCode).toBe(422);
    expect(afterPaid.json().code).toBe('payment_exceeds_amount_due');
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({ status: 'paid', amount_paid: '673.73' });
  });

  it('lets simultaneous payments through only up to the amount due (the invoice row is locked)', async () => {
    const id = await issuedInvoice();
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(id, { paid_on: today, amount: '100.00' })));
    // 673.73 due: six payments of 100.00 fit, the other four would overpay.
    expect(results.map((result) => result.statusCode).sort()).toEqual([
      201, 201, 201, 201, 201, 201, 422, 422, 422, 422,
    ]);
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({ amount_paid: '600.00', amount_due: '73.73' });
  });

  it('answers 409 invoice_not_issued for a payment on a draft', async () => {
    const id = await draftInvoice();
    const response = await pay(id, { paid_on: today, amount: '10.00' });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().code).toBe('invoice_not_issued');
    expect((await get(`/api/v1/invoices/${id}/payments`)).data).toEqual([]);
  });

  it('removes a mistaken payment: the invoice is partially paid again, and the removal is audited', async () => {
    const id = await issuedInvoice();
    await pay(id, { paid_on: today, amount: '73.73' });
    const mistaken = (await pay(id, { paid_on: today, amount: '600.00', note: 'verkeerde factuur' })).json();
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({ status: 'paid' });

    const removed = await api(acme.api_key, 'DELETE', `/api/v1/invoices/${id}/payments/${mistaken.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({
      status: 'partially_paid',
      amount_paid: '73.73',
      amount_due: '600.00',
    });
    expect((await get(`/api/v1/invoices/${id}/payments`)).data).toHaveLength(1);
    const again = await api(acme.api_key, 'DELETE', `/api/v1/invoices/${id}/payments/${mistaken.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('invoice_payment_not_found');

    const audit = (await get('/api/v1/audit_events?limit=100')).data.find(
      (event: { action: string; target_id: string }) =>
        event.action === 'invoice.payment_deleted' && event.target_id === id,
    );
    expect(audit?.details).toMatchObject({ payment_id: mistaken.id, amount: '600.00', note: 'verkeerde factuur' });
  });

  it("sums a customer's issued invoices into a balance with the overdue part", async () => {
    const other = await api(acme.api_key, 'POST', '/api/v1/organizations', {
      ...CUSTOMER,
      name: 'Tweede Afnemer B.V.',
    });
    expect(other.statusCode, other.body).toBe(201);
    const otherId = other.json().id as string;
    const forOther = { customer_id: otherId };

    // Issued in March 2025, due 2025-03-16: overdue, 100.00 of 673.73 paid.
    const late = await issuedInvoice({ ...forOther, issue_date: '2025-03-02' });
    expect((await pay(late, { paid_on: '2025-04-01', amount: '100.00' })).statusCode).toBe(201);
    expect(await get(`/api/v1/invoices/${late}`)).toMatchObject({ status: 'overdue', amount_due: '573.73' });
    // Issued today: due in 14 days, 121.00.
    await issuedInvoice({
      ...forOther,
      lines: [{ description: 'Advies', quantity: '1', unit_price: '100', vat_rate: '21' }],
    });
    // Paid in full, and a draft: neither is owed.
    const settled = await issuedInvoice(forOther);
    await pay(settled, { paid_on: today, amount: '673.73' });
    await draftInvoice(forOther);

    const balance = await api(acme.api_key, 'GET', `/api/v1/invoices/balance?customer_id=${otherId}`);
    expect(balance.statusCode, balance.body).toBe(200);
    expect(customerBalanceSchema.parse(balance.json())).toEqual({
      object: 'customer_balance',
      customer_id: otherId,
      open_invoices: 2,
      total_due: '694.73',
      overdue: '573.73',
    });

    // "balance" is no invoice id: the id route still answers for real ids.
    expect((await api(acme.api_key, 'GET', `/api/v1/invoices/${late}`)).statusCode).toBe(200);
    const missing = await api(acme.api_key, 'GET', '/api/v1/invoices/balance');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'query.customer_id', code: 'invalid_id' });
  });

  it("answers 404 on every payment route for another tenant's invoice, and keeps its balance private", async () => {
    const other = await t.createTenant('Ander BV');
    const id = await issuedInvoice();
    const payment = (await pay(id, { paid_on: today, amount: '10.00' })).json();
    for (const [method, url, payload] of [
      ['POST', `/api/v1/invoices/${id}/payments`, { paid_on: today, amount: '10.00' }],
      ['GET', `/api/v1/invoices/${id}/payments`, undefined],
      ['DELETE', `/api/v1/invoices/${id}/payments/${payment.id}`, undefined],
    ] as const) {
      const response = await api(other.api_key, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code).toBe('invoice_not_found');
    }
    const balance = await api(other.api_key, 'GET', `/api/v1/invoices/balance?customer_id=${customerId}`);
    expect(balance.statusCode).toBe(400);
    expect(balance.json().errors[0]).toMatchObject({ field: 'customer_id', code: 'customer_not_found' });
    expect((await get(`/api/v1/invoices/${id}/payments`)).data).toHaveLength(1);
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({ amount_paid: '10.00' });
  });

  it('rejects bad input with the field named, and saves nothing', async () => {
    const id = await issuedInvoice();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ paid_on: today, amount: '-5.00' }, 'amount', 'must_be_positive'],
      [{ paid_on: today, amount: '0' }, 'amount', 'must_be_positive'],
      [{ paid_on: today, amount: '10.005' }, 'amount', 'too_many_decimals'],
      [{ paid_on: today, amount: 'tien' }, 'amount', 'invalid_amount'],
      [{ paid_on: '2026-13-01', amount: '10.00' }, 'paid_on', 'invalid_date'],
      [{ paid_on: addDays(today, 1), amount: '10.00' }, 'paid_on', 'date_in_future'],
      [{ amount: '10.00' }, 'paid_on', 'invalid_date'],
      [{ paid_on: today, amount: '10.00', method: 'bitcoin' }, 'method', 'invalid_payment_method'],
    ];
    for (const [payload, field, code] of cases) {
      const response = await pay(id, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await get(`/api/v1/invoices/${id}/payments`)).data).toEqual([]);
    expect(await get(`/api/v1/invoices/${id}`)).toMatchObject({ status: 'open', amount_paid: '0.00' });
  });
});

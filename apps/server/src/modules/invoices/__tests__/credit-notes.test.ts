import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { validateUbl } from '../documents/__tests__/ubl-validator.ts';
import { GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

describe('invoices: credit notes and corrections (domain rules §1.3)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;

  const post = (url: string, payload: Record<string, unknown> = {}) =>
    t.api(acme.api_key, { method: 'POST', url, payload });
  const get = (url: string) => t.api(acme.api_key, { method: 'GET', url });

  async function issuedInvoice(): Promise<{ id: string; number: string }> {
    const draft = await post('/api/v1/invoices', {
      customer_id: customerId,
      issue_date: '2026-03-02',
      lines: GOLDEN_LINES,
    });
    const finalized = await post(`/api/v1/invoices/${draft.json().id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    return finalized.json();
  }

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
    customerId = await readyDocumentTenant(t, acme);
  });
  afterAll(() => t?.close());

  it('credits an invoice in full with its own series, referring to the invoice; the UBL CreditNote passes both validators', async () => {
    const invoice = await issuedInvoice();
    const draft = await post(`/api/v1/invoices/${invoice.id}/credit_notes`, { reason: 'Dubbel gefactureerd' });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({
      type: 'credit_note',
      status: 'draft',
      credited_invoice_id: invoice.id,
      total_incl_vat: '673.73',
      note: 'Dubbel gefactureerd',
    });
    const finalized = await post(`/api/v1/invoices/${draft.json().id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    expect(finalized.json().number).toMatch(/^C\d{4}-00001$/);

    const [peppol, nlcius] = await Promise.all([
      get(`/api/v1/invoices/${draft.json().id}/ubl`),
      get(`/api/v1/invoices/${draft.json().id}/ubl?profile=nlcius`),
    ]);
    expect(peppol.body).toContain('<CreditNote');
    expect(peppol.body).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    for (const result of await Promise.all([validateUbl(peppol.body), validateUbl(nlcius.body)]))
      expect(result.status, result.output).toBe(0);
    // The credit note settles the invoice: nothing is due on it any more.
    expect((await get(`/api/v1/invoices/${invoice.id}`)).json()).toMatchObject({
      status: 'credited',
      amount_credited: '673.73',
      amount_due: '0.00',
    });
    // Nothing had been paid, so the credit note only offsets: no refund is due on it.
    expect((await get(`/api/v1/invoices/${draft.json().id}`)).json()).toMatchObject({
      status: 'credited',
      amount_due: '0.00',
    });
    // Everything is credited now: a second credit note has nothing left to credit.
    const again = await post(`/api/v1/invoices/${invoice.id}/credit_notes`);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'lines', code: 'exceeds_uncredited' });
  });

  it('credits part of a line, never more than is still uncredited on it', async () => {
    const invoice = await issuedInvoice();
    const partial = await post(`/api/v1/invoices/${invoice.id}/credit_notes`, {
      lines: [{ line_index: 0, quantity: '1' }, { line_index: 1 }],
    });
    expect(partial.statusCode, partial.body).toBe(201);
    // 1 × 19.99 + 2.5 × 85.00 = 232.49 at 21%: VAT 48.82.
    expect(partial.json()).toMatchObject({ total_excl_vat: '232.49', total_vat: '48.82', total_incl_vat: '281.31' });
    expect(partial.json().lines.map((line: { quantity: string }) => line.quantity)).toEqual(['1', '2.5']);
    const tooMuch = await post(`/api/v1/invoices/${invoice.id}/credit_notes`, {
      lines: [{ line_index: 0, quantity: '2.5' }],
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0]).toMatchObject({ field: 'lines.0.quantity', code: 'exceeds_uncredited' });
    // A draft credit note changes nothing yet; once issued it lowers what is due.
    expect((await get(`/api/v1/invoices/${invoice.id}`)).json()).toMatchObject({ amount_due: '673.73' });
    expect((await post(`/api/v1/invoices/${partial.json().id}/finalize`)).statusCode).toBe(200);
    expect((await get(`/api/v1/invoices/${invoice.id}`)).json()).toMatchObject({
      status: 'overdue',
      amount_credited: '281.31',
      amount_due: '392.42',
    });
    // A payment is checked against that amount due, not against the invoice total.
    const beyondDue = await post(`/api/v1/invoices/${invoice.id}/payments`, {
      paid_on: '2026-03-10',
      amount: '392.43',
    });
    expect(beyondDue.statusCode).toBe(422);
    expect(beyondDue.json()).toMatchObject({ code: 'payment_exceeds_amount_due', errors: [{ field: 'amount' }] });
    const rest = await post(`/api/v1/invoices/${invoice.id}/payments`, { paid_on: '2026-03-10', amount: '392.42' });
    expect(rest.statusCode, rest.body).toBe(201);
    expect((await get(`/api/v1/invoices/${invoice.id}`)).json()).toMatchObject({ status: 'paid', amount_due: '0.00' });
    const heading = await post(`/api/v1/invoices/${invoice.id}/credit_notes`, { lines: [{ line_index: 9 }] });
    expect(heading.json().errors[0]).toMatchObject({ field: 'lines.0.line_index', code: 'unknown_line' });
  });

  it('corrects an invoice in one action: a finalized credit note and a new draft with the same lines', async () => {
    const invoice = await issuedInvoice();
    // Paid in part first: what was paid comes back as a refund due on the credit note.
    const paid = await post(`/api/v1/invoices/${invoice.id}/payments`, { paid_on: '2026-03-10', amount: '100.00' });
    expect(paid.statusCode, paid.body).toBe(201);
    const corrected = await post(`/api/v1/invoices/${invoice.id}/correct`, { reason: 'Verkeerde prijs' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const { credit_note: creditNote, invoice: replacement } = corrected.json();
    expect(creditNote).toMatchObject({
      type: 'credit_note',
      credited_invoice_id: invoice.id,
      total_incl_vat: '673.73',
    });
    expect(creditNote.number).toMatch(/^C\d{4}-\d{5}$/);
    expect(creditNote).toMatchObject({ amount_credited: '573.73', amount_due: '100.00' });
    expect(replacement).toMatchObject({ type: 'invoice', status: 'draft', number: null, total_incl_vat: '673.73' });
    expect(replacement.lines).toHaveLength(GOLDEN_LINES.length);
    // The original never changed.
    expect((await get(`/api/v1/invoices/${invoice.id}`)).json()).toMatchObject({
      number: invoice.number,
      total_incl_vat: '673.73',
    });
  });

  it('refuses a credit note for a draft, and answers 404 for another tenant', async () => {
    const draft = await post('/api/v1/invoices', { customer_id: customerId, lines: GOLDEN_LINES });
    const refused = await post(`/api/v1/invoices/${draft.json().id}/credit_notes`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invoice_not_issued');
    const invoice = await issuedInvoice();
    const other = await provisionTenant(t.kernel, {
      name: 'Ander BV',
      email: 'owner@ander-credit.test',
      modules: 'all',
    });
    for (const url of [`/api/v1/invoices/${invoice.id}/credit_notes`, `/api/v1/invoices/${invoice.id}/correct`])
      expect((await t.api(other.api_key, { method: 'POST', url, payload: {} })).statusCode).toBe(404);
  });
});

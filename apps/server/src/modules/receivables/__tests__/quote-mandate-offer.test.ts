import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { expectProblem, okOf, publicOf } from '../../../test-support/api-requests.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { CUSTOMER, readyDocumentTenant, SUPPLIER } from '../../../test-support/document-tenant.ts';

const CREDITOR_ID = 'NL69ZZZ123456780000';
const LINES = [{ description: 'Ontwerp', quantity: '10', unit_code: 'HUR', unit_price: '85.00', vat_rate: '21' }];
const tokenOf = (publicUrl: string) => publicUrl.split('/q/')[1]!;

describe('a direct-debit mandate offered on the quote page after acceptance (public API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let ok: ReturnType<typeof okOf>;
  let anonymous: ReturnType<typeof publicOf>;
  let customerId: string;

  async function sentQuote() {
    const draft = await ok(acme, 'POST', '/api/v1/quotes', { customer_id: customerId, lines: LINES });
    const sent = await ok(acme, 'POST', `/api/v1/quotes/${draft.id}/send`);
    return tokenOf(sent.public_url);
  }

  beforeAll(async () => {
    t = await createTestApp();
    ok = okOf(t);
    anonymous = publicOf(t);
    acme = await t.createTenant('Offerte en incasso BV');
    customerId = await readyDocumentTenant(t, acme, {
      supplier: SUPPLIER,
      customer: { ...CUSTOMER, invoice_email: 'inkoop@afnemer.test' },
    });
  });
  afterAll(() => t?.close());

  it('offers nothing before acceptance, or without a creditor identifier', async () => {
    const token = await sentQuote();
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}/mandate`)).json()).toEqual({
      object: 'quote_mandate_offer',
      offered: false,
      mandate: null,
    });
    expectProblem(await anonymous('POST', `/api/v1/public/quotes/${token}/mandate`), 409, 'mandate_not_offered');
    const accepted = await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, {
      name: 'Jan Jansen',
      accept_terms: true,
      selected_optional_lines: [],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // Accepted, but the supplier has no creditor identifier: it cannot collect.
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}/mandate`)).json().offered).toBe(false);
  });

  it('after acceptance: a pending request to sign, the same one when asked again, active once signed', async () => {
    await ok(acme, 'PATCH', '/api/v1/company', { sepa_creditor_id: CREDITOR_ID });
    const token = await sentQuote();
    await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, {
      name: 'Jan Jansen',
      accept_terms: true,
      selected_optional_lines: [],
    });
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}/mandate`)).json()).toEqual({
      object: 'quote_mandate_offer',
      offered: true,
      mandate: null,
    });
    const requested = await anonymous('POST', `/api/v1/public/quotes/${token}/mandate`);
    expect(requested.statusCode, requested.body).toBe(200);
    const { mandate } = requested.json();
    expect(mandate).toMatchObject({ status: 'pending', public_url: expect.stringMatching(/\/m\/[A-Za-z0-9_-]{43}$/) });
    const again = await anonymous('POST', `/api/v1/public/quotes/${token}/mandate`);
    expect(again.json().mandate).toEqual(mandate);

    const mandateToken = mandate.public_url.split('/m/')[1];
    const signed = await anonymous('POST', `/api/v1/public/mandates/${mandateToken}/sign`, {
      name: 'Jan Jansen',
      iban: 'NL02ABNA0123456789',
      place: 'Utrecht',
      accept: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}/mandate`)).json().mandate).toMatchObject({
      mandate_id: mandate.mandate_id,
      status: 'active',
      public_url: null,
    });
    // The tenant sees it among the customer's mandates, signed on the quote page's link.
    const list = await ok(acme, 'GET', `/api/v1/mandates?customer_id=${customerId}`);
    expect(list.data).toEqual([expect.objectContaining({ mandate_id: mandate.mandate_id, status: 'active' })]);
  });

  it('an unknown link is 404, like the quote itself', async () => {
    const bogus = 'A'.repeat(43);
    expectProblem(await anonymous('GET', `/api/v1/public/quotes/${bogus}/mandate`), 404, 'quote_not_found');
    expectProblem(await anonymous('POST', `/api/v1/public/quotes/${bogus}/mandate`), 404, 'quote_not_found');
  });
});

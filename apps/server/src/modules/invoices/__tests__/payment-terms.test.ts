import { amsterdamDate } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { addDays } from '../domain/document-number.ts';
import { CUSTOMER, GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

/**
 * The due date of an invoice: the invoice's own term, else the customer's, else the tenant's
 * default from the company profile (14 days until the tenant sets another).
 */
describe('invoices: payment term from the invoice, the customer or the tenant default (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  const today = amsterdamDate();

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
    t.api(acme.api_key, { method, url, ...(payload ? { payload } : {}) });
  const setTenantDefault = async (days: number) => {
    const response = await api('PATCH', '/api/v1/company', { default_payment_term_days: days });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().default_payment_term_days).toBe(days);
  };

  /** A new invoice for the customer, finalized today: its term and due date. */
  async function issue(customer: string, fields: Record<string, unknown> = {}) {
    const draft = await api('POST', '/api/v1/invoices', { customer_id: customer, lines: GOLDEN_LINES, ...fields });
    expect(draft.statusCode, draft.body).toBe(201);
    const finalized = await api('POST', `/api/v1/invoices/${draft.json().id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    return {
      draftTerm: draft.json().payment_term_days as number,
      term: finalized.json().payment_term_days as number,
      dueDate: finalized.json().due_date as string,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
    customerId = await readyDocumentTenant(t, acme);
  });
  afterAll(() => t?.close());

  it('starts at 14 days: the profile, the relation and a new invoice say so', async () => {
    expect((await api('GET', '/api/v1/company')).json().default_payment_term_days).toBe(14);
    expect((await api('GET', `/api/v1/organizations/${customerId}`)).json()).toMatchObject({
      payment_term_days: null,
      payment_term_days_effective: 14,
    });
    expect(await issue(customerId)).toEqual({ draftTerm: 14, term: 14, dueDate: addDays(today, 14) });
  });

  it('a changed tenant default gives the next invoice its due date; issued invoices keep theirs', async () => {
    const before = await issue(customerId);
    await setTenantDefault(30);
    expect(await issue(customerId)).toEqual({ draftTerm: 30, term: 30, dueDate: addDays(today, 30) });
    // The relation without a term of its own shows the new default, in its page and in lists.
    expect((await api('GET', `/api/v1/organizations/${customerId}`)).json().payment_term_days_effective).toBe(30);
    const list = (await api('GET', '/api/v1/organizations?limit=100')).json();
    expect(list.data.find((row: { id: string }) => row.id === customerId).payment_term_days_effective).toBe(30);
    // Finalized before the change: frozen with its 14 days.
    expect(before).toMatchObject({ term: 14, dueDate: addDays(today, 14) });

    // A person has no term of their own: the tenant default applies.
    const person = await api('POST', '/api/v1/persons', {
      first_name: 'Petra',
      last_name: 'Particulier',
      addresses: [{ type: 'postal', street: 'Laan 3', postal_code: '1234 AB', city: 'Hoorn' }],
    });
    expect(person.statusCode, person.body).toBe(201);
    expect(await issue(person.json().id)).toMatchObject({ term: 30, dueDate: addDays(today, 30) });
    await setTenantDefault(0);
    expect(await issue(person.json().id)).toMatchObject({ term: 0, dueDate: today });
  });

  it("a customer's own term wins over the tenant default", async () => {
    await setTenantDefault(30);
    const own = await api('POST', '/api/v1/organizations', {
      ...CUSTOMER,
      name: 'Snelle Betaler B.V.',
      payment_term_days: 7,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ payment_term_days: 7, payment_term_days_effective: 7 });
    expect(await issue(own.json().id)).toEqual({ draftTerm: 7, term: 7, dueDate: addDays(today, 7) });
  });

  it("an invoice's own term wins over the customer's and the tenant's", async () => {
    await setTenantDefault(30);
    const own = await api('POST', '/api/v1/organizations', {
      ...CUSTOMER,
      name: 'Eigen Termijn B.V.',
      payment_term_days: 7,
    });
    expect(await issue(own.json().id, { payment_term_days: 60 })).toEqual({
      draftTerm: 60,
      term: 60,
      dueDate: addDays(today, 60),
    });
    expect(await issue(customerId, { payment_term_days: 0 })).toEqual({ draftTerm: 0, term: 0, dueDate: today });
  });

  it.each([
    [400, 'too_large'],
    [366, 'too_large'],
    [-1, 'too_small'],
    [1.5, 'invalid_type'],
    ['30', 'invalid_type'],
    [null, 'invalid_type'],
  ])('refuses a tenant default of %j with 400 naming the field (%s), and keeps the old one', async (value, code) => {
    await setTenantDefault(21);
    const response = await api('PATCH', '/api/v1/company', { default_payment_term_days: value });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'default_payment_term_days', code })],
    });
    expect((await api('GET', '/api/v1/company')).json().default_payment_term_days).toBe(21);
  });

  it("another tenant's default is its own", async () => {
    await setTenantDefault(45);
    const other = await t.createTenant();
    const otherCustomer = await readyDocumentTenant(t, other);
    const draft = await t.api(other.api_key, {
      method: 'POST',
      url: '/api/v1/invoices',
      payload: { customer_id: otherCustomer, lines: GOLDEN_LINES },
    });
    expect(draft.json().payment_term_days).toBe(14);
  });
});

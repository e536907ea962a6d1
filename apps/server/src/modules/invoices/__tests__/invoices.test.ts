import { invoice as invoiceSchema } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

describe('invoices: drafts, finalization with gapless numbers, immutability (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;

  const api = (key: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.api(key, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
    customerId = await readyDocumentTenant(t, acme);
  });
  afterAll(() => t?.close());

  it('computes the worked invoice of the domain rules exactly in a draft, without a number', async () => {
    const created = await api(acme.api_key, 'POST', '/api/v1/invoices', {
      customer_id: customerId,
      lines: GOLDEN_LINES,
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = invoiceSchema.parse(created.json());
    expect(body).toMatchObject({
      status: 'draft',
      number: null,
      customer_name: 'Afnemer B.V.',
      total_excl_vat: '575.77',
      total_vat: '97.96',
      total_incl_vat: '673.73',
      amount_due: '673.73',
      payment_term_days: 14,
    });
    expect(body.lines.map((line) => line.line_total)).toEqual(['59.97', '212.50', '112.03', '86.42', '104.85']);
    expect(body.vat_breakdown).toEqual([
      { vat_category: 'S', vat_rate: '21', taxable_amount: '384.50', vat_amount: '80.75' },
      { vat_category: 'S', vat_rate: '9', taxable_amount: '191.27', vat_amount: '17.21' },
    ]);
  });

  it('finalizes: number from the yearly series, due date from the term, RF reference; then 409 on every change', async () => {
    const draft = (
      await api(acme.api_key, 'POST', '/api/v1/invoices', {
        customer_id: customerId,
        issue_date: '2025-03-02',
        lines: GOLDEN_LINES,
      })
    ).json();
    const finalized = await api(acme.api_key, 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    // Due in March 2025 and unpaid: overdue, computed from the due date.
    expect(finalized.json()).toMatchObject({
      status: 'overdue',
      number: '2025-00001',
      issue_date: '2025-03-02',
      due_date: '2025-03-16',
      payment_reference: expect.stringMatching(/^RF\d{2}202500001$/),
      total_incl_vat: '673.73',
    });
    expect((await api(acme.api_key, 'PATCH', `/api/v1/invoices/${draft.id}`, { note: 'x' })).json()).toMatchObject({
      code: 'invoice_not_draft',
    });
    expect((await api(acme.api_key, 'DELETE', `/api/v1/invoices/${draft.id}`)).statusCode).toBe(409);
    expect((await api(acme.api_key, 'POST', `/api/v1/invoices/${draft.id}/finalize`)).statusCode).toBe(409);

    // No path into the database changes it either: the trigger refuses, even for the owner role.
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.kernel.database
        .withTenant(acme.tenant_id, (tx) => tx.execute(statement))
        .then(
          () => 'changed',
          (error: Error & { cause?: Error }) => (error.cause ?? error).message,
        );
    expect(await refusal(sql`UPDATE invoices SET total_incl_vat = 1 WHERE id = ${draft.id}`)).toMatch(
      /is issued and cannot be changed/,
    );
    expect(await refusal(sql`UPDATE invoice_lines SET unit_price = '1' WHERE invoice_id = ${draft.id}`)).toMatch(
      /issued invoice cannot change/,
    );
    expect(await refusal(sql`DELETE FROM invoices WHERE id = ${draft.id}`)).toMatch(/cannot be deleted/);
    const after = (await api(acme.api_key, 'GET', `/api/v1/invoices/${draft.id}`)).json();
    expect(after).toMatchObject({ number: '2025-00001', total_incl_vat: '673.73' });
  });

  it('refuses to finalize without what the law requires, one error per field, and takes no number', async () => {
    const bare = await provisionTenant(t.kernel, { name: 'Kaal BV', email: 'owner@kaal.test', modules: 'all' });
    const person = (
      await api(bare.api_key, 'POST', '/api/v1/persons', { first_name: 'Piet', last_name: 'Zonderadres' })
    ).json();
    const draft = (
      await api(bare.api_key, 'POST', '/api/v1/invoices', {
        customer_id: person.id,
        lines: [{ description: 'Verlegd', quantity: '1', unit_price: '10', vat_category: 'AE' }],
      })
    ).json();
    const refused = await api(bare.api_key, 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('invoice_incomplete');
    expect(
      refused
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual([
      'company.city',
      'company.iban',
      'company.kvk_number',
      'company.postal_code',
      'company.street',
      'company.vat_number',
      'customer.address.city',
      'customer.address.postal_code',
      'customer.address.street',
      'customer.vat_number',
    ]);
    // Filled in, the first number of the series is still free.
    const organizationId = await readyDocumentTenant(t, bare);
    await api(bare.api_key, 'PATCH', `/api/v1/invoices/${draft.id}`, {
      customer_id: organizationId,
      issue_date: '2026-05-01',
    });
    const finalized = await api(bare.api_key, 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    expect(finalized.json().number).toBe('2026-00001');
  });

  it('gives 50 simultaneous finalizations 50 consecutive numbers, no gap, no duplicate', async () => {
    const drafts: string[] = [];
    for (let i = 0; i < 50; i++)
      drafts.push(
        (
          await api(acme.api_key, 'POST', '/api/v1/invoices', {
            customer_id: customerId,
            issue_date: '2027-01-04',
            lines: [{ description: `Regel ${i}`, quantity: '1', unit_price: '10', vat_rate: '21' }],
          })
        ).json().id,
      );
    const results = await Promise.all(drafts.map((id) => api(acme.api_key, 'POST', `/api/v1/invoices/${id}/finalize`)));
    expect(results.map((result) => result.statusCode)).toEqual(drafts.map(() => 200));
    const numbers = results.map((result) => result.json().number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `2027-${String(i + 1).padStart(5, '0')}`));
  });

  it('edits and deletes drafts; a deleted draft used no number', async () => {
    const draft = (await api(acme.api_key, 'POST', '/api/v1/invoices', { customer_id: customerId, lines: [] })).json();
    const edited = await api(acme.api_key, 'PATCH', `/api/v1/invoices/${draft.id}`, {
      lines: [{ description: 'Advies', quantity: '1.5', unit_price: '100', vat_rate: '21', discount_percent: '10' }],
      discount_percent: '5',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ total_excl_vat: '128.25', total_vat: '26.93', total_incl_vat: '155.18' });
    expect((await api(acme.api_key, 'DELETE', `/api/v1/invoices/${draft.id}`)).statusCode).toBe(204);
    expect((await api(acme.api_key, 'GET', `/api/v1/invoices/${draft.id}`)).statusCode).toBe(404);
  });

  it('rejects bad input with the field named, and saves nothing', async () => {
    const before = (await api(acme.api_key, 'GET', '/api/v1/invoices?limit=100&status=draft')).json().data.length;
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { customer_id: customerId, lines: [{ description: 'x', quantity: '-1', unit_price: '1', vat_rate: '21' }] },
        'lines.0.quantity',
        'must_be_positive',
      ],
      [
        { customer_id: customerId, lines: [{ description: 'x', quantity: '1', unit_price: '1', vat_category: 'XX' }] },
        'lines.0.vat_category',
        'invalid_vat_category',
      ],
      [
        { customer_id: customerId, lines: [{ description: 'x', quantity: '1', unit_price: '1' }] },
        'lines.0.vat_rate',
        'required',
      ],
      [
        {
          customer_id: customerId,
          lines: [{ description: 'x', quantity: '1', unit_price: '1.00001', vat_rate: '21' }],
        },
        'lines.0.unit_price',
        'too_many_decimals',
      ],
    ];
    for (const [payload, field, code] of cases) {
      const response = await api(acme.api_key, 'POST', '/api/v1/invoices', payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toContainEqual(
        expect.objectContaining({ field: expect.stringContaining(field), code }),
      );
    }
    const after = (await api(acme.api_key, 'GET', '/api/v1/invoices?limit=100&status=draft')).json().data.length;
    expect(after).toBe(before);
  });

  it('pages through a computed status without empty pages: every open invoice once', async () => {
    const shop = await provisionTenant(t.kernel, { name: 'Pagina BV', email: 'owner@pagina.test', modules: 'all' });
    const customer = await readyDocumentTenant(t, shop);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const draft = await api(shop.api_key, 'POST', '/api/v1/invoices', {
        customer_id: customer,
        lines: [{ description: `Regel ${i}`, quantity: '1', unit_price: '10', vat_rate: '21' }],
      });
      ids.push((await api(shop.api_key, 'POST', `/api/v1/invoices/${draft.json().id}/finalize`)).json().id);
    }
    // The two newest are paid: the open ones are the last rows of the list.
    for (const id of ids.slice(2))
      expect(
        (await api(shop.api_key, 'POST', `/api/v1/invoices/${id}/payments`, { paid_on: '2026-01-01', amount: '12.10' }))
          .statusCode,
      ).toBe(201);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 5; page++) {
      const body = (await api(shop.api_key, 'GET', `/api/v1/invoices?status=open&limit=1${after}`)).json();
      expect(body.data.length, `page ${page}`).toBe(1);
      seen.push(body.data[0].id);
      if (!body.has_more) break;
      after = `&starting_after=${body.data[0].id}`;
    }
    expect(seen.sort()).toEqual(ids.slice(0, 2).sort());
  });

  it("answers 404 for another tenant's invoice and refuses another tenant's customer; 403 without the module", async () => {
    const other = await provisionTenant(t.kernel, { name: 'Ander BV', email: 'owner@ander.test', modules: 'all' });
    const draft = (await api(acme.api_key, 'POST', '/api/v1/invoices', { customer_id: customerId, lines: [] })).json();
    for (const [method, url] of [
      ['GET', `/api/v1/invoices/${draft.id}`],
      ['PATCH', `/api/v1/invoices/${draft.id}`],
      ['DELETE', `/api/v1/invoices/${draft.id}`],
      ['POST', `/api/v1/invoices/${draft.id}/finalize`],
    ] as const) {
      const response = await api(other.api_key, method, url, method === 'PATCH' ? { note: 'x' } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await api(other.api_key, 'GET', '/api/v1/invoices')).json().data).toEqual([]);
    const foreign = await api(other.api_key, 'POST', '/api/v1/invoices', { customer_id: customerId, lines: [] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'customer_id', code: 'customer_not_found' });

    const crmOnly = await provisionTenant(t.kernel, { name: 'Basis BV', email: 'owner@basis.test', modules: ['api'] });
    const forbidden = await api(crmOnly.api_key, 'GET', '/api/v1/invoices');
    expect(forbidden.statusCode).toBe(403);
  });
});

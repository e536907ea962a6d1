import { quote as quoteSchema } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, fieldErrors, publicOf } from '../../../test-support/api-requests.ts';
import { QUOTE_LINES, readyTenant, tokenOf } from './quote-fixtures.ts';

describe('quotes: incomplete sends, conflicts, tenant isolation, tokens, module access and input (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  let api: ReturnType<typeof apiOf>;
  let anonymous: ReturnType<typeof publicOf>;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    anonymous = publicOf(t);
    acme = await t.createTenant();
    customerId = await readyTenant(t, acme);
  });
  afterAll(() => t?.close());

  async function draftQuote(extra: Record<string, unknown> = {}) {
    const created = await api(acme.api_key, 'POST', '/api/v1/quotes', {
      customer_id: customerId,
      lines: QUOTE_LINES,
      ...extra,
    });
    expect(created.statusCode, created.body).toBe(201);
    return quoteSchema.parse(created.json());
  }

  async function sentQuote(extra: Record<string, unknown> = {}) {
    const draft = await draftQuote(extra);
    const sent = await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    return quoteSchema.parse(sent.json());
  }

  it('refuses to send what is incomplete, naming each field, and takes no number for it', async () => {
    const bare = await t.createTenant();
    const person = await api(bare.api_key, 'POST', '/api/v1/persons', { first_name: 'Els', last_name: 'de Vries' });
    expect(person.statusCode, person.body).toBe(201);
    const draft = (
      await api(bare.api_key, 'POST', '/api/v1/quotes', {
        customer_id: person.json().id,
        lines: [{ kind: 'text', description: 'Alleen tekst' }],
        valid_until: '2020-01-31',
      })
    ).json();
    const refused = await api(bare.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`);
    expectProblem(refused, 422, 'quote_incomplete');
    expect(fieldErrors(refused)).toEqual({
      'company.street': 'required',
      'company.postal_code': 'required',
      'company.city': 'required',
      'company.kvk_number': 'required',
      'company.vat_number': 'required',
      'company.iban': 'required',
      email: 'required',
      lines: 'required',
      valid_until: 'date_in_past',
    });
    expect((await api(bare.api_key, 'GET', `/api/v1/quotes/${draft.id}`)).json()).toMatchObject({
      status: 'draft',
      number: null,
    });
    // An address given at sending stands in for the missing one.
    await readyTenant(t, bare);
    await api(bare.api_key, 'PATCH', `/api/v1/quotes/${draft.id}`, { lines: QUOTE_LINES, valid_until: null });
    const sent = await api(bare.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`, { email: 'els@example.test' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ sent_to: 'els@example.test', number: expect.stringMatching(/-00001$/) });
  });

  it('answers 409 on actions that do not fit the status and 412 on a stale If-Match', async () => {
    const draft = await draftQuote();
    expectProblem(await api(acme.api_key, 'GET', `/api/v1/quotes/${draft.id}/pdf`), 409, 'quote_not_sent');
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/revise`), 409, 'quote_not_revisable');
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/convert`), 409, 'quote_not_accepted');
    const changed = await api(acme.api_key, 'PATCH', `/api/v1/quotes/${draft.id}`, { note: 'Eerste' });
    expect(changed.headers.etag).toBe(`"${draft.version + 1}"`);
    expectProblem(
      await api(
        acme.api_key,
        'PATCH',
        `/api/v1/quotes/${draft.id}`,
        { note: 'Oud' },
        { 'if-match': `"${draft.version}"` },
      ),
      412,
      'version_conflict',
    );
    expectProblem(
      await api(acme.api_key, 'DELETE', `/api/v1/quotes/${draft.id}`, undefined, { 'if-match': `"${draft.version}"` }),
      412,
      'version_conflict',
    );
    // A draft has no public page: its token does not resolve.
    const result = await t.kernel.database.owner.execute(sql`SELECT public_token FROM quotes WHERE id = ${draft.id}`);
    const draftToken = (result as unknown as { rows: { public_token: string }[] }).rows[0]!.public_token;
    expectProblem(await anonymous('GET', `/api/v1/public/quotes/${draftToken}`), 404, 'quote_not_found');
  });

  it('keeps tenants apart: another tenant gets 404 on every route, and cannot use this tenant’s customer', async () => {
    const sent = await sentQuote();
    const draft = await draftQuote();
    const other = await t.createTenant();
    await readyTenant(t, other);
    for (const id of [sent.id, draft.id]) {
      const requests: [Parameters<typeof api>[1], string, unknown?][] = [
        ['GET', `/api/v1/quotes/${id}`],
        ['PATCH', `/api/v1/quotes/${id}`, { note: 'x' }],
        ['DELETE', `/api/v1/quotes/${id}`],
        ['GET', `/api/v1/quotes/${id}/revisions`],
        ['GET', `/api/v1/quotes/${id}/pdf`],
        ['POST', `/api/v1/quotes/${id}/send`],
        ['POST', `/api/v1/quotes/${id}/revise`],
        ['POST', `/api/v1/quotes/${id}/convert`],
      ];
      for (const [method, url, payload] of requests)
        expectProblem(await api(other.api_key, method, url, payload), 404, 'quote_not_found');
    }
    expect((await api(other.api_key, 'GET', '/api/v1/quotes')).json().data).toEqual([]);
    const foreignCustomer = await api(other.api_key, 'POST', '/api/v1/quotes', { customer_id: customerId, lines: [] });
    expectProblem(foreignCustomer, 400, 'validation_failed');
    expect(fieldErrors(foreignCustomer)).toEqual({ customer_id: 'customer_not_found' });
    // Row-level security: the other tenant's transaction sees none of these rows, whatever it asks.
    const seen = await t.kernel.database.withTenant(other.tenant_id, (tx) =>
      tx.execute(sql`SELECT count(*)::int AS n FROM quotes WHERE id IN (${sent.id}, ${draft.id})`),
    );
    expect((seen as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('answers an unknown, mistyped or cut-off token with 404', async () => {
    const unknown = 'A'.repeat(43);
    // A link with text pasted after it can be any length: still a 404, not a validation error.
    for (const token of [unknown, 'abc', `${unknown}x`, `${unknown}${'x'.repeat(300)}`]) {
      expectProblem(await anonymous('GET', `/api/v1/public/quotes/${token}`), 404, 'quote_not_found');
      expectProblem(await anonymous('GET', `/api/v1/public/quotes/${token}/pdf`), 404, 'quote_not_found');
      expectProblem(
        await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, { name: 'Jan', accept_terms: true }),
        404,
        'quote_not_found',
      );
      expectProblem(
        await anonymous('POST', `/api/v1/public/quotes/${token}/decline`, { reason: 'Nee' }),
        404,
        'quote_not_found',
      );
    }
    // Beyond any link's length the router itself answers, still as a problem.
    expectProblem(await anonymous('GET', `/api/v1/public/quotes/${'x'.repeat(1200)}`), 404, 'not_found');
  });

  it('answers 403 module_not_enabled on every route for a tenant without the Quotes module; its links stop working', async () => {
    const withoutQuotes = await provisionTenant(t.kernel, {
      name: `Zonder offertes ${++counter} BV`,
      email: `no-quotes-${counter}@quotes.test`,
      modules: ['crm', 'products', 'invoices', 'api'],
    });
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: [Parameters<typeof api>[1], string, unknown?][] = [
      ['GET', '/api/v1/quotes'],
      ['POST', '/api/v1/quotes', { customer_id: id, lines: [] }],
      ['GET', `/api/v1/quotes/${id}`],
      ['PATCH', `/api/v1/quotes/${id}`, { note: 'x' }],
      ['DELETE', `/api/v1/quotes/${id}`],
      ['GET', `/api/v1/quotes/${id}/revisions`],
      ['GET', `/api/v1/quotes/${id}/pdf`],
      ['POST', `/api/v1/quotes/${id}/send`],
      ['POST', `/api/v1/quotes/${id}/revise`],
      ['POST', `/api/v1/quotes/${id}/convert`],
    ];
    for (const [method, url, payload] of requests)
      expectProblem(await api(withoutQuotes.api_key, method, url, payload), 403, 'module_not_enabled');

    // A tenant that drops the module: the customer's link answers as if unknown.
    const dropping = await provisionTenant(t.kernel, {
      name: `Stopt met offertes ${++counter} BV`,
      email: `dropping-${counter}@quotes.test`,
      modules: ['crm', 'products', 'invoices', 'quotes', 'api'],
    });
    const droppingCustomer = await readyTenant(t, dropping);
    const draft = (
      await api(dropping.api_key, 'POST', '/api/v1/quotes', { customer_id: droppingCustomer, lines: QUOTE_LINES })
    ).json();
    const sent = (await api(dropping.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`)).json();
    const token = tokenOf(sent.public_url);
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}`)).statusCode).toBe(200);
    await t.kernel.database.owner.execute(
      sql`UPDATE tenants SET modules = ${'{crm,products,invoices,api}'}::text[] WHERE id = ${dropping.tenant_id}`,
    );
    t.kernel.tenantAccess.forget(dropping.tenant_id);
    expectProblem(await anonymous('GET', `/api/v1/public/quotes/${token}`), 404, 'quote_not_found');
  });

  it('answers bad input with 400 problem+json naming every field, and saves nothing', async () => {
    const before = (await api(acme.api_key, 'GET', '/api/v1/quotes?limit=100')).json().data.length;
    const bad = await api(acme.api_key, 'POST', '/api/v1/quotes', {
      customer_id: 'not-a-uuid',
      valid_until: '2026-13-01',
      lines: [
        { description: 'Negatief', quantity: '-1', unit_price: '10', vat_rate: '21' },
        { description: 'Optie', unit_price: '10', vat_rate: '21', is_optional: 'ja' },
        { kind: 'heading' },
      ],
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(fieldErrors(bad)).toEqual({
      customer_id: 'invalid_id',
      valid_until: 'invalid_date',
      'lines.0.quantity': 'must_be_positive',
      'lines.1.is_optional': 'invalid_boolean',
      'lines.2.description': 'required',
    });
    const backwards = await api(acme.api_key, 'POST', '/api/v1/quotes', {
      customer_id: customerId,
      issue_date: '2026-03-01',
      valid_until: '2026-02-01',
    });
    expect(fieldErrors(backwards)).toEqual({ valid_until: 'valid_until_before_issue_date' });
    expect((await api(acme.api_key, 'GET', '/api/v1/quotes?limit=100')).json().data).toHaveLength(before);
    expectProblem(await api(acme.api_key, 'GET', '/api/v1/quotes?status=lost'), 400, 'validation_failed');
    expectProblem(await api(acme.api_key, 'GET', '/api/v1/quotes/not-a-uuid'), 400, 'validation_failed');

    // The customer's answer is checked too: the checkbox, the name, and which lines can be ticked.
    const sent = await sentQuote();
    const token = tokenOf(sent.public_url!);
    const unticked = await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, {
      name: '',
      accept_terms: false,
      selected_optional_lines: [1, 3, 9, 3],
    });
    expectProblem(unticked, 400, 'validation_failed');
    expect(fieldErrors(unticked)).toEqual({ name: 'required', accept_terms: 'acceptance_required' });
    const wrongLines = await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, {
      name: 'Jan',
      accept_terms: true,
      selected_optional_lines: [1, 3, 9, 3],
    });
    expectProblem(wrongLines, 400, 'validation_failed');
    expect(fieldErrors(wrongLines)).toEqual({
      'selected_optional_lines.0': 'not_an_optional_line',
      'selected_optional_lines.2': 'unknown_line',
      'selected_optional_lines.3': 'duplicate_line',
    });
    // Nothing was recorded: the customer can still accept.
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}`)).json().can_respond).toBe(true);
  });

  it('documents every route in the OpenAPI document; the customer’s routes need no login', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations: [string, string][] = [
      ['/api/v1/quotes', 'get'],
      ['/api/v1/quotes', 'post'],
      ['/api/v1/quotes/{id}', 'get'],
      ['/api/v1/quotes/{id}', 'patch'],
      ['/api/v1/quotes/{id}', 'delete'],
      ['/api/v1/quotes/{id}/revisions', 'get'],
      ['/api/v1/quotes/{id}/send', 'post'],
      ['/api/v1/quotes/{id}/revise', 'post'],
      ['/api/v1/quotes/{id}/convert', 'post'],
      ['/api/v1/quotes/{id}/pdf', 'get'],
      ['/api/v1/public/quotes/{token}', 'get'],
      ['/api/v1/public/quotes/{token}/pdf', 'get'],
      ['/api/v1/public/quotes/{token}/accept', 'post'],
      ['/api/v1/public/quotes/{token}/decline', 'post'],
    ];
    for (const [path, method] of operations) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const line =
      document.paths['/api/v1/quotes'].post.requestBody.content['application/json'].schema.properties.lines.items;
    expect(line.properties.is_optional).toMatchObject({ type: 'boolean' });
    expect(document.paths['/api/v1/public/quotes/{token}/accept'].post.security).toEqual([]);
  });
});

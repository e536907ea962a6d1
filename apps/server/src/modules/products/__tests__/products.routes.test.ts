import { product as productSchema } from '@clientbox/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { cookieOf } from '../../../test-support/session-helpers.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

const CONSULTANCY = {
  code: 'CONS-001',
  name: 'Consultancy per uur',
  description: 'Advies op locatie of op afstand',
  unit_code: 'HUR',
  unit_price: '95.5',
  purchase_price: '60',
  vat_rate: '21',
  vat_category: 'S',
  revenue_account: '8000',
  category: 'Diensten',
};

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('products: catalogue CRUD, search and archive (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let counter = 0;

  const create = (key: string, payload: Record<string, unknown>) =>
    t.api(key, { method: 'POST', url: '/api/v1/products', payload });
  const list = async (key: string, query = '') =>
    (await t.api(key, { method: 'GET', url: `/api/v1/products${query}` })).json();
  const codes = async (key: string, query = '') =>
    (await list(key, query)).data.map((item: { code: string }) => item.code);
  const auditActions = async (key: string) =>
    (await t.api(key, { method: 'GET', url: '/api/v1/audit_events?limit=100' }))
      .json()
      .data.map((event: { action: string }) => event.action);

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
  });
  afterAll(() => t?.close());

  it('creates a product with its price, margin, unit and VAT class, and reads it back with an ETag', async () => {
    const created = await create(acme.api_key, CONSULTANCY);
    expect(created.statusCode, created.body).toBe(201);
    const body = productSchema.parse(created.json());
    expect(body).toMatchObject({
      object: 'product',
      code: 'CONS-001',
      name: 'Consultancy per uur',
      unit_code: 'HUR',
      unit_price: '95.5000',
      purchase_price: '60.0000',
      currency: 'EUR',
      margin: { amount: '35.5000', percent: '37.17' },
      vat_category: 'S',
      vat_rate: '21',
      vat_rate_class: 'standard',
      revenue_account: '8000',
      category: 'Diensten',
      recurring_period: null,
      archived: false,
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/products/${body.id}`);

    const read = await t.api(acme.api_key, { method: 'GET', url: `/api/v1/products/${body.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(body);
    expect(await auditActions(acme.api_key)).toContain('product.created');
  });

  it('lists every invalid field with its own code', async () => {
    const response = await create(acme.api_key, {
      code: '',
      name: 'Kabel',
      unit_code: 'BUSHEL',
      unit_price: '1.23456',
      purchase_price: 'twee',
      vat_category: 'X',
      recurring_period: 'week',
      colour: 'red',
    });
    expectProblem(response, 400, 'validation_failed');
    const errors = Object.fromEntries(
      response.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
    );
    expect(errors).toEqual({
      code: 'required',
      unit_code: 'invalid_unit_code',
      unit_price: 'too_many_decimals',
      purchase_price: 'invalid_amount',
      vat_category: 'invalid_vat_category',
      recurring_period: 'invalid_recurring_period',
      colour: 'unknown_field',
    });
  });

  it('refuses a second product with the same code: 409 product_code_taken on the field code', async () => {
    const response = await create(acme.api_key, { ...CONSULTANCY, name: 'Other' });
    expectProblem(response, 409, 'product_code_taken');
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'code', code: 'product_code_taken' })]);
    // Another tenant may use the same code.
    const other = await t.createTenant();
    expect((await create(other.api_key, CONSULTANCY)).statusCode).toBe(201);
  });

  it('updates only the fields sent, with If-Match; a stale version is 412 and a taken code 409', async () => {
    const { id } = (await create(acme.api_key, { code: 'UPD-1', name: 'Update me', unit_price: '10' })).json();
    await create(acme.api_key, { code: 'UPD-2', name: 'Neighbour', unit_price: '10' });
    const patch = (payload: Record<string, unknown>, ifMatch?: string) =>
      t.api(acme.api_key, {
        method: 'PATCH',
        url: `/api/v1/products/${id}`,
        payload,
        headers: ifMatch ? { 'if-match': ifMatch } : {},
      });
    const changed = await patch({ unit_price: '12.3456', purchase_price: '10', description: 'Nieuw' }, '"1"');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({
      name: 'Update me',
      unit_price: '12.3456',
      margin: { amount: '2.3456', percent: '19.00' },
      description: 'Nieuw',
      version: 2,
    });
    expectProblem(await patch({ name: 'Lost update' }, '"1"'), 412, 'version_conflict');
    expectProblem(await patch({ code: 'UPD-2' }), 409, 'product_code_taken');
    expectProblem(await patch({ unit_price: '-1' }), 400, 'validation_failed');
    const cleared = await patch({ description: '', purchase_price: null }, '"2"');
    expect(cleared.json()).toMatchObject({ description: null, purchase_price: null, margin: null, version: 3 });
    // Nothing changed: no new version.
    expect((await patch({ name: 'Update me' })).json().version).toBe(3);
    const audit = await t.api(acme.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' });
    const updates = audit
      .json()
      .data.filter((event: { action: string; target_id: string }) => event.target_id === id)
      .map((event: { action: string; details: { fields?: string[] } }) => [event.action, event.details.fields]);
    // Newest first: one entry per version, each naming the fields that changed.
    expect(updates).toEqual([
      ['product.updated', ['description', 'purchase_price']],
      ['product.updated', ['description', 'unit_price', 'purchase_price']],
      ['product.created', undefined],
    ]);
  });

  it('finds products by code or name, also with a typo, best match first', async () => {
    const tenant = await t.createTenant();
    for (const [code, name] of [
      ['STL-01', 'Bureaustoel ergonomisch'],
      ['HOST-M', 'Webhosting maandelijks'],
      ['KBL-5', 'Netwerkkabel Cat6 5 meter'],
      ['CONS-1', 'Consultancy'],
      ['CAFE', 'Café-ontbijt'],
    ])
      expect((await create(tenant.api_key, { code, name, unit_price: '1' })).statusCode).toBe(201);
    expect(await codes(tenant.api_key, '?q=bureustoel')).toEqual(['STL-01']);
    expect(await codes(tenant.api_key, '?q=konsultancy')).toEqual(['CONS-1']);
    expect(await codes(tenant.api_key, '?q=hostng')).toEqual(['HOST-M']);
    expect(await codes(tenant.api_key, '?q=kbl')).toEqual(['KBL-5']);
    expect(await codes(tenant.api_key, '?q=cafe')).toEqual(['CAFE']);
    expect(await codes(tenant.api_key, '?q=zzzzzz')).toEqual([]);
    // A literal match ranks above a similar one.
    await create(tenant.api_key, { code: 'STL-02', name: 'Stoel', unit_price: '1' });
    expect((await codes(tenant.api_key, '?q=stoel'))[0]).toBe('STL-02');
  });

  it('pages with a cursor, sorts, and filters on active, category and recurring', async () => {
    const tenant = await t.createTenant();
    for (let index = 1; index <= 7; index++)
      await create(tenant.api_key, {
        code: `P-${index}`,
        name: `Product ${String.fromCharCode(72 - index)}`,
        unit_price: String(index * 10),
        category: index % 2 ? 'Oneven' : 'Even',
        ...(index === 7 ? { recurring_period: 'month' } : {}),
      });
    const first = await list(tenant.api_key, '?limit=3');
    expect(first).toMatchObject({ object: 'list', has_more: true });
    expect(first.data.map((item: { name: string }) => item.name)).toEqual(['Product A', 'Product B', 'Product C']);
    const second = await list(tenant.api_key, `?limit=3&starting_after=${first.data[2].id}`);
    expect(second.data.map((item: { code: string }) => item.code)).toEqual(['P-4', 'P-3', 'P-2']);
    const third = await list(tenant.api_key, `?limit=3&starting_after=${second.data[2].id}`);
    expect(third).toMatchObject({ has_more: false });
    expect(third.data.map((item: { code: string }) => item.code)).toEqual(['P-1']);

    expect(await codes(tenant.api_key, '?sort=-unit_price&limit=2')).toEqual(['P-7', 'P-6']);
    const byPrice = await list(tenant.api_key, '?sort=-unit_price&limit=2');
    expect(await codes(tenant.api_key, `?sort=-unit_price&limit=2&starting_after=${byPrice.data[1].id}`)).toEqual([
      'P-5',
      'P-4',
    ]);
    expect(await codes(tenant.api_key, '?category=even&sort=code')).toEqual(['P-2', 'P-4', 'P-6']);
    expect(await codes(tenant.api_key, '?recurring=true')).toEqual(['P-7']);
    expect((await codes(tenant.api_key, '?recurring=false')).length).toBe(6);
    const categories = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products/categories' });
    expect(categories.json().data).toEqual([
      { name: 'Even', count: 3 },
      { name: 'Oneven', count: 4 },
    ]);
    expectProblem(
      await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products?sort=price' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products?active=yes' }),
      400,
      'validation_failed',
    );
  });

  it('archives: still readable, gone from the active list (what pickers ask), back after unarchive', async () => {
    const tenant = await t.createTenant();
    const { id } = (await create(tenant.api_key, { code: 'OLD', name: 'Oud product', unit_price: '5' })).json();
    await create(tenant.api_key, { code: 'NEW', name: 'Nieuw product', unit_price: '5' });
    const archived = await t.api(tenant.api_key, {
      method: 'POST',
      url: `/api/v1/products/${id}/archive`,
      headers: { 'if-match': '"1"' },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, archived_at: expect.any(String), version: 2 });
    expect((await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/products/${id}` })).json().archived).toBe(true);
    expect(await codes(tenant.api_key, '?active=true')).toEqual(['NEW']);
    expect(await codes(tenant.api_key, '?active=true&q=oud')).toEqual([]);
    expect(await codes(tenant.api_key, '?active=false')).toEqual(['OLD']);
    expect((await codes(tenant.api_key)).sort()).toEqual(['NEW', 'OLD']);
    // Archiving again changes nothing.
    expect(
      (await t.api(tenant.api_key, { method: 'POST', url: `/api/v1/products/${id}/archive` })).json().version,
    ).toBe(2);
    const restored = await t.api(tenant.api_key, { method: 'POST', url: `/api/v1/products/${id}/unarchive` });
    expect(restored.json()).toMatchObject({ archived: false, archived_at: null, version: 3 });
    expect((await codes(tenant.api_key, '?active=true')).sort()).toEqual(['NEW', 'OLD']);
    expect(await auditActions(tenant.api_key)).toEqual(
      expect.arrayContaining(['product.archived', 'product.unarchived']),
    );
  });

  it('deletes, with If-Match, and audits it', async () => {
    const { id } = (await create(acme.api_key, { code: 'DEL', name: 'Weg ermee', unit_price: '1' })).json();
    expectProblem(
      await t.api(acme.api_key, { method: 'DELETE', url: `/api/v1/products/${id}`, headers: { 'if-match': '"7"' } }),
      412,
      'version_conflict',
    );
    const deleted = await t.api(acme.api_key, {
      method: 'DELETE',
      url: `/api/v1/products/${id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(deleted.statusCode).toBe(204);
    expectProblem(
      await t.api(acme.api_key, { method: 'GET', url: `/api/v1/products/${id}` }),
      404,
      'product_not_found',
    );
    expect(await auditActions(acme.api_key)).toContain('product.deleted');
  });

  it("answers 404 for another tenant's product on every route, and changes nothing", async () => {
    const { id, version } = (await create(acme.api_key, { code: 'MINE', name: 'Van Acme', unit_price: '1' })).json();
    const other = await t.createTenant();
    const requests = [
      { method: 'GET' as const, url: `/api/v1/products/${id}` },
      { method: 'GET' as const, url: `/api/v1/products/${id}?on=2026-01-01` },
      { method: 'PATCH' as const, url: `/api/v1/products/${id}`, payload: { name: 'Stolen' } },
      { method: 'DELETE' as const, url: `/api/v1/products/${id}` },
      { method: 'POST' as const, url: `/api/v1/products/${id}/archive` },
      { method: 'POST' as const, url: `/api/v1/products/${id}/unarchive` },
    ];
    for (const request of requests) expectProblem(await t.api(other.api_key, request), 404, 'product_not_found');
    expect(await codes(other.api_key, '?q=mine')).toEqual([]);
    const listed = await t.api(other.api_key, { method: 'GET', url: `/api/v1/products?starting_after=${id}` });
    expect(listed.json().data).toEqual([]);
    const mine = (await t.api(acme.api_key, { method: 'GET', url: `/api/v1/products/${id}` })).json();
    expect(mine).toMatchObject({ name: 'Van Acme', archived: false, version });
    expectProblem(
      await t.api(acme.api_key, { method: 'GET', url: '/api/v1/products/not-a-uuid' }),
      400,
      'validation_failed',
    );
  });

  it('answers 403 module_not_enabled on every route for a tenant without the Products module', async () => {
    const tenant = await provisionTenant(t.kernel, {
      name: `Alleen CRM ${++counter} BV`,
      email: `crm-only-${counter}@products.test`,
      modules: ['crm', 'api'],
    });
    const id = '00000000-0000-4000-8000-000000000000';
    const requests = [
      { method: 'GET' as const, url: '/api/v1/products' },
      { method: 'POST' as const, url: '/api/v1/products', payload: CONSULTANCY },
      { method: 'GET' as const, url: '/api/v1/products/categories' },
      { method: 'GET' as const, url: '/api/v1/products/export?format=xlsx' },
      { method: 'POST' as const, url: '/api/v1/products/import?preview=true' },
      { method: 'GET' as const, url: `/api/v1/products/${id}` },
      { method: 'PATCH' as const, url: `/api/v1/products/${id}`, payload: { name: 'x' } },
      { method: 'DELETE' as const, url: `/api/v1/products/${id}` },
      { method: 'POST' as const, url: `/api/v1/products/${id}/archive` },
      { method: 'POST' as const, url: `/api/v1/products/${id}/unarchive` },
      { method: 'GET' as const, url: '/api/v1/vat_rates' },
      {
        method: 'POST' as const,
        url: '/api/v1/vat_rates',
        payload: { rate_class: 'reduced', percent: '10', valid_from: '2030-01-01' },
      },
    ];
    for (const request of requests) expectProblem(await t.api(tenant.api_key, request), 403, 'module_not_enabled');
    // The same through a browser session.
    const cookie = await t.login(tenant.user_id);
    expectProblem(await t.session(cookie, { method: 'GET', url: '/api/v1/products' }), 403, 'module_not_enabled');
    // With the module ordered, the same tenant may.
    const withProducts = await provisionTenant(t.kernel, {
      name: `Met producten ${++counter} BV`,
      email: `products-${counter}@products.test`,
      modules: ['products', 'api'],
    });
    expect((await create(withProducts.api_key, CONSULTANCY)).statusCode).toBe(201);
  });

  it('lets a member work with products but only admins add VAT rates', async () => {
    const invite = await t.api(acme.api_key, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: `member-${Date.now()}@products.test`, role: 'member' },
    });
    expect(invite.statusCode).toBe(201);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${invite.json().id}/accept`,
      payload: { name: 'Mo Member', password: 'correct horse battery' },
    });
    expect(accepted.statusCode).toBe(204);
    const cookie = cookieOf(accepted);
    const created = await t.session(cookie, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { code: 'MEMBER-1', name: 'Door een lid', unit_price: '1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.session(cookie, { method: 'GET', url: '/api/v1/vat_rates' })).statusCode).toBe(200);
    expectProblem(
      await t.session(cookie, {
        method: 'POST',
        url: '/api/v1/vat_rates',
        payload: { rate_class: 'reduced', percent: '10', valid_from: '2030-01-01' },
      }),
      403,
      'forbidden',
    );
  });

  it('is in the OpenAPI document under the tag Products', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/api/v1/products',
      '/api/v1/products/{id}',
      '/api/v1/products/{id}/archive',
      '/api/v1/products/{id}/unarchive',
      '/api/v1/products/export',
      '/api/v1/products/import',
      '/api/v1/vat_rates',
    ])
      expect(document.paths[path], path).toBeDefined();
    expect(document.paths['/api/v1/products'].post.tags).toEqual(['Products']);
    const createBody = document.paths['/api/v1/products'].post.requestBody.content['application/json'].schema;
    expect(createBody.required).toEqual(expect.arrayContaining(['code', 'name', 'unit_price']));
    expect(createBody.properties.vat_category.enum).toEqual(['S', 'Z', 'E', 'AE', 'K', 'G', 'O']);
  });
});

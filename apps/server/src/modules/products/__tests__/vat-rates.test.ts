import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { getProductForDocument } from '../index.ts';

function expectFieldError(response: LightMyRequestResponse, field: string, code: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ field, code }] });
}

describe('products: VAT as dated data per tenant (domain rules §2.1, §2.2)', () => {
  let t: TestApp;
  let tenant: ProvisionedTenant;

  const create = (payload: Record<string, unknown>) =>
    t.api(tenant.api_key, { method: 'POST', url: '/api/v1/products', payload: { unit_price: '100', ...payload } });
  const rateOn = async (id: string, on: string) =>
    (await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/products/${id}?on=${on}` })).json();

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await t.createTenant();
  });
  afterAll(() => t?.close());

  it('gives a tenant the Dutch defaults on first use', async () => {
    const response = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/vat_rates' });
    expect(response.statusCode).toBe(200);
    const rows = response
      .json()
      .data.map((rate: { rate_class: string; percent: string; valid_from: string }) => [
        rate.rate_class,
        rate.percent,
        rate.valid_from,
      ]);
    expect(rows).toEqual([
      ['accommodation', '9', '2019-01-01'],
      ['accommodation', '21', '2026-01-01'],
      ['reduced', '9', '2019-01-01'],
      ['standard', '21', '2001-01-01'],
      ['zero', '0', '2001-01-01'],
    ]);
  });

  it('stores a rate class, not a percentage: 9 → reduced, unless accommodation is asked for', async () => {
    const reduced = (await create({ code: 'BOEK', name: 'Handboek', vat_rate: '9' })).json();
    expect(reduced).toMatchObject({ vat_category: 'S', vat_rate: '9', vat_rate_class: 'reduced' });
    const stay = (
      await create({ code: 'LOGIES', name: 'Overnachting', vat_rate: '9', vat_rate_class: 'accommodation' })
    ).json();
    expect(stay).toMatchObject({ vat_rate_class: 'accommodation' });
    const standard = (await create({ code: 'STD', name: 'Zonder tarief' })).json();
    expect(standard).toMatchObject({ vat_category: 'S', vat_rate: '21', vat_rate_class: 'standard' });
  });

  it('shows the accommodation rate of the date of supply without editing the product', async () => {
    const stay = (
      await create({ code: 'NACHT', name: 'Overnachting 1 persoon', vat_rate_class: 'accommodation' })
    ).json();
    expect((await rateOn(stay.id, '2025-12-31')).vat_rate).toBe('9');
    expect((await rateOn(stay.id, '2026-01-01')).vat_rate).toBe('21');
    expect(await rateOn(stay.id, '2025-12-31')).toMatchObject({
      vat_rate_on: '2025-12-31',
      vat_rate_class: 'accommodation',
      version: 1,
    });
    expectFieldError(
      await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/products/${stay.id}?on=31-12-2025` }),
      'query.on',
      'invalid_date',
    );
  });

  it('applies a new dated rate of a class from its date on, to every product of the class', async () => {
    const book = (await create({ code: 'BOEK-2', name: 'Tweede boek', vat_rate: '9' })).json();
    const added = await t.api(tenant.api_key, {
      method: 'POST',
      url: '/api/v1/vat_rates',
      payload: { rate_class: 'reduced', percent: '11.00', valid_from: '2031-01-01', note: 'Belastingplan' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      object: 'vat_rate',
      rate_class: 'reduced',
      percent: '11',
      note: 'Belastingplan',
    });
    expect((await rateOn(book.id, '2030-12-31')).vat_rate).toBe('9');
    expect((await rateOn(book.id, '2031-01-01')).vat_rate).toBe('11');
    expect((await rateOn(book.id, '2031-01-01')).version).toBe(1);

    const twice = await t.api(tenant.api_key, {
      method: 'POST',
      url: '/api/v1/vat_rates',
      payload: { rate_class: 'reduced', percent: '12', valid_from: '2031-01-01' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'vat_rate_exists', errors: [{ field: 'valid_from' }] });
    const invalid = await t.api(tenant.api_key, {
      method: 'POST',
      url: '/api/v1/vat_rates',
      payload: { rate_class: 'Hoog Tarief', percent: '101', valid_from: '2031-13-01' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`)
        .sort(),
    ).toEqual(['percent:invalid_percent', 'rate_class:invalid_rate_class', 'valid_from:invalid_date']);
    const audit = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' });
    expect(audit.json().data.map((event: { action: string }) => event.action)).toContain('vat_rate.created');
  });

  it('a tenant’s own rate class can be chosen once it exists', async () => {
    expectFieldError(
      await create({ code: 'LUX', name: 'Luxe', vat_rate_class: 'luxury' }),
      'vat_rate_class',
      'unknown_vat_rate_class',
    );
    await t.api(tenant.api_key, {
      method: 'POST',
      url: '/api/v1/vat_rates',
      payload: { rate_class: 'luxury', percent: '25', valid_from: '2020-01-01' },
    });
    expect((await create({ code: 'LUX', name: 'Luxe', vat_rate: '25' })).json()).toMatchObject({
      vat_rate: '25',
      vat_rate_class: 'luxury',
    });
  });

  it('refuses a percentage no class has today, a class that never had it, and 0% under S', async () => {
    expectFieldError(await create({ code: 'X1', name: 'Zes', vat_rate: '6' }), 'vat_rate', 'unknown_vat_rate');
    expectFieldError(
      await create({ code: 'X2', name: 'Mismatch', vat_rate: '21', vat_rate_class: 'reduced' }),
      'vat_rate',
      'vat_rate_class_mismatch',
    );
    expectFieldError(
      await create({ code: 'X3', name: 'Nul', vat_rate: '0' }),
      'vat_rate',
      'zero_rate_needs_category_z',
    );
  });

  it('gives Z, E, AE, K and G 0% and O no rate at all', async () => {
    for (const category of ['Z', 'E', 'AE', 'K', 'G']) {
      const product = (await create({ code: `CAT-${category}`, name: category, vat_category: category })).json();
      expect(product, category).toMatchObject({ vat_category: category, vat_rate: '0', vat_rate_class: null });
    }
    const outside = (await create({ code: 'RENTE', name: 'Rente', vat_category: 'O' })).json();
    expect(outside).toMatchObject({ vat_category: 'O', vat_rate: null, vat_rate_class: null });
    expectFieldError(
      await create({ code: 'X4', name: 'O met tarief', vat_category: 'O', vat_rate: '0' }),
      'vat_rate',
      'vat_rate_not_allowed',
    );
    expectFieldError(
      await create({ code: 'X5', name: 'Verlegd', vat_category: 'AE', vat_rate: '21' }),
      'vat_rate',
      'vat_rate_must_be_zero',
    );
    expectFieldError(
      await create({ code: 'X6', name: 'Export', vat_category: 'G', vat_rate_class: 'standard' }),
      'vat_rate_class',
      'vat_rate_class_only_for_standard',
    );
  });

  it('moves between categories with PATCH: to E drops the class, back to S takes standard', async () => {
    const { id } = (await create({ code: 'SWITCH', name: 'Wisselaar', vat_rate: '9' })).json();
    const patch = (payload: Record<string, unknown>) =>
      t.api(tenant.api_key, { method: 'PATCH', url: `/api/v1/products/${id}`, payload });
    expect((await patch({ vat_category: 'E' })).json()).toMatchObject({
      vat_category: 'E',
      vat_rate: '0',
      vat_rate_class: null,
    });
    expect((await patch({ vat_category: 'S' })).json()).toMatchObject({ vat_rate: '21', vat_rate_class: 'standard' });
    expect((await patch({ vat_rate: '9' })).json()).toMatchObject({ vat_rate: '9', vat_rate_class: 'reduced' });
    // A name change keeps the class.
    expect((await patch({ name: 'Anders' })).json()).toMatchObject({ vat_rate_class: 'reduced' });
    expectFieldError(await patch({ vat_category: 'K', vat_rate: '9' }), 'vat_rate', 'vat_rate_must_be_zero');
  });

  it('getProductForDocument: the line a quote or invoice copies, with the rate of the date of supply', async () => {
    const stay = (
      await create({
        code: 'DOC-LOGIES',
        name: 'Logies',
        unit_code: 'DAY',
        unit_price: '100',
        vat_rate_class: 'accommodation',
      })
    ).json();
    const read = (onDate: string) =>
      t.kernel.database.withTenant(tenant.tenant_id, (tx) =>
        getProductForDocument({ tenantId: tenant.tenant_id, tx }, stay.id, onDate),
      );
    expect(await read('2025-12-28')).toEqual({
      id: stay.id,
      code: 'DOC-LOGIES',
      name: 'Logies',
      description: null,
      unit_code: 'DAY',
      unit_price: '100.0000',
      currency: 'EUR',
      vat_category: 'S',
      vat_rate_class: 'accommodation',
      vat_rate: '9',
      vat_rate_on: '2025-12-28',
      revenue_account: null,
      recurring_period: null,
      archived: false,
    });
    expect((await read('2026-01-02')).vat_rate).toBe('21');
    const other = await t.createTenant();
    await expect(
      t.kernel.database.withTenant(other.tenant_id, (tx) =>
        getProductForDocument({ tenantId: other.tenant_id, tx }, stay.id, '2026-01-02'),
      ),
    ).rejects.toMatchObject({ code: 'product_not_found' });
  });
});

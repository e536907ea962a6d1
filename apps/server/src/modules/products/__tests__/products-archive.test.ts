import { dataExport } from '@clientbox/contracts';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

type Entries = Record<string, Uint8Array>;

function multipart(bytes: Uint8Array) {
  const boundary = '----clientboxarchive';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.zip"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The archive with `change` applied and its manifest made to fit again. */
function repack(entries: Entries, change: (entries: Entries) => void): Uint8Array {
  const copy: Entries = { ...entries };
  change(copy);
  const manifest = JSON.parse(strFromU8(copy['manifest.json']!));
  manifest.files = Object.entries(copy)
    .filter(([path]) => path !== 'manifest.json')
    .map(([path, bytes]) => ({ path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }));
  for (const entity of manifest.entities) entity.count = JSON.parse(strFromU8(copy[entity.file]!)).length;
  copy['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(copy);
}

describe('products: export archive and import into an empty account (terms art. 17)', () => {
  let t: TestApp;
  let source: ProvisionedTenant;
  let zip: Buffer;
  let entries: Entries;

  const api = (tenant: ProvisionedTenant, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.api(tenant.api_key, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  const importZip = (tenant: ProvisionedTenant, bytes: Uint8Array) =>
    t.api(tenant.api_key, { method: 'POST', url: '/api/v1/imports', ...multipart(bytes) });
  const comparableProducts = async (tenant: ProvisionedTenant) =>
    (await api(tenant, 'GET', '/api/v1/products?limit=100&sort=code')).json();

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    source = await t.createTenant();
    await api(source, 'POST', '/api/v1/vat_rates', {
      rate_class: 'reduced',
      percent: '11',
      valid_from: '2031-01-01',
      note: 'Plan',
    });
    await api(source, 'POST', '/api/v1/vat_rates', { rate_class: 'luxury', percent: '25', valid_from: '2020-01-01' });
    for (const payload of [
      { code: 'LOGIES', name: 'Overnachting', unit_code: 'DAY', unit_price: '89.5', vat_rate_class: 'accommodation' },
      { code: 'BOEK', name: 'Handboek', unit_price: '12.3456', purchase_price: '8', vat_rate: '9', category: 'Boeken' },
      {
        code: 'LUX',
        name: 'Luxe',
        unit_price: '100',
        vat_rate: '25',
        recurring_period: 'year',
        revenue_account: '8100',
      },
      { code: 'EXPORT', name: 'Export', unit_price: '1', vat_category: 'G', description: 'Buiten de EU' },
    ])
      expect((await api(source, 'POST', '/api/v1/products', payload)).statusCode).toBe(201);
    const [luxury] = (await api(source, 'GET', '/api/v1/products?q=LUX')).json().data;
    await api(source, 'POST', `/api/v1/products/${luxury.id}/archive`);

    const started = await api(source, 'POST', '/api/v1/exports');
    const id = dataExport.parse(started.json()).id;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await api(source, 'GET', `/api/v1/jobs/${id}`)).json();
      if (job.state === 'completed') break;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(JSON.stringify(job));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    zip = (await api(source, 'GET', `/api/v1/exports/${id}/archive`)).rawPayload;
    entries = unzipSync(zip);
  });
  afterAll(() => t?.close());

  it('holds the products and the VAT rates as JSON and CSV, both importable', () => {
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    const byEntity = Object.fromEntries(manifest.entities.map((entity: { entity: string }) => [entity.entity, entity]));
    expect(byEntity['products.products']).toEqual({
      entity: 'products.products',
      file: 'data/products.products.json',
      csv_file: 'csv/products.products.csv',
      count: 4,
      importable: true,
    });
    expect(byEntity['products.vat_rates']).toMatchObject({ count: 7, importable: true });
    const rows = JSON.parse(strFromU8(entries['data/products.products.json']!));
    expect(rows.find((row: { code: string }) => row.code === 'BOEK')).toMatchObject({
      unit_price: '12.3456',
      purchase_price: '8.0000',
      vat_category: 'S',
      vat_rate_class: 'reduced',
      archived_at: null,
    });
    const csv = Buffer.from(entries['csv/products.vat_rates.csv']!).toString('utf8');
    expect(csv.slice(1).split('\r\n')[0]).toBe('rate_class,percent,valid_from,note,created_at');
  });

  it('restores products and dated rates into a new, empty account (round trip)', async () => {
    const target = await t.createTenant();
    // First use wrote the Dutch defaults: that is still an empty account.
    expect((await api(target, 'GET', '/api/v1/vat_rates')).json().data).toHaveLength(5);
    const response = await importZip(target, zip);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imported).toEqual(
      expect.arrayContaining([
        { entity: 'products.vat_rates', count: 7 },
        { entity: 'products.products', count: 4 },
      ]),
    );
    const strip = (list: { data: Record<string, unknown>[] }) => list.data.map(({ version: _v, ...rest }) => rest);
    expect(strip(await comparableProducts(target))).toEqual(strip(await comparableProducts(source)));
    const rates = (tenant: ProvisionedTenant) =>
      api(tenant, 'GET', '/api/v1/vat_rates').then((r) =>
        r.json().data.map(({ id: _i, ...rest }: Record<string, unknown>) => rest),
      );
    expect(await rates(target)).toEqual(await rates(source));
    // The dated rates came along: the reduced rate changes in 2031 without editing the product.
    const [book] = (await api(target, 'GET', '/api/v1/products?q=BOEK')).json().data;
    expect((await api(target, 'GET', `/api/v1/products/${book.id}?on=2031-01-01`)).json().vat_rate).toBe('11');

    const again = await importZip(target, zip);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('import_tenant_not_empty');
  });

  it('refuses an account with products, or with VAT rates of its own', async () => {
    const withProduct = await t.createTenant();
    await api(withProduct, 'POST', '/api/v1/products', { code: 'A', name: 'A', unit_price: '1' });
    expect((await importZip(withProduct, zip)).json()).toMatchObject({ code: 'import_tenant_not_empty' });
    const withRate = await t.createTenant();
    await api(withRate, 'POST', '/api/v1/vat_rates', {
      rate_class: 'reduced',
      percent: '10',
      valid_from: '2030-01-01',
    });
    const refused = (await importZip(withRate, zip)).json();
    expect(refused).toMatchObject({ code: 'import_tenant_not_empty' });
    expect(refused.detail).toContain('products.vat_rates');
  });

  it('checks every row like the API does, and then imports nothing', async () => {
    const bad = repack(entries, (copy) => {
      const rows = JSON.parse(strFromU8(copy['data/products.products.json']!));
      rows[1].unit_price = '1.23456';
      copy['data/products.products.json'] = strToU8(JSON.stringify(rows));
    });
    const target = await t.createTenant();
    const response = await importZip(target, bad);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'import_archive_invalid' });
    expect(response.json().detail).toMatch(/^products\.products: row 2, unit_price: too_many_decimals/);
    expect((await api(target, 'GET', '/api/v1/products')).json().data).toEqual([]);
    expect((await api(target, 'GET', '/api/v1/vat_rates')).json().data).toHaveLength(5);

    const unknownClass = repack(entries, (copy) => {
      const rates = JSON.parse(strFromU8(copy['data/products.vat_rates.json']!));
      copy['data/products.vat_rates.json'] = strToU8(
        JSON.stringify(rates.filter((rate: { rate_class: string }) => rate.rate_class !== 'luxury')),
      );
    });
    const refused = await importZip(await t.createTenant(), unknownClass);
    expect(refused.json().detail).toMatch(/vat_rate_class: unknown_vat_rate_class/);
  });
});

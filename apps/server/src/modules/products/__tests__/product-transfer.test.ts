import { productImportPreview, productImportResult } from '@clientbox/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

function multipart(file: string | Uint8Array, fields: Record<string, string> = {}, fileName = 'producten.csv') {
  const boundary = '----clientboxproducts';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The cells of the first sheet of an XLSX, row by row (shared or inline strings, numbers as text). */
function readXlsx(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>(.*?)<\/si>/gs)].map((match) =>
        [...match[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((text) => text[1]).join(''),
      )
    : [];
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((cell) => {
      const attributes = cell[1]!;
      const inner = cell[2] ?? '';
      if (/t="s"/.test(attributes)) return unescape(shared[Number(/<v>(.*?)<\/v>/.exec(inner)![1])]!);
      if (/t="inlineStr"/.test(attributes)) return unescape(/<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? '');
      return unescape(/<v>(.*?)<\/v>/.exec(inner)?.[1] ?? '');
    }),
  );
}

/** A Dutch spreadsheet: semicolons, decimal commas, unit names; rows 4, 6 and 7 are wrong. */
const DUTCH_CSV = [
  'Artikelcode;Naam;Eenheid;Prijs;BTW %;Inkoopprijs;Categorie',
  'KOF-1;Koffie;stuks;2,50;9;1,10;Horeca',
  'CONS;Consultancy;uur;€ 95,00;21;;Diensten',
  'KBL;Kabel;bushel;3,00;21;;',
  'LOG;"Overnachting; ontbijt";dag;89,5;9;;Horeca',
  'BAD;Te precies;stuk;12,34567;21;;',
  ';Zonder code;stuk;1;21;;',
].join('\r\n');

describe('products: CSV import with preview, CSV/XLSX export', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const importCsv = (
    tenant: ProvisionedTenant,
    query: string,
    file: string | Uint8Array,
    fields: Record<string, string> = {},
  ) => t.api(tenant.api_key, { method: 'POST', url: `/api/v1/products/import${query}`, ...multipart(file, fields) });
  const listCodes = async (tenant: ProvisionedTenant, query = '') =>
    (await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/products?limit=100&sort=code${query}` }))
      .json()
      .data.map((item: { code: string }) => item.code);
  const errorsByLine = (errors: { line: number; errors: { field: string; code: string }[] }[]) =>
    Object.fromEntries(errors.map((row) => [row.line, row.errors.map((error) => `${error.field}:${error.code}`)]));

  it('previews: detected columns, a proposed mapping and the errors per row, writing nothing', async () => {
    const tenant = await t.createTenant();
    const response = await importCsv(tenant, '?preview=true', DUTCH_CSV);
    expect(response.statusCode, response.body).toBe(200);
    const preview = productImportPreview.parse(response.json());
    expect(preview).toMatchObject({
      delimiter: ';',
      total_rows: 6,
      to_create: 3,
      to_update: 0,
      is_mapping_complete: true,
      mapping: {
        code: 'Artikelcode',
        name: 'Naam',
        unit_code: 'Eenheid',
        unit_price: 'Prijs',
        vat_rate: 'BTW %',
        purchase_price: 'Inkoopprijs',
        category: 'Categorie',
        description: null,
      },
    });
    expect(preview.columns[1]).toEqual({ name: 'Naam', samples: ['Koffie', 'Consultancy', 'Kabel'] });
    expect(errorsByLine(preview.errors)).toEqual({
      4: ['unit_code:invalid_unit_code'],
      6: ['unit_price:too_many_decimals'],
      7: ['code:required'],
    });
    expect(await listCodes(tenant)).toEqual([]);
  });

  it('all_or_nothing: three bad rows and nothing is imported (422 with every row’s errors)', async () => {
    const tenant = await t.createTenant();
    const response = await importCsv(tenant, '?mode=all_or_nothing', DUTCH_CSV);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'product_import_failed' });
    expect(
      response.json().errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`),
    ).toEqual(['rows.4.unit_code:invalid_unit_code', 'rows.6.unit_price:too_many_decimals', 'rows.7.code:required']);
    expect(await listCodes(tenant)).toEqual([]);
  });

  it('valid_rows: the good rows are imported, the three bad ones reported', async () => {
    const tenant = await t.createTenant();
    const response = await importCsv(tenant, '?mode=valid_rows', DUTCH_CSV);
    expect(response.statusCode, response.body).toBe(200);
    const result = productImportResult.parse(response.json());
    expect(result).toMatchObject({ mode: 'valid_rows', created: 3, updated: 0, unchanged: 0, failed: 3 });
    expect(Object.keys(errorsByLine(result.errors))).toEqual(['4', '6', '7']);
    expect(await listCodes(tenant)).toEqual(['CONS', 'KOF-1', 'LOG']);
    const [coffee] = (await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products?q=koffie' })).json().data;
    expect(coffee).toMatchObject({
      name: 'Koffie',
      unit_code: 'C62',
      unit_price: '2.5000',
      purchase_price: '1.1000',
      vat_rate: '9',
      vat_rate_class: 'reduced',
      category: 'Horeca',
    });
    const [stay] = (await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products?q=LOG' })).json().data;
    expect(stay).toMatchObject({ name: 'Overnachting; ontbijt', unit_code: 'DAY', unit_price: '89.5000' });
    const audit = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=10' });
    expect(audit.json().data[0]).toMatchObject({
      action: 'products.imported',
      details: { mode: 'valid_rows', created: 3, failed: 3, file_name: 'producten.csv' },
    });

    // The same file again with a new price for the coffee: that product is updated, the rest left as it is.
    const again = await importCsv(
      tenant,
      '?mode=valid_rows',
      DUTCH_CSV.replace('KOF-1;Koffie;stuks;2,50', 'KOF-1;Koffie;stuks;2,75'),
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2, failed: 3 });
    const changed = (await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/products/${coffee.id}` })).json();
    expect(changed).toMatchObject({ unit_price: '2.7500', version: 2 });
  });

  it('uses the mapping the person chose, and refuses one that names no column', async () => {
    const tenant = await t.createTenant();
    const csv = 'SKU,Title,Sales,Cost,Ledger\nA-1,Widget,10,4,8010\nA-2,Gadget,20,,8020\nA-1,Widget twice,10,4,8010\n';
    const mapping = {
      code: 'SKU',
      name: 'Title',
      unit_price: 'Sales',
      purchase_price: 'Cost',
      revenue_account: 'Ledger',
    };
    const preview = (await importCsv(tenant, '?preview=true', csv)).json();
    expect(preview).toMatchObject({ is_mapping_complete: false, to_create: 0, errors: [] });
    expect(preview.mapping).toMatchObject({ code: 'SKU', name: 'Title', unit_price: null });

    const checked = (await importCsv(tenant, '?preview=true', csv, { mapping: JSON.stringify(mapping) })).json();
    expect(checked).toMatchObject({ is_mapping_complete: true, to_create: 2, mapping });
    expect(errorsByLine(checked.errors)).toEqual({ 4: ['code:duplicate_code_in_file'] });

    const committed = await importCsv(tenant, '?mode=valid_rows', csv, { mapping: JSON.stringify(mapping) });
    expect(committed.json()).toMatchObject({ created: 2, failed: 1 });
    const [widget] = (await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products?q=widget' })).json().data;
    expect(widget).toMatchObject({
      code: 'A-1',
      purchase_price: '4.0000',
      margin: { amount: '6.0000', percent: '60.00' },
      revenue_account: '8010',
    });

    const wrong = await importCsv(tenant, '', csv, { mapping: JSON.stringify({ code: 'Artikel', name: 'Title' }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`)).toEqual(
      ['mapping.code:column_not_found', 'mapping.unit_price:required'],
    );
    expect((await importCsv(tenant, '', csv, { mapping: '{nope' })).json()).toMatchObject({
      errors: [{ field: 'mapping', code: 'invalid_json' }],
    });
    const empty = await importCsv(tenant, '?preview=true', '');
    expect(empty.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'file', code: 'empty_file' }] });
    const notMultipart = await t.api(tenant.api_key, {
      method: 'POST',
      url: '/api/v1/products/import',
      payload: { rows: [] },
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('exports the filtered list as CSV and as a readable XLSX, and the CSV imports again as it is', async () => {
    const source = await t.createTenant();
    expect((await importCsv(source, '?mode=valid_rows', DUTCH_CSV)).statusCode).toBe(200);
    const formula = await t.api(source.api_key, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { code: 'FX', name: '=HYPERLINK("x")', unit_price: '1', description: 'Regel 1\nRegel 2, met komma' },
    });
    expect(formula.statusCode).toBe(201);
    const [cons] = (await t.api(source.api_key, { method: 'GET', url: '/api/v1/products?q=CONS' })).json().data;
    await t.api(source.api_key, { method: 'POST', url: `/api/v1/products/${cons.id}/archive` });

    const csv = await t.api(source.api_key, {
      method: 'GET',
      url: '/api/v1/products/export?format=csv&active=true&sort=code',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'code,name,description,unit_code,unit_price,purchase_price,vat_category,vat_rate,vat_rate_class,revenue_account,category,recurring_period,archived',
    );
    expect(lines[1]).toBe(`FX,"'=HYPERLINK(""x"")","Regel 1\nRegel 2, met komma",C62,1.0000,,S,21,standard,,,,false`);
    expect(lines[2]).toBe('KOF-1,Koffie,,C62,2.5000,1.1000,S,9,reduced,,Horeca,,false');
    expect(text).not.toContain('CONS');

    const xlsx = await t.api(source.api_key, { method: 'GET', url: '/api/v1/products/export?format=xlsx&sort=code' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = readXlsx(xlsx.rawPayload);
    expect(sheet[0]).toEqual([
      'code',
      'name',
      'description',
      'unit_code',
      'unit_price',
      'purchase_price',
      'vat_category',
      'vat_rate',
      'vat_rate_class',
      'revenue_account',
      'category',
      'recurring_period',
      'archived',
    ]);
    expect(sheet.map((row) => row[0])).toEqual(['code', 'CONS', 'FX', 'KOF-1', 'LOG']);
    expect(sheet[3]).toEqual(
      expect.arrayContaining(['KOF-1', 'Koffie', 'C62', '2.5', '1.1', 'S', '9', 'reduced', 'Horeca']),
    );
    // A formula-looking name is text in the workbook, never a formula.
    expect(sheet[2]![1]).toBe('=HYPERLINK("x")');
    expect(strFromU8(unzipSync(xlsx.rawPayload)['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');

    const target = await t.createTenant();
    const reimported = await importCsv(target, '?mode=all_or_nothing', csv.rawPayload);
    expect(reimported.statusCode, reimported.body).toBe(200);
    expect(reimported.json()).toMatchObject({ created: 3, failed: 0 });
    const comparable = async (tenant: ProvisionedTenant) =>
      (await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/products?active=true&sort=code' }))
        .json()
        .data.map(({ id: _i, version: _v, created_at: _c, updated_at: _u, ...rest }: Record<string, unknown>) => rest);
    expect(await comparable(target)).toEqual(await comparable(source));
  });
});

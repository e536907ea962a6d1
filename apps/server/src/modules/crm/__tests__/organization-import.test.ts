import { organization, organizationImportPreview, organizationImportResult } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

function multipart(file: string, fields: Record<string, string> = {}) {
  const boundary = '----clientboxcrmimport';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="relaties.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** 1,000 rows in Dutch Excel style; lines 101, 501 and 901 (rows 100, 500, 900) are wrong. */
function thousandRows(): string {
  const lines = ['Naam;KvK;BTW;IBAN;E-mail;Telefoon;Straat;Postcode;Plaats;Land;Klant;Leverancier'];
  for (let row = 1; row <= 1000; row++) {
    const kvk = row === 500 ? '123' : String(10_000_000 + row);
    const phone = row === 900 ? '12' : `06 ${10_000_000 + row}`;
    const name = row === 100 ? '' : `Bedrijf ${row} B.V.`;
    const vat = row === 1 ? 'nl004495445b01' : '';
    const iban = row === 1 ? 'nl91 abna 0417 1643 00' : '';
    lines.push(
      [
        name,
        kvk,
        vat,
        iban,
        `info${row}@bedrijf.test`,
        phone,
        `Straat ${row}`,
        '3511 AA',
        'Utrecht',
        'NL',
        row % 2 ? 'ja' : 'nee',
        row % 5 === 0 ? 'ja' : '',
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

describe('CRM: CSV import of organizations', () => {
  let t: TestApp;
  const csv = thousandRows();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const importCsv = (tenant: ProvisionedTenant, query: string, file: string, fields: Record<string, string> = {}) =>
    t.api(tenant.api_key, { method: 'POST', url: `/api/v1/organizations/import${query}`, ...multipart(file, fields) });
  const count = async (tenant: ProvisionedTenant) => {
    let total = 0;
    let after = '';
    for (;;) {
      const page = (
        await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/organizations?limit=100${after}` })
      ).json();
      total += page.data.length;
      if (!page.has_more) return total;
      after = `&starting_after=${page.data.at(-1).id}`;
    }
  };
  const errorsByLine = (errors: { line: number; errors: { field: string; code: string }[] }[]) =>
    Object.fromEntries(errors.map((row) => [row.line, row.errors.map((error) => `${error.field}:${error.code}`)]));

  it('previews 1,000 rows: columns, the Dutch headers mapped, exactly the 3 bad rows, nothing written', async () => {
    const tenant = await t.createTenant();
    const response = await importCsv(tenant, '?preview=true', csv);
    expect(response.statusCode, response.body).toBe(200);
    const preview = organizationImportPreview.parse(response.json());
    expect(preview).toMatchObject({
      delimiter: ';',
      total_rows: 1000,
      to_create: 997,
      is_mapping_complete: true,
      mapping: {
        name: 'Naam',
        kvk_number: 'KvK',
        vat_number: 'BTW',
        iban: 'IBAN',
        email: 'E-mail',
        phone: 'Telefoon',
        street: 'Straat',
        postal_code: 'Postcode',
        city: 'Plaats',
        country: 'Land',
        is_customer: 'Klant',
        is_supplier: 'Leverancier',
        website: null,
      },
    });
    expect(preview.columns[0]).toEqual({
      name: 'Naam',
      samples: ['Bedrijf 1 B.V.', 'Bedrijf 2 B.V.', 'Bedrijf 3 B.V.'],
    });
    expect(errorsByLine(preview.errors)).toEqual({
      101: ['name:required'],
      501: ['kvk_number:invalid_kvk_number'],
      901: ['phone:invalid_phone'],
    });
    expect(await count(tenant)).toBe(0);
  });

  it('all_or_nothing with bad rows writes nothing and says which rows and fields', async () => {
    const tenant = await t.createTenant();
    const response = await importCsv(tenant, '?mode=all_or_nothing', csv);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 422, code: 'organization_import_failed' });
    expect(problem.detail).toContain('3 row(s)');
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([
      'rows.101.name',
      'rows.501.kvk_number',
      'rows.901.phone',
    ]);
    expect(await count(tenant)).toBe(0);
  });

  it('valid_rows writes the 997 good rows like POST /organizations: numbers, E.164, search', async () => {
    const tenant = await t.createTenant();
    const started = Date.now();
    const response = await importCsv(tenant, '?mode=valid_rows', csv);
    const elapsed = Date.now() - started;
    expect(response.statusCode, response.body).toBe(200);
    const result = organizationImportResult.parse(response.json());
    expect(result).toMatchObject({ mode: 'valid_rows', created: 997, failed: 3 });
    expect(result.errors.map((row) => row.line)).toEqual([101, 501, 901]);
    expect(elapsed).toBeLessThan(15_000);
    expect(await count(tenant)).toBe(997);

    const search = async (q: string) =>
      (await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/organizations?q=${encodeURIComponent(q)}` })).json()
        .data;
    const [first] = await search('Bedrijf 1 B.V.');
    const one = organization.parse(
      (await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/organizations/${first.id}` })).json(),
    );
    expect(one).toMatchObject({
      name: 'Bedrijf 1 B.V.',
      kvk_number: '10000001',
      vat_number: 'NL004495445B01',
      iban: 'NL91ABNA0417164300',
      is_customer: true,
      is_supplier: false,
      debtor_number: 'D00001',
      creditor_number: null,
      emails: [{ address: 'info1@bedrijf.test' }],
      phones: [{ number: '06 10000001', e164: '+31610000001' }],
      addresses: [{ type: 'visiting', street: 'Straat 1', postal_code: '3511 AA', city: 'Utrecht', country: 'NL' }],
    });
    // Customers: the 500 odd rows (all good), in file order; suppliers: every fifth row but 100, 500 and 900.
    const [last] = await search('Bedrijf 999 B.V.');
    expect(last.debtor_number).toBe('D00500');
    expect((await search('+31610000010')).map((o: { name: string }) => o.name)).toEqual(['Bedrijf 10 B.V.']);
    expect((await search('C00197')).length).toBe(1);

    // The counters continue after the import.
    const created = await t.api(tenant.api_key, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Nieuw', is_customer: true, is_supplier: true },
    });
    expect(created.json()).toMatchObject({ debtor_number: 'D00501', creditor_number: 'C00198' });
  });

  it('takes a mapping of English headers and refuses a mapping to an unknown column', async () => {
    const tenant = await t.createTenant();
    const file = 'Company,VAT,phone,Customer\r\nAcme,nl004495445b01,+31 20 123 4567,yes\r\n';
    const preview = organizationImportPreview.parse((await importCsv(tenant, '?preview=true', file)).json());
    expect(preview.mapping).toMatchObject({
      name: 'Company',
      vat_number: 'VAT',
      phone: 'phone',
      is_customer: 'Customer',
    });
    const wrong = await importCsv(tenant, '', file, { mapping: JSON.stringify({ name: 'Naam' }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: 'mapping.name', code: 'column_not_found' })]);
    const done = await importCsv(tenant, '', file, { mapping: JSON.stringify({ name: 'Company', phone: 'phone' }) });
    expect(done.json()).toMatchObject({ created: 1, failed: 0 });
    const [row] = (await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/organizations' })).json().data;
    expect(row).toMatchObject({ name: 'Acme', vat_number: null, is_customer: false });
  });
});

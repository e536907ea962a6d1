import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

/** CSV text → rows of cells (the export quotes only where needed; no line breaks in these values). */
function parseCsvText(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((match) => match[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
}

describe('CRM: list exports (CSV, XLSX) and vCard', () => {
  let t: TestApp;
  let a: ProvisionedTenant;
  let b: ProvisionedTenant;
  const ids: Record<string, string> = {};
  const get = (tenant: ProvisionedTenant, url: string) => t.api(tenant.api_key, { method: 'GET', url });
  const post = async (tenant: ProvisionedTenant, url: string, payload: Record<string, unknown>) => {
    const response = await t.api(tenant.api_key, { method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await t.createTenant('Export A BV');
    b = await t.createTenant('Export B BV');
    ids.acme = await post(a, '/api/v1/organizations', {
      name: 'Acme, Installatie B.V.',
      kvk_number: '12345678',
      is_customer: true,
      emails: [{ address: 'info@acme.test' }, { address: 'sales@acme.test' }],
      phones: [{ number: '020 123 4567' }],
      addresses: [{ type: 'visiting', street: 'Oudegracht 1', postal_code: '3511 AA', city: 'Utrecht' }],
      tags: ['vip'],
    });
    ids.beta = await post(a, '/api/v1/organizations', { name: '=Beta Leverancier', is_supplier: true });
    ids.jan = await post(a, '/api/v1/persons', {
      first_name: 'Jan',
      last_name: 'de Vries; Jr.',
      emails: [{ address: 'jan@devries.test' }],
      phones: [{ number: '06 12345678' }],
      organizations: [
        { organization_id: ids.acme, role: 'Directeur', email: 'jan@acme.test', phone: '020 123 4567' },
        { organization_id: ids.beta },
      ],
    });
    ids.piet = await post(a, '/api/v1/persons', { first_name: 'Piet', last_name: 'Pieters' });
  });
  afterAll(() => t?.close());

  it('exports the filtered organizations as CSV with import-compatible columns', async () => {
    const response = await get(a, '/api/v1/organizations/export?format=csv&is_customer=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="organizations-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [header, ...rows] = parseCsvText(response.body);
    expect(header!.slice(0, 8)).toEqual([
      'name',
      'trading_name',
      'kvk_number',
      'vat_number',
      'iban',
      'bic',
      'email',
      'phone',
    ]);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((column, index) => [column, rows[0]![index]]));
    expect(row).toMatchObject({
      name: 'Acme, Installatie B.V.',
      kvk_number: '12345678',
      email: 'info@acme.test',
      other_emails: 'sales@acme.test',
      phone: '020 123 4567',
      street: 'Oudegracht 1',
      city: 'Utrecht',
      country: 'NL',
      is_customer: 'true',
      is_supplier: 'false',
      debtor_number: 'D00001',
      tags: 'vip',
      persons: 'Jan de Vries; Jr. (Directeur)',
    });

    const all = parseCsvText((await get(a, '/api/v1/organizations/export?sort=-name')).body);
    // Sorted by name, descending ("=" before letters); a formula-like cell gets a leading apostrophe.
    expect(all.slice(1).map((cells) => cells[0])).toEqual(['Acme, Installatie B.V.', "'=Beta Leverancier"]);
  });

  it('exports XLSX and persons with their organizations and roles', async () => {
    const xlsx = await get(a, '/api/v1/organizations/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(xlsx.rawPayload);
    const sheetText =
      strFromU8(files['xl/worksheets/sheet1.xml']!) + strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(sheetText).toContain('Acme, Installatie B.V.');
    expect(sheetText).toContain('kvk_number');

    const persons = parseCsvText((await get(a, '/api/v1/persons/export?q=jan')).body);
    expect(persons[0]).toEqual(['first_name', 'last_name', 'email', 'phone', 'organizations', 'tags']);
    expect(persons.slice(1).map((cells) => cells.slice(0, 5))).toEqual([
      [
        'Jan',
        'de Vries; Jr.',
        'jan@devries.test',
        '06 12345678',
        "'=Beta Leverancier; Acme, Installatie B.V. (Directeur)",
      ],
    ]);
    const personsXlsx = await get(a, '/api/v1/persons/export?format=xlsx');
    expect(
      strFromU8(unzipSync(personsXlsx.rawPayload)['xl/sharedStrings.xml'] ?? new Uint8Array()) +
        strFromU8(unzipSync(personsXlsx.rawPayload)['xl/worksheets/sheet1.xml']!),
    ).toContain('Pieters');
  });

  it('gives a person as vCard 4.0 with organizations and roles, e-mails and phones', async () => {
    const response = await get(a, `/api/v1/persons/${ids.jan}/vcard`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/vcard/);
    expect(response.headers['content-disposition']).toContain('filename="jan-de-vries-jr.vcf"');
    expect(response.body.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Jan de Vries\\; Jr.',
      'N:de Vries\\; Jr.;Jan;;;',
      'org1.ORG:=Beta Leverancier',
      'org2.ORG:Acme\\, Installatie B.V.',
      'org2.ROLE:Directeur',
      'EMAIL;TYPE=work:jan@devries.test',
      'EMAIL;TYPE=work:jan@acme.test',
      'TEL;VALUE=uri;TYPE=voice:tel:+31612345678',
      'TEL;VALUE=uri;TYPE=voice:tel:+31201234567',
      'END:VCARD',
      '',
    ]);
    expect((await get(b, `/api/v1/persons/${ids.jan}/vcard`)).statusCode).toBe(404);
    expect((await get(a, '/api/v1/organizations/export?format=pdf')).statusCode).toBe(400);
  });
});

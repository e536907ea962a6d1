import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

const ENTITIES = [
  'crm.organizations',
  'crm.persons',
  'crm.person_organization_links',
  'crm.emails',
  'crm.phones',
  'crm.addresses',
  'crm.number_series',
];

function multipart(bytes: Uint8Array) {
  const boundary = '----clientboxcrm';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.zip"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('terms art. 17: relations survive export → import', () => {
  let t: TestApp;
  let counter = 0;
  let source: ProvisionedTenant;
  let zip: Buffer;
  const ids: Record<string, string> = {};
  const tenant = () =>
    provisionTenant(t.kernel, {
      name: `CRM export ${++counter} BV`,
      email: `owner${counter}@crm-export.test`,
      modules: ['api'],
    });
  const get = async (key: string, url: string) => (await t.api(key, { method: 'GET', url })).json();

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    source = await tenant();
    const post = async (url: string, payload: Record<string, unknown>) => {
      const response = await t.api(source.api_key, { method: 'POST', url, payload });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    ids.customer = await post('/api/v1/organizations', {
      name: 'Acme, "de beste" B.V.',
      kvk_number: '12345678',
      vat_number: 'NL004495445B01',
      iban: 'NL91ABNA0417164300',
      is_customer: true,
      is_supplier: true,
      payment_term_days: 30,
      tags: ['vip'],
      emails: [{ address: 'info@acme.test', label: 'algemeen' }],
      phones: [{ number: '020 123 4567' }, { number: '+32 470 12 34 56', label: 'België' }],
      addresses: [
        { type: 'visiting', street: 'Oudegracht 1', postal_code: '3511 AA', city: 'Utrecht' },
        { type: 'invoice', street: 'Postbus 12', postal_code: '3500 AA', city: 'Utrecht' },
      ],
    });
    ids.lead = await post('/api/v1/organizations', { name: '=Formule Lead', is_lead: true });
    ids.person = await post('/api/v1/persons', {
      first_name: 'Petra',
      last_name: 'de Vries',
      phones: [{ number: '06 11122233' }],
      organizations: [
        { organization_id: ids.customer, role: 'Directeur', phone: '030 765 4321', email: 'petra@acme.test' },
        { organization_id: ids.lead, role: 'Adviseur' },
      ],
    });
    // A deleted customer's number stays used: the imported counter continues after it.
    const gone = await post('/api/v1/organizations', { name: 'Weg', is_customer: true });
    await t.api(source.api_key, { method: 'DELETE', url: `/api/v1/organizations/${gone}` });

    const started = await t.api(source.api_key, { method: 'POST', url: '/api/v1/exports' });
    expect(started.statusCode).toBe(202);
    const jobId = started.json().id;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = await get(source.api_key, `/api/v1/jobs/${jobId}`);
      if (job.state === 'completed') break;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(JSON.stringify(job));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    zip = (await t.api(source.api_key, { method: 'GET', url: `/api/v1/exports/${jobId}/archive` })).rawPayload;
  });
  afterAll(() => t?.close());

  it('holds every relation table as JSON and CSV, importable', () => {
    const entries = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    for (const entity of ENTITIES)
      expect(manifest.entities).toContainEqual({
        entity,
        file: `data/${entity}.json`,
        csv_file: `csv/${entity}.csv`,
        count: JSON.parse(strFromU8(entries[`data/${entity}.json`]!)).length,
        importable: true,
      });
    const organizations = JSON.parse(strFromU8(entries['data/crm.organizations.json']!));
    expect(organizations.map((row: { id: string }) => row.id).sort()).toEqual([ids.customer, ids.lead].sort());
    const csv = Buffer.from(entries['csv/crm.organizations.csv']!).toString('utf8');
    expect(csv).toContain('"Acme, ""de beste"" B.V."');
    expect(csv).toContain("'=Formule Lead");
    expect(JSON.parse(strFromU8(entries['data/crm.phones.json']!))).toHaveLength(3);
    expect(JSON.parse(strFromU8(entries['data/crm.number_series.json']!))).toEqual(
      expect.arrayContaining([
        { series: 'debtor', next: 3 },
        { series: 'creditor', next: 2 },
      ]),
    );
  });

  it('restores them into an empty tenant with the same ids, searchable, numbering continued', async () => {
    const target = await tenant();
    const imported = await t.api(target.api_key, { method: 'POST', url: '/api/v1/imports', ...multipart(zip) });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toEqual(
      expect.arrayContaining([
        { entity: 'crm.organizations', count: 2 },
        { entity: 'crm.persons', count: 1 },
        { entity: 'crm.person_organization_links', count: 2 },
        { entity: 'crm.phones', count: 3 },
        { entity: 'crm.addresses', count: 2 },
      ]),
    );
    const withoutOwner = ({ owner_user_id: _o, ...rest }: Record<string, unknown>) => rest;
    for (const url of [
      `/api/v1/organizations/${ids.customer}`,
      `/api/v1/organizations/${ids.lead}`,
      `/api/v1/persons/${ids.person}`,
    ])
      expect(withoutOwner(await get(target.api_key, url))).toEqual(withoutOwner(await get(source.api_key, url)));

    const found = await get(target.api_key, '/api/v1/relations/search?q=06%2011122233');
    expect(found.data.map((hit: { id: string }) => hit.id)).toEqual([ids.person]);
    const lookup = await get(target.api_key, '/api/v1/relations/lookup?phone=0307654321');
    expect(lookup.persons.map((item: { id: string }) => item.id)).toEqual([ids.person]);
    const next = await t.api(target.api_key, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Nieuwe klant', is_customer: true },
    });
    expect(next.json().debtor_number).toBe('D00003');

    // Now it holds relations: a second import is refused.
    const again = await t.api(target.api_key, { method: 'POST', url: '/api/v1/imports', ...multipart(zip) });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an archive whose rows are invalid or point at nothing, and leaves the tenant empty', async () => {
    const entries = unzipSync(zip);
    const repack = (entity: string, change: (rows: Record<string, unknown>[]) => Record<string, unknown>[]) => {
      const copy = { ...entries };
      const rows = change(JSON.parse(strFromU8(copy[`data/${entity}.json`]!)));
      copy[`data/${entity}.json`] = strToU8(JSON.stringify(rows));
      const manifest = JSON.parse(strFromU8(copy['manifest.json']!));
      manifest.files = Object.entries(copy)
        .filter(([path]) => path !== 'manifest.json')
        .map(([path, bytes]) => ({
          path,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        }));
      for (const item of manifest.entities) item.count = JSON.parse(strFromU8(copy[item.file]!)).length;
      copy['manifest.json'] = strToU8(JSON.stringify(manifest));
      return zipSync(copy);
    };
    const cases = [
      repack('crm.organizations', (rows) => [{ ...rows[0], kvk_number: '123' }, ...rows.slice(1)]),
      repack('crm.phones', (rows) => [{ ...rows[0], number: '06 1234567' }, ...rows.slice(1)]),
      repack('crm.person_organization_links', (rows) => [
        { ...rows[0], organization_id: '00000000-0000-4000-8000-000000000000' },
      ]),
    ];
    for (const archive of cases) {
      const empty = await tenant();
      const response = await t.api(empty.api_key, { method: 'POST', url: '/api/v1/imports', ...multipart(archive) });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().code).toBe('import_archive_invalid');
      expect((await get(empty.api_key, '/api/v1/organizations')).data).toEqual([]);
    }
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataExport, importResult } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf } from '../../../test-support/session-helpers.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { provisionTenant, type ProvisionedTenant } from '../../accounts/provision-tenant.ts';
import { jobRuns } from '../../db/schema.ts';
import { changeTenantState, type StateChange } from '../../entitlements/change-tenant-state.ts';
import { AppError } from '../../errors/app-error.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

const PROFILE = {
  legal_name: 'Acme Holding B.V.',
  trading_name: 'Acme, "de beste"',
  street: 'Oudegracht 1',
  postal_code: '3511 AA',
  city: 'Utrecht',
  kvk_number: '12345678',
  vat_number: 'NL004495445B01',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  email: 'facturen@acme.test',
  phone: '030 123 4567',
  website: 'https://acme.test',
  default_payment_term_days: 30,
};

type Entries = Record<string, Uint8Array>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (entries: Entries, path: string) => JSON.parse(strFromU8(entries[path]!));
/** The text as stored, byte order mark included (TextDecoder, and so strFromU8, drops it). */
const text = (entries: Entries, path: string) => Buffer.from(entries[path]!).toString('utf8');

function multipart(bytes: Uint8Array, fileName = 'export.zip', type = 'application/zip') {
  const boundary = '----clientboxexport';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The archive with `change` applied, its manifest's checksums and counts made to fit again. */
function repack(entries: Entries, change: (entries: Entries) => void): Uint8Array {
  const copy: Entries = { ...entries };
  change(copy);
  const manifest = json(copy, 'manifest.json');
  manifest.files = Object.entries(copy)
    .filter(([path]) => path !== 'manifest.json')
    .map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  for (const entity of manifest.entities) entity.count = json(copy, entity.file).length;
  copy['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(copy);
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('terms art. 17: self-service export and import', () => {
  let t: TestApp;
  let counter = 0;
  let acme: ProvisionedTenant;
  let acmeExportId: string;
  let acmeArchive: Entries;
  let acmeZip: Buffer;
  const importsSeen: unknown[][] = [];

  const tenant = (modules?: 'all') =>
    provisionTenant(t.kernel, {
      name: `Export ${++counter} BV`,
      email: `owner${counter}@export.test`,
      ...(modules ? { modules, seats: 5 } : {}),
    });
  const change = async (tenantId: string, step: StateChange) => {
    await changeTenantState(t.kernel.database, tenantId, step);
    t.kernel.tenantAccess.forget(tenantId);
  };

  async function exportAndWait(key: string): Promise<string> {
    const started = await t.api(key, { method: 'POST', url: '/api/v1/exports' });
    expect(started.statusCode).toBe(202);
    const id = dataExport.parse(started.json()).id;
    expect(started.headers.location).toBe(`/api/v1/jobs/${id}`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await t.api(key, { method: 'GET', url: `/api/v1/jobs/${id}` })).json();
      if (job.state === 'completed') return id;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(`export ${id}: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function download(key: string, id: string): Promise<{ zip: Buffer; entries: Entries }> {
    const response = await t.api(key, { method: 'GET', url: `/api/v1/exports/${id}/archive` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="clientbox-export-[\w-]+\.zip"$/);
    return { zip: response.rawPayload, entries: unzipSync(response.rawPayload) };
  }

  const importZip = (key: string, zip: Uint8Array, headers: Record<string, string> = {}) => {
    const body = multipart(zip);
    return t.api(key, { method: 'POST', url: '/api/v1/imports', ...body, headers: { ...body.headers, ...headers } });
  };

  const auditActions = async (key: string) =>
    (await t.api(key, { method: 'GET', url: '/api/v1/audit_events?limit=100' }))
      .json()
      .data.map((event: { action: string }) => event.action);

  beforeAll(async () => {
    t = await createTestApp();
    // An importable entity after the company profile that fails on request: shows the import is all or nothing.
    t.kernel.exports.register({
      entity: 'test.failing',
      export: async () => [],
      hasData: async () => false,
      import: async (_ctx, rows) => {
        importsSeen.push(rows);
        if (rows.some((row) => (row as { fail?: boolean }).fail))
          throw new AppError('import_archive_invalid', { detail: 'test.failing: asked to fail' });
      },
    });
    await t.kernel.jobs.start();

    acme = await tenant();
    expect((await t.api(acme.api_key, { method: 'PATCH', url: '/api/v1/company', payload: PROFILE })).statusCode).toBe(
      200,
    );
    const logo = await t.api(acme.api_key, {
      method: 'POST',
      url: '/api/v1/company/logo',
      ...multipart(PNG, 'acme-logo.png', 'image/png'),
    });
    expect(logo.statusCode).toBe(204);
    acmeExportId = await exportAndWait(acme.api_key);
    ({ zip: acmeZip, entries: acmeArchive } = await download(acme.api_key, acmeExportId));
  });
  afterAll(() => t?.close());

  describe('terms art. 17: self-service export', () => {
    it('writes a manifest with counts and a sha256 per file, and nothing unlisted', () => {
      const manifest = json(acmeArchive, 'manifest.json');
      expect(manifest).toMatchObject({
        format: 'clientbox-export',
        format_version: 1,
        tenant: { id: acme.tenant_id, name: expect.stringMatching(/^Export \d+ BV$/) },
        clientbox_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
      expect(new Date(manifest.created_at).getTime()).toBeGreaterThan(Date.now() - 120_000);
      const byEntity = Object.fromEntries(
        manifest.entities.map((entity: { entity: string }) => [entity.entity, entity]),
      );
      expect(byEntity['company.profile']).toEqual({
        entity: 'company.profile',
        file: 'data/company.profile.json',
        csv_file: 'csv/company.profile.csv',
        count: 1,
        importable: true,
      });
      expect(byEntity['accounts.members']).toMatchObject({ count: 1, importable: false });
      expect(byEntity['terms.acceptances']).toMatchObject({ count: 0, importable: false });
      const auditRows = json(acmeArchive, 'data/audit.events.json');
      expect(byEntity['audit.events']).toMatchObject({ count: auditRows.length, importable: false });
      expect(auditRows.map((row: { action: string }) => row.action)).toEqual(
        expect.arrayContaining(['company.updated', 'company.logo_uploaded', 'export.requested']),
      );

      const listed = manifest.files.map((file: { path: string }) => file.path).sort();
      expect(listed).toEqual(
        Object.keys(acmeArchive)
          .filter((path) => path !== 'manifest.json')
          .sort(),
      );
      expect(listed).toEqual(expect.arrayContaining(['files/company/logo.png', 'csv/accounts.members.csv']));
      for (const file of manifest.files) {
        expect(sha256(acmeArchive[file.path]!), file.path).toBe(file.sha256);
        expect(acmeArchive[file.path]!.length).toBe(file.size);
      }
    });

    it('holds the company profile as JSON and CSV, and the logo file itself', () => {
      const [profile] = json(acmeArchive, 'data/company.profile.json');
      expect(profile).toMatchObject({
        ...PROFILE,
        country: 'NL',
        logo_file: 'files/company/logo.png',
        logo_file_name: 'acme-logo.png',
        logo_content_type: 'image/png',
      });
      expect(Buffer.from(acmeArchive[profile.logo_file]!).equals(PNG)).toBe(true);

      const csv = text(acmeArchive, 'csv/company.profile.csv');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const [header, row, end] = csv.slice(1).split('\r\n');
      expect(header).toBe(
        'legal_name,trading_name,street,postal_code,city,country,kvk_number,vat_number,iban,bic,sepa_creditor_id,email,phone,website,default_payment_term_days,logo_file,logo_file_name,logo_content_type,updated_at',
      );
      expect(row).toMatch(/^Acme Holding B\.V\.,"Acme, ""de beste""",Oudegracht 1,3511 AA,Utrecht,NL,12345678,/);
      expect(end).toBe('');

      const members = text(acmeArchive, 'csv/accounts.members.csv').slice(1).split('\r\n');
      expect(members[0]).toBe('name,email,role,member_since');
      expect(members[1]).toMatch(/^owner\d+,owner\d+@export\.test,owner,\d{4}-/);
      expect(text(acmeArchive, 'csv/terms.acceptances.csv')).toBe(
        '\uFEFFversion,effective_from,accepted_at,accepted_by_name,accepted_by_email,ip\r\n',
      );
    });

    it('lists the exports, audits the request and the download', async () => {
      const list = await t.api(acme.api_key, { method: 'GET', url: '/api/v1/exports' });
      expect(list.statusCode).toBe(200);
      const [latest] = list.json().data;
      expect(dataExport.parse(latest)).toMatchObject({
        id: acmeExportId,
        state: 'completed',
        archive: {
          size: acmeZip.length,
          sha256: sha256(acmeZip),
          download_url: `/api/v1/exports/${acmeExportId}/archive`,
        },
      });
      expect(await auditActions(acme.api_key)).toEqual(
        expect.arrayContaining(['export.requested', 'export.downloaded']),
      );
    });

    it.each<[string, 'all' | undefined, StateChange[]]>([
      ['an expired', undefined, ['expire_demo']],
      ['a suspended', 'all', ['suspend']],
      ['a deactivated', 'all', ['deactivate']],
    ])('works for %s tenant', async (_label, modules, steps) => {
      const locked = await tenant(modules);
      for (const step of steps) await change(locked.tenant_id, step);
      const write = await t.api(locked.api_key, { method: 'PATCH', url: '/api/v1/company', payload: { city: 'X' } });
      expect(write.statusCode).toBe(403);
      const id = await exportAndWait(locked.api_key);
      const { entries } = await download(locked.api_key, id);
      expect(json(entries, 'manifest.json').tenant.id).toBe(locked.tenant_id);
      expect((await t.api(locked.api_key, { method: 'GET', url: '/api/v1/exports' })).statusCode).toBe(200);
    });
  });

  describe('terms art. 17: import into an empty account', () => {
    it('restores the company profile and logo of tenant A into a new tenant B (round trip)', async () => {
      const b = await tenant();
      // The profile B's first read creates from its name is still empty.
      expect((await t.api(b.api_key, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
      const response = await importZip(b.api_key, acmeZip);
      expect(response.statusCode).toBe(200);
      expect(importResult.parse(response.json())).toMatchObject({
        imported: expect.arrayContaining([{ entity: 'company.profile', count: 1 }]),
        skipped: expect.arrayContaining([
          expect.objectContaining({ entity: 'accounts.members', reason: 'export_only' }),
          expect.objectContaining({ entity: 'audit.events', reason: 'export_only' }),
        ]),
      });

      const ignore = ({ tenant_id: _t, version: _v, updated_at: _u, ...rest }: Record<string, unknown>) => rest;
      const profileA = (await t.api(acme.api_key, { method: 'GET', url: '/api/v1/company' })).json();
      const profileB = (await t.api(b.api_key, { method: 'GET', url: '/api/v1/company' })).json();
      expect(profileB.tenant_id).toBe(b.tenant_id);
      expect(ignore(profileB)).toEqual(ignore(profileA));
      const logoB = await t.api(b.api_key, { method: 'GET', url: '/api/v1/company/logo' });
      expect(logoB.headers['content-type']).toBe('image/png');
      expect(logoB.rawPayload.equals(PNG)).toBe(true);
      expect(await auditActions(b.api_key)).toContain('import.completed');

      // B now holds data: a second import is refused.
      expectProblem(await importZip(b.api_key, acmeZip), 409, 'import_tenant_not_empty');
    });

    it('refuses a tenant with data of its own, with the code and a translated title, and changes nothing', async () => {
      const filled = await tenant();
      await t.api(filled.api_key, { method: 'PATCH', url: '/api/v1/company', payload: { city: 'Zwolle' } });
      const before = (await t.api(filled.api_key, { method: 'GET', url: '/api/v1/company' })).json();
      const refused = await importZip(filled.api_key, acmeZip, { 'accept-language': 'nl' });
      expectProblem(refused, 409, 'import_tenant_not_empty');
      expect(refused.json().title).toMatch(/leeg account/);
      expect((await t.api(filled.api_key, { method: 'GET', url: '/api/v1/company' })).json()).toEqual(before);
      expect(await auditActions(filled.api_key)).not.toContain('import.completed');
    });

    it.each<[string, () => Uint8Array]>([
      ['a file that is not a zip', () => Buffer.from('PK but not really a zip archive')],
      [
        'an archive without manifest',
        () => zipSync(Object.fromEntries(Object.entries(acmeArchive).filter(([path]) => path !== 'manifest.json'))),
      ],
      [
        'a changed file (checksum mismatch)',
        () =>
          zipSync({
            ...acmeArchive,
            'data/company.profile.json': strToU8(
              strFromU8(acmeArchive['data/company.profile.json']!).replace('Utrecht', 'Utrecht!'),
            ),
          }),
      ],
      ['a file not in the manifest', () => zipSync({ ...acmeArchive, 'files/extra.txt': strToU8('surprise') })],
      [
        'an unknown format version',
        () =>
          repack(acmeArchive, (entries) => {
            const manifest = json(entries, 'manifest.json');
            entries['manifest.json'] = strToU8(JSON.stringify({ ...manifest, format_version: 99 }));
          }),
      ],
      [
        'a row count that does not match',
        () => {
          const manifest = json(acmeArchive, 'manifest.json');
          const profile = manifest.entities.find((entity: { entity: string }) => entity.entity === 'company.profile');
          profile.count = 2;
          return zipSync({ ...acmeArchive, 'manifest.json': strToU8(JSON.stringify(manifest)) });
        },
      ],
      [
        'an invalid row with matching checksums',
        () =>
          repack(acmeArchive, (entries) => {
            const [profile] = json(entries, 'data/company.profile.json');
            entries['data/company.profile.json'] = strToU8(JSON.stringify([{ ...profile, iban: 'NL00BANK0' }]));
          }),
      ],
      [
        'a logo that is not an image',
        () =>
          repack(acmeArchive, (entries) => {
            entries['files/company/logo.png'] = strToU8('<svg onload=alert(1)>');
          }),
      ],
    ])('answers %s with 422 problem+json and leaves the tenant empty', async (_label, build) => {
      const empty = await tenant();
      const response = await importZip(empty.api_key, build());
      expectProblem(response, 422, 'import_archive_invalid');
      expect(response.json().detail).toEqual(expect.any(String));
      const profile = (await t.api(empty.api_key, { method: 'GET', url: '/api/v1/company' })).json();
      expect(profile).toMatchObject({ city: null, has_logo: false, legal_name: expect.stringMatching(/^Export/) });
    });

    it('is all or nothing: a later entity failing undoes the company profile and its logo', async () => {
      const empty = await tenant();
      const zip = repack(acmeArchive, (entries) => {
        entries['data/test.failing.json'] = strToU8(JSON.stringify([{ fail: true }]));
      });
      importsSeen.length = 0;
      expectProblem(await importZip(empty.api_key, zip), 422, 'import_archive_invalid');
      expect(importsSeen).toEqual([[{ fail: true }]]);
      const profile = (await t.api(empty.api_key, { method: 'GET', url: '/api/v1/company' })).json();
      expect(profile).toMatchObject({ city: null, has_logo: false, version: 1 });
      const files = await t.kernel.database.withTenant(empty.tenant_id, (tx) =>
        tx.execute(sql`SELECT count(*)::int AS n FROM stored_files WHERE tenant_id = ${empty.tenant_id}`),
      );
      expect((files as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      const logos = path.join(t.dataDir, 'files', 'tenants', empty.tenant_id, 'logos');
      // The folder exists because the logo was written before the failure; the rollback removed it again.
      expect(fs.readdirSync(logos)).toEqual([]);
    });
  });

  describe('terms art. 17: who may export', () => {
    it("answers 404 for another tenant's archive, an unknown id and an unfinished export", async () => {
      const other = await tenant();
      expectProblem(
        await t.api(other.api_key, { method: 'GET', url: `/api/v1/exports/${acmeExportId}/archive` }),
        404,
        'not_found',
      );
      expect(
        (await t.api(other.api_key, { method: 'GET', url: '/api/v1/exports' }))
          .json()
          .data.map((run: { id: string }) => run.id),
      ).not.toContain(acmeExportId);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectProblem(
        await t.api(acme.api_key, { method: 'GET', url: `/api/v1/exports/${unknown}/archive` }),
        404,
        'not_found',
      );
      const [running] = await t.kernel.database.withTenant(acme.tenant_id, (tx) =>
        tx
          .insert(jobRuns)
          .values({ tenantId: acme.tenant_id, name: 'tenant.export', state: 'running' })
          .returning({ id: jobRuns.id }),
      );
      expectProblem(
        await t.api(acme.api_key, { method: 'GET', url: `/api/v1/exports/${running!.id}/archive` }),
        404,
        'not_found',
      );
    });

    it('refuses a member (not an admin) with 403', async () => {
      const invite = await t.api(acme.api_key, {
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { email: 'member@export.test', role: 'member' },
      });
      expect(invite.statusCode).toBe(201);
      const accept = await t.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${invite.json().id}/accept`,
        payload: { name: 'Mia Member', password: 'correct horse battery' },
      });
      expect(accept.statusCode).toBe(204);
      const headers = { cookie: cookieOf(accept) };
      const requests = [
        { method: 'POST' as const, url: '/api/v1/exports' },
        { method: 'GET' as const, url: '/api/v1/exports' },
        { method: 'GET' as const, url: `/api/v1/exports/${acmeExportId}/archive` },
      ];
      for (const request of requests) expectProblem(await t.app.inject({ ...request, headers }), 403, 'forbidden');
      const body = multipart(acmeZip);
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/imports',
          payload: body.payload,
          headers: { ...body.headers, ...headers },
        }),
        403,
        'forbidden',
      );
    });

    it('is in the OpenAPI document', async () => {
      const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/exports', '/api/v1/exports/{id}/archive', '/api/v1/imports']),
      );
    });
  });
});

import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import {
  archiveJson as json,
  exportArchiveOf,
  importArchiveInto,
  repackArchive as repack,
  sha256,
} from '../../../test-support/export-archive.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { okOf } from '../../../test-support/api-requests.ts';
import { GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

const ENTITIES = [
  'invoices.number_series',
  'invoices.invoices',
  'invoices.lines',
  'invoices.files',
  'invoices.payments',
  'invoices.number_counters',
];

describe('terms art. 17: invoices, credit notes, payments and their stored files survive export → import', () => {
  let t: TestApp;
  let source: ProvisionedTenant;
  let zip: Uint8Array;
  let ok: ReturnType<typeof okOf>;
  const ids: Record<string, string> = {};

  const call = (tenant: ProvisionedTenant, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.api(tenant.api_key, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  /** The invoice, its payments and the bytes of every stored file, as a tenant's API shows them. */
  async function documentAsServed(tenant: ProvisionedTenant, id: string) {
    const invoice = await ok(tenant, 'GET', `/api/v1/invoices/${id}`);
    const payments = invoice.status === 'draft' ? null : await ok(tenant, 'GET', `/api/v1/invoices/${id}/payments`);
    const files: Record<string, string | number> = {};
    if (invoice.status !== 'draft')
      for (const [kind, url] of [
        ['pdf', `/api/v1/invoices/${id}/pdf`],
        ['peppol', `/api/v1/invoices/${id}/ubl`],
        ['nlcius', `/api/v1/invoices/${id}/ubl?profile=nlcius`],
      ] as const) {
        const file = await call(tenant, 'GET', url);
        files[kind] = file.statusCode === 200 ? sha256(file.rawPayload) : file.statusCode;
      }
    return { invoice, payments, files };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ok = okOf(t);
    await t.kernel.jobs.start();
    source = await t.createTenant();
    const customerId = await readyDocumentTenant(t, source);
    const issue = async (payload: object) => {
      const draft = await ok(source, 'POST', '/api/v1/invoices', { customer_id: customerId, ...payload });
      return (await ok(source, 'POST', `/api/v1/invoices/${draft.id}/finalize`)).id as string;
    };
    ids.golden = await issue({ issue_date: '2026-03-02', lines: GOLDEN_LINES, note: 'Golden' });
    ids.second = await issue({
      issue_date: '2026-04-01',
      discount_percent: '5',
      lines: [
        { kind: 'heading', description: 'Werkzaamheden' },
        {
          description: 'Uren',
          quantity: '7.25',
          unit_price: '95.5',
          vat_rate: '21',
          unit_code: 'HUR',
          discount_percent: '10',
        },
      ],
    });
    // Paid in full, then credited in part: the credit note is a refund due.
    await ok(source, 'POST', `/api/v1/invoices/${ids.golden}/payments`, { paid_on: '2026-03-10', amount: '673.73' });
    const credit = await ok(source, 'POST', `/api/v1/invoices/${ids.golden}/credit_notes`, {
      lines: [{ line_index: 1, quantity: '1' }],
      reason: 'Een uur te veel',
    });
    ids.credit = (await ok(source, 'POST', `/api/v1/invoices/${credit.id}/finalize`)).id;
    ids.draft = (
      await ok(source, 'POST', '/api/v1/invoices', { customer_id: customerId, lines: GOLDEN_LINES.slice(0, 2) })
    ).id;
    await ok(source, 'POST', `/api/v1/invoices/${ids.second}/payments`, {
      paid_on: '2026-04-10',
      amount: '100',
      method: 'cash',
      note: 'Contant, "aanbetaling"',
    });

    zip = await exportArchiveOf(t, source.api_key);
  });
  afterAll(() => t?.close());

  it('holds the documents, lines, payments and series as JSON and CSV, and the exact PDF and UBL bytes', async () => {
    const entries = unzipSync(zip);
    const manifest = json(entries, 'manifest.json');
    for (const entity of ENTITIES)
      expect(manifest.entities).toContainEqual(expect.objectContaining({ entity, importable: true }));
    const invoices = json(entries, 'data/invoices.invoices.json');
    expect(invoices.map((row: { id: string }) => row.id).sort()).toEqual(Object.values(ids).sort());
    expect(strFromU8(entries['csv/invoices.invoices.csv']!)).not.toContain('"supplier"');
    expect(strFromU8(entries['csv/invoices.payments.csv']!)).toContain('"Contant, ""aanbetaling"""');

    const files = json(entries, 'data/invoices.files.json');
    // Golden and second: PDF, Peppol and NLCIUS UBL; the credit note the same.
    expect(files).toHaveLength(9);
    for (const file of files) {
      const served = await call(
        source,
        'GET',
        `/api/v1/invoices/${file.invoice_id}/${file.kind === 'pdf' ? 'pdf' : `ubl${file.kind === 'ubl_nlcius' ? '?profile=nlcius' : ''}`}`,
      );
      expect(sha256(entries[file.file]!)).toBe(file.sha256);
      expect(sha256(served.rawPayload)).toBe(file.sha256);
    }
    expect(files.map((file: { file: string }) => file.file)).toContain(
      `files/invoices/${ids.golden}/factuur-${invoices.find((row: { id: string }) => row.id === ids.golden).number}.pdf`,
    );
  });

  it('restores them into an empty tenant: same numbers, totals, payments and file bytes; the series continues', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toEqual(
      expect.arrayContaining([
        { entity: 'invoices.invoices', count: 4 },
        { entity: 'invoices.lines', count: 10 },
        { entity: 'invoices.files', count: 9 },
        { entity: 'invoices.payments', count: 2 },
      ]),
    );
    for (const id of Object.values(ids))
      expect(await documentAsServed(target, id)).toEqual(await documentAsServed(source, id));
    const list = async (tenant: ProvisionedTenant) => (await ok(tenant, 'GET', '/api/v1/invoices?limit=100')).data;
    expect(await list(target)).toEqual(await list(source));
    const report = '/api/v1/invoices/vat_report?from=2026-01-01&to=2026-12-31';
    expect(await ok(target, 'GET', report)).toEqual(await ok(source, 'GET', report));

    // Issued stays issued: the imported documents are as immutable as the originals.
    const patch = await call(target, 'PATCH', `/api/v1/invoices/${ids.golden}`, { note: 'Anders' });
    expect(patch.statusCode).toBe(409);
    // A draft stays a draft, and finalizing continues both series where the source left off.
    const invoiceNumbers = (await list(source)).map((row: { number: string | null }) => row.number);
    const next = await ok(target, 'POST', `/api/v1/invoices/${ids.draft}/finalize`);
    expect(invoiceNumbers).not.toContain(next.number);
    expect(next.number).toBe('2026-00003');
    const credit = await ok(target, 'POST', `/api/v1/invoices/${ids.second}/credit_notes`, {});
    expect((await ok(target, 'POST', `/api/v1/invoices/${credit.id}/finalize`)).number).toBe('C2026-00002');

    const again = await importArchiveInto(t, target.api_key, zip);
    expect(again.statusCode).toBe(409);
  });

  it('continues after the highest number imported even when the counters say less', async () => {
    const entries = unzipSync(zip);
    const archive = repack(entries, (copy) => {
      copy['data/invoices.number_counters.json'] = strToU8('[]');
    });
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, archive);
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await ok(target, 'POST', `/api/v1/invoices/${ids.draft}/finalize`)).number).toBe('2026-00003');
  });

  it('refuses a stored file that is not the one issued, a document without its PDF, or totals that disagree', async () => {
    const entries = unzipSync(zip);
    const files = json(entries, 'data/invoices.files.json');
    const pdf = files.find((file: { kind: string }) => file.kind === 'pdf');
    const cases = [
      repack(entries, (copy) => {
        // One bit of the PDF flipped: the archive's own checksums made to fit, the stored SHA-256 not.
        const bytes = Buffer.from(copy[pdf.file]!);
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 1, bytes.length - 10);
        copy[pdf.file] = bytes;
      }),
      repack(entries, (copy) => {
        copy['data/invoices.files.json'] = strToU8(JSON.stringify(files.filter((file: unknown) => file !== pdf)));
        delete copy[pdf.file];
      }),
      repack(entries, (copy) => {
        const rows = json(copy, 'data/invoices.invoices.json');
        rows.find((row: { id: string }) => row.id === ids.golden).total_vat = '97.95';
        copy['data/invoices.invoices.json'] = strToU8(JSON.stringify(rows));
      }),
    ];
    for (const archive of cases) {
      const empty = await t.createTenant();
      const response = await importArchiveInto(t, empty.api_key, archive);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().code).toBe('import_archive_invalid');
      expect((await ok(empty, 'GET', '/api/v1/invoices')).data).toEqual([]);
    }
  });

  it('refuses lines that do not fit their documents: a position twice, a document the archive lacks', async () => {
    const entries = unzipSync(zip);
    const lines = json(entries, 'data/invoices.lines.json') as { invoice_id: string; position: number }[];
    const withLines = (rows: unknown[]) =>
      repack(entries, (copy) => {
        copy['data/invoices.lines.json'] = strToU8(JSON.stringify(rows));
      });
    const cases: [Uint8Array, string][] = [
      [withLines([...lines, lines[0]]), 'invoices.lines: a position occurs twice in one document'],
      [
        withLines([...lines, { ...lines[0], invoice_id: '00000000-0000-4000-8000-000000000000' }]),
        `invoices.lines: row ${lines.length + 1}: belongs to a document the archive does not hold`,
      ],
    ];
    for (const [archive, detail] of cases) {
      const empty = await t.createTenant();
      const response = await importArchiveInto(t, empty.api_key, archive);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json()).toMatchObject({ code: 'import_archive_invalid', detail });
    }
  });
});

import { amsterdamDate } from '@clientbox/contracts';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import {
  archiveJson as json,
  exportArchiveOf,
  importArchiveInto,
  sha256,
  withRows,
} from '../../../../test-support/export-archive.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import { apiOf, expectProblem, okOf } from '../../../../test-support/api-requests.ts';
import { CUSTOMER, GOLDEN_LINES, SUPPLIER } from '../../../../test-support/document-tenant.ts';
import { addDays } from '../../domain/calendar-date.ts';

type Row = Record<string, unknown>;

describe('terms art. 17: direct-debit and refund batches with their files survive export → import', () => {
  let t: TestApp;
  let source: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  let zip: Uint8Array;

  async function issue(customerId: string, extra: object) {
    const draft = await ok(source, 'POST', '/api/v1/invoices', {
      customer_id: customerId,
      lines: GOLDEN_LINES,
      ...extra,
    });
    return ok(source, 'POST', `/api/v1/invoices/${draft.id}/finalize`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    source = await t.createTenant();
    await ok(source, 'PATCH', '/api/v1/company', { ...SUPPLIER, sepa_creditor_id: 'NL69ZZZ123456780000' });
    const customer = await ok(source, 'POST', '/api/v1/organizations', { ...CUSTOMER, iban: 'NL44RABO0123456789' });
    await ok(source, 'POST', '/api/v1/mandates', {
      customer_id: customer.id,
      mandate_id: 'AFN-1',
      signed_on: '2026-01-15',
      debtor_name: 'Afnemer B.V.',
      iban: 'NL91ABNA0417164300',
    });
    const longAgo = addDays(amsterdamDate(), -30);
    await issue(customer.id, {
      payment_means: 'direct_debit',
      mandate_reference: 'AFN-1',
      issue_date: longAgo,
      payment_term_days: 14,
    });
    await ok(source, 'POST', '/api/v1/direct_debit_batches', {});
    const paid = await issue(customer.id, { issue_date: longAgo });
    await ok(source, 'POST', `/api/v1/invoices/${paid.id}/payments`, { paid_on: longAgo, amount: '673.73' });
    const creditNote = await ok(source, 'POST', `/api/v1/invoices/${paid.id}/credit_notes`, {});
    await ok(source, 'POST', `/api/v1/invoices/${creditNote.id}/finalize`);
    await ok(source, 'POST', '/api/v1/refund_batches', {});
    zip = await exportArchiveOf(t, source.api_key);
  });
  afterAll(() => t?.close());

  it('holds the batches, their items and the exact files', () => {
    const entries = unzipSync(zip);
    const manifest = json(entries, 'manifest.json').entities;
    for (const entity of [
      'receivables.direct_debit_batches',
      'receivables.direct_debit_batch_items',
      'receivables.refund_batches',
      'receivables.refund_batch_items',
    ])
      expect(manifest).toContainEqual(expect.objectContaining({ entity, importable: true }));
    for (const entity of ['receivables.direct_debit_batches', 'receivables.refund_batches']) {
      const [batch] = json(entries, `data/${entity}.json`) as Row[];
      const file = entries[batch!.file as string]!;
      expect(sha256(file)).toBe(batch!.file_sha256);
      expect(Buffer.from(file).toString('utf8')).toContain(`<MsgId>${batch!.message_id}</MsgId>`);
    }
    expect(json(entries, 'data/receivables.direct_debit_batch_items.json')).toHaveLength(1);
    expect(json(entries, 'data/receivables.refund_batch_items.json')).toHaveLength(1);
  });

  it('restores them into an empty tenant: same batches, items and bytes; the invoices stay collected', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toContainEqual({ entity: 'receivables.direct_debit_batch_items', count: 1 });
    for (const kind of ['direct_debit_batches', 'refund_batches']) {
      const [before] = (await ok(source, 'GET', `/api/v1/${kind}`)).data;
      const [after] = (await ok(target, 'GET', `/api/v1/${kind}`)).data;
      expect(after).toEqual(before);
      expect(await ok(target, 'GET', `/api/v1/${kind}/${after.id}`)).toEqual(
        await ok(source, 'GET', `/api/v1/${kind}/${before.id}`),
      );
      const fileOf = async (tenant: ProvisionedTenant) =>
        (await api(tenant.api_key, 'GET', `/api/v1/${kind}/${before.id}/file`)).rawPayload;
      expect(Buffer.compare(await fileOf(target), await fileOf(source))).toBe(0);
    }
    expectProblem(await api(target.api_key, 'POST', '/api/v1/direct_debit_batches', {}), 422, 'nothing_to_collect');
    expectProblem(await api(target.api_key, 'POST', '/api/v1/refund_batches', {}), 422, 'nothing_to_refund');
  });

  it('refuses a file that is not the one created, and writes nothing', async () => {
    const entries = unzipSync(zip);
    const broken = withRows(entries, 'receivables.direct_debit_batches', (rows) =>
      rows.map((row) => ({ ...row, file_sha256: '0'.repeat(64) })),
    );
    const target = await t.createTenant();
    const refused = await importArchiveInto(t, target.api_key, broken);
    expectProblem(refused, 422, 'import_archive_invalid');
    expect(refused.json().detail).toMatch(/receivables\.direct_debit_batches: row 1: .*\(SHA-256 differs\)/);
    expect((await ok(target, 'GET', '/api/v1/direct_debit_batches')).data).toEqual([]);
  });
});

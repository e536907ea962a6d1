import { amsterdamDate } from '@clientbox/contracts';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, okOf } from '../../../../test-support/api-requests.ts';
import { CUSTOMER, GOLDEN_LINES, SUPPLIER } from '../../../../test-support/document-tenant.ts';
import {
  archiveJson as json,
  exportArchiveOf,
  importArchiveInto,
  repackArchive,
  sha256,
  withRows,
} from '../../../../test-support/export-archive.ts';
import { startSmtpSink, type SmtpSink } from '../../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import { addDays } from '../../domain/calendar-date.ts';

type Row = Record<string, unknown>;

const ENTITIES = [
  'receivables.reminder_settings',
  'receivables.reminders',
  'receivables.collection_pauses',
  'receivables.reminder_daily_runs',
];

const SETTINGS = {
  mode: 'automatic',
  charges: 'clause',
  clause: { interest_percent_per_started_month: '2', costs_percent: '15', costs_minimum: '60.00' },
  invoice_charges: false,
  failed_collection_fee: '7.50',
  levels: [
    { days_after_due: 10, kind: 'reminder', include_charges: false },
    { days_after_due: 25, kind: 'final_notice', include_charges: true },
  ],
};

describe('terms art. 17: reminders, their PDFs, the schedule and pauses survive export → import', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let source: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  let zip: Uint8Array;
  const today = amsterdamDate();

  async function issue(customerId: string) {
    const draft = await ok(source, 'POST', '/api/v1/invoices', {
      customer_id: customerId,
      lines: GOLDEN_LINES,
      payment_term_days: 14,
    });
    return (await ok(source, 'POST', `/api/v1/invoices/${draft.id}/finalize`)) as { id: string };
  }

  async function allSent(count: number) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const list = (await ok(source, 'GET', '/api/v1/reminders')).data as { status: string }[];
      if (list.length === count && list.every((reminder) => reminder.status === 'sent')) return;
      if (Date.now() > deadline) throw new Error(`reminders not sent: ${JSON.stringify(list)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const pdfOf = async (tenant: ProvisionedTenant, id: string) =>
    (await api(tenant.api_key, 'GET', `/api/v1/reminders/${id}/pdf`)).rawPayload;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url, CLOCK_ADJUSTABLE: 'true' });
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    source = await t.createTenant('Herinnering Export BV');
    await ok(source, 'PATCH', '/api/v1/company', SUPPLIER);
    const customer = await ok(source, 'POST', '/api/v1/organizations', {
      ...CUSTOMER,
      invoice_email: 'crediteuren@afnemer.test',
    });
    const disputing = await ok(source, 'POST', '/api/v1/persons', {
      first_name: 'Els',
      last_name: 'de Vries',
      emails: [{ address: 'els@example.test' }],
      addresses: [{ type: 'postal', street: 'Dorpsstraat 3', postal_code: '1234 AB', city: 'Ergens', country: 'NL' }],
    });
    await ok(source, 'PATCH', '/api/v1/reminder_settings', SETTINGS);
    await issue(customer.id);
    // Due + 16 days: the daily job claims the day and sends level 1 of the first invoice.
    const moved = await t.app.inject({ method: 'PUT', url: '/api/v1/dev/clock', payload: { offset_days: 30 } });
    expect(moved.json(), moved.body).toMatchObject({ today: addDays(today, 30), failed_tasks: 0 });
    // Issued on the real day, so already overdue on the moved clock: sent by hand.
    const second = await issue(customer.id);
    const sent = await ok(source, 'POST', '/api/v1/reminders/send', { invoice_ids: [second.id] });
    expect(sent.sent).toHaveLength(1);
    await allSent(2);
    await ok(source, 'POST', '/api/v1/collection_pauses', {
      customer_id: disputing.id,
      reason: 'Betwist: levering onvolledig',
      until: addDays(today, 60),
    });
    zip = await exportArchiveOf(t, source.api_key);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('holds the schedule, the letters with their PDFs, the pauses and the days run', () => {
    const entries = unzipSync(zip);
    const manifest = json(entries, 'manifest.json').entities;
    for (const entity of ENTITIES)
      expect(manifest).toContainEqual(expect.objectContaining({ entity, importable: true }));
    expect(json(entries, 'data/receivables.reminder_settings.json')).toEqual([
      expect.objectContaining({
        mode: 'automatic',
        charges: 'clause',
        clause_costs_minimum: '60.00',
        failed_collection_fee: '7.50',
      }),
    ]);
    const letters = json(entries, 'data/receivables.reminders.json') as Row[];
    expect(letters.map((letter) => letter.trigger).sort()).toEqual(['daily', 'manual']);
    for (const letter of letters) {
      expect(letter.file).toBe(`files/receivables/reminders/${letter.id}.pdf`);
      const pdf = entries[letter.file as string]!;
      expect(sha256(pdf)).toBe(letter.file_sha256);
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    }
    expect(json(entries, 'data/receivables.collection_pauses.json')).toHaveLength(1);
    expect(json(entries, 'data/receivables.reminder_daily_runs.json')).toEqual([
      expect.objectContaining({ run_on: addDays(today, 30), sent: 1 }),
    ]);
    expect(Object.keys(entries)).toContain('csv/receivables.reminders.csv');
  });

  it('restores them into an empty tenant: same letters, same PDF bytes, same schedule and pauses', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    for (const [entity, count] of [
      ['receivables.reminder_settings', 1],
      ['receivables.reminders', 2],
      ['receivables.collection_pauses', 1],
      ['receivables.reminder_daily_runs', 1],
    ])
      expect(imported.json().imported).toContainEqual({ entity, count });

    expect(await ok(target, 'GET', '/api/v1/reminder_settings')).toEqual(
      await ok(source, 'GET', '/api/v1/reminder_settings'),
    );
    const before = (await ok(source, 'GET', '/api/v1/reminders')).data as { id: string; invoice_id: string }[];
    const after = (await ok(target, 'GET', '/api/v1/reminders')).data;
    expect(after).toEqual(before);
    for (const letter of before) {
      expect(await ok(target, 'GET', `/api/v1/reminders/${letter.id}`)).toEqual(
        await ok(source, 'GET', `/api/v1/reminders/${letter.id}`),
      );
      const [mine, theirs] = [await pdfOf(target, letter.id), await pdfOf(source, letter.id)];
      expect(sha256(mine)).toBe(sha256(theirs));
      expect(await ok(target, 'GET', `/api/v1/collection_history?invoice_id=${letter.invoice_id}`)).toEqual(
        await ok(source, 'GET', `/api/v1/collection_history?invoice_id=${letter.invoice_id}`),
      );
    }
    expect((await ok(target, 'GET', '/api/v1/collection_pauses')).data).toEqual(
      (await ok(source, 'GET', '/api/v1/collection_pauses')).data,
    );
    // The letters already sent count for the schedule: nothing is due again.
    const again = await ok(target, 'POST', '/api/v1/reminders/send', {});
    expect(again.sent).toEqual([]);

    // A second import into the now filled tenant is refused, naming the reminder data.
    const twice = await importArchiveInto(t, target.api_key, zip);
    expectProblem(twice, 409, 'import_tenant_not_empty');
    expect(twice.json().detail).toContain('receivables.reminders');
    expect(twice.json().detail).not.toContain('receivables.reminder_daily_runs');
  });

  it('refuses a PDF that is not the letter sent, and writes nothing', async () => {
    const entries = unzipSync(zip);
    const [letter] = json(entries, 'data/receivables.reminders.json') as Row[];
    const tampered = repackArchive(entries, (copy) => {
      const pdf = Uint8Array.from(copy[letter!.file as string]!);
      pdf[pdf.length - 10] = pdf[pdf.length - 10]! ^ 1;
      copy[letter!.file as string] = pdf;
    });
    const target = await t.createTenant();
    const refused = await importArchiveInto(t, target.api_key, tampered);
    expectProblem(refused, 422, 'import_archive_invalid');
    expect(refused.json().detail).toMatch(
      /^receivables\.reminders: row 1: files\/receivables\/reminders\/.+\.pdf is not the letter that was sent \(SHA-256 differs\)$/,
    );
    expect((await ok(target, 'GET', '/api/v1/reminders')).data).toEqual([]);
    expect((await ok(target, 'GET', '/api/v1/invoices')).data).toEqual([]);
  });

  it('refuses a letter of an invoice the archive does not hold, and a schedule without levels', async () => {
    const entries = unzipSync(zip);
    const orphan = withRows(entries, 'receivables.reminders', (rows) =>
      rows.map((row, index) => (index === 0 ? { ...row, invoice_id: crypto.randomUUID() } : row)),
    );
    const refused = await importArchiveInto(t, (await t.createTenant()).api_key, orphan);
    expectProblem(refused, 422, 'import_archive_invalid');
    expect(refused.json().detail).toBe(
      'receivables.reminders: refers to an invoice or customer the archive does not hold',
    );
    const noLevels = withRows(entries, 'receivables.reminder_settings', (rows) =>
      rows.map((row) => ({ ...row, levels: [] })),
    );
    const invalid = await importArchiveInto(t, (await t.createTenant()).api_key, noLevels);
    expectProblem(invalid, 422, 'import_archive_invalid');
    expect(invalid.json().detail).toMatch(/^receivables\.reminder_settings: row 1, levels: /);
  });

  it('takes an archive made before the failed-collection fee existed: no fee', async () => {
    const older = withRows(unzipSync(zip), 'receivables.reminder_settings', (rows) =>
      rows.map(({ failed_collection_fee: _fee, ...row }) => row),
    );
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, older);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(await ok(target, 'GET', '/api/v1/reminder_settings')).toMatchObject({
      charges: 'clause',
      failed_collection_fee: '0.00',
    });
  });
});

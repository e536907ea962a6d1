import { addDays, addMonths, amsterdamDate } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, okOf } from '../../../test-support/api-requests.ts';
import {
  archiveJson as json,
  exportArchiveOf,
  importArchiveInto,
  withRows,
} from '../../../test-support/export-archive.ts';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { bill, readyBillingTenant } from './billing-test-helpers.ts';

type Row = Record<string, unknown>;

const IMPORTABLE = [
  'subscriptions.settings',
  'subscriptions.subscriptions',
  'subscriptions.lines',
  'subscriptions.price_changes',
  'subscriptions.periods',
  'subscriptions.adjustments',
  'subscriptions.billing_days',
];
const EXPORT_ONLY = ['operator_billing.platform_customers', 'operator_billing.applied_platform_events'];

const HOSTING = { description: 'Hosting', quantity: '1', unit_price: '30.00', vat_rate: '21' };
const LICENCES = { description: 'Licentie per gebruiker', quantity: '3', unit_price: '10.00', vat_rate: '21' };

describe('terms art. 17: subscriptions and where their billing stands survive export → import', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let source: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  let zip: Uint8Array;
  let sourcePreview: { invoices: unknown[] };
  const today = amsterdamDate();
  const platformTenantId = crypto.randomUUID();

  async function announced(subscriptionId: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = await ok(source, 'GET', `/api/v1/subscriptions/${subscriptionId}`);
      if (found.price_changes.every((change: { announced_at: string | null }) => change.announced_at)) return;
      if (Date.now() > deadline) throw new Error(`price change not announced: ${JSON.stringify(found)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const listOf = async (tenant: ProvisionedTenant) =>
    (await ok(tenant, 'GET', '/api/v1/subscriptions?limit=100')).data as { id: string }[];
  const previewOf = (tenant: ProvisionedTenant) =>
    ok(tenant, 'POST', '/api/v1/subscription_billing_runs', { dry_run: true });
  const platformCustomerCount = async (tenantId: string) => {
    const result = await t.kernel.database.owner.execute(
      sql`SELECT count(*)::int AS n FROM platform_customers WHERE tenant_id = ${tenantId}`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url });
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    source = await t.createTenant('Abonnement Export BV');
    const customerId = await readyBillingTenant(t, source);
    // Only runs started by hand: the daily run stays out of the way.
    await ok(source, 'PATCH', '/api/v1/subscription_settings', { billing_mode: 'off', price_notice_months: 1 });
    const mandate = await ok(source, 'POST', '/api/v1/mandates', {
      customer_id: customerId,
      mandate_id: 'ABO-EXPORT-1',
      signed_on: addDays(today, -120),
      debtor_name: 'Afnemer B.V.',
      iban: 'NL39RABO0300065264',
    });

    const monthly = await ok(source, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Hosting en licenties',
      lines: [HOSTING, LICENCES],
      start_date: addDays(today, -65),
    });
    const quarterly = await ok(source, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Onderhoud per kwartaal',
      lines: [{ description: 'Onderhoud', quantity: '1', unit_price: '150.00', vat_rate: '21' }],
      start_date: addDays(today, -100),
      interval_months: 3,
      billing: 'arrears',
      invoice_date_rule: 'last_day',
      payment_method: 'direct_debit',
      mandate_id: mandate.id,
      group_invoices: false,
    });
    await ok(source, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Later',
      lines: [HOSTING],
      start_date: addDays(today, 10),
      end_date: addMonths(today, 6),
    });
    expect(await bill(ok, source)).toMatchObject({ invoices: 2, credit_notes: 0, failed: [] });
    expect((await ok(source, 'GET', `/api/v1/subscriptions/${quarterly.id}`)).billed_periods).toHaveLength(1);

    // A change within a period already invoiced: its charge by day waits for the next run.
    const [hostingKey, licenceKey] = monthly.lines.map((line: { line_key: string }) => line.line_key);
    await ok(source, 'POST', `/api/v1/subscriptions/${monthly.id}/changes`, {
      effective_date: today,
      lines: [
        { ...HOSTING, line_key: hostingKey },
        { ...LICENCES, quantity: '5', line_key: licenceKey },
      ],
    });
    await ok(source, 'POST', `/api/v1/subscriptions/${monthly.id}/price_changes`, {
      requested_from: addDays(addMonths(today, 1), 3),
      lines: [{ line_key: hostingKey, unit_price: '35.00' }],
      reason: 'Hogere kosten',
    });
    await announced(monthly.id);

    // The operator's billing would have linked this customer to a tenant of the platform.
    await t.kernel.database.owner.execute(
      sql`INSERT INTO platform_customers (tenant_id, platform_tenant_id, organization_id)
          VALUES (${source.tenant_id}, ${platformTenantId}, ${customerId})`,
    );

    sourcePreview = await previewOf(source);
    zip = await exportArchiveOf(t, source.api_key);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('holds the subscriptions, line versions, prices, billed periods and the pending charge, with CSV copies', () => {
    const entries = unzipSync(zip);
    const manifest = json(entries, 'manifest.json').entities as Row[];
    for (const entity of IMPORTABLE) {
      expect(manifest).toContainEqual(expect.objectContaining({ entity, importable: true }));
      expect(Object.keys(entries)).toContain(`csv/${entity}.csv`);
    }
    for (const entity of EXPORT_ONLY)
      expect(manifest).toContainEqual(expect.objectContaining({ entity, importable: false }));

    expect(json(entries, 'data/subscriptions.subscriptions.json')).toHaveLength(3);
    expect(json(entries, 'data/subscriptions.settings.json')).toEqual([
      expect.objectContaining({ billing_mode: 'off', price_notice_months: 1 }),
    ]);
    // Two versions of the licence line (3, then 5 from today), one of the hosting line, one each for the others.
    const lines = json(entries, 'data/subscriptions.lines.json') as Row[];
    expect(lines.filter((line) => line.description === LICENCES.description).map((line) => line.quantity)).toEqual([
      '3',
      '5',
    ]);
    const invoiceIds = new Set((json(entries, 'data/invoices.invoices.json') as Row[]).map((invoice) => invoice.id));
    const periods = json(entries, 'data/subscriptions.periods.json') as Row[];
    expect(periods.length).toBeGreaterThanOrEqual(4);
    for (const period of periods) expect(invoiceIds).toContain(period.invoice_id);
    expect(json(entries, 'data/subscriptions.adjustments.json')).toEqual([
      expect.objectContaining({ settled_at: null, invoice_id: null, period_end: expect.any(String) }),
    ]);
    expect(json(entries, 'data/subscriptions.price_changes.json')).toEqual([
      expect.objectContaining({ unit_price: '35.0000', previous_unit_price: '30.0000', reason: 'Hogere kosten' }),
    ]);
    expect(json(entries, 'data/operator_billing.platform_customers.json')).toEqual([
      expect.objectContaining({ platform_tenant_id: platformTenantId, suspended_for_payment_at: null }),
    ]);
  });

  it('restores them into an empty tenant, linked to the imported invoices, and the next run there bills nothing twice', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toEqual(
      expect.arrayContaining([
        { entity: 'subscriptions.subscriptions', count: 3 },
        expect.objectContaining({ entity: 'subscriptions.periods' }),
        { entity: 'subscriptions.adjustments', count: 1 },
        { entity: 'subscriptions.price_changes', count: 1 },
      ]),
    );
    expect(imported.json().skipped).toContainEqual({
      entity: 'operator_billing.platform_customers',
      count: 1,
      reason: 'export_only',
    });
    expect(await platformCustomerCount(target.tenant_id)).toBe(0);

    const before = await listOf(source);
    expect(await listOf(target)).toEqual(before);
    for (const { id } of before) {
      const theirs = await ok(source, 'GET', `/api/v1/subscriptions/${id}`);
      expect(await ok(target, 'GET', `/api/v1/subscriptions/${id}`)).toEqual(theirs);
      for (const period of theirs.billed_periods) {
        const invoice = await ok(target, 'GET', `/api/v1/invoices/${period.invoice_id}`);
        expect(invoice).toMatchObject({ number: period.invoice_number, status: 'open' });
      }
    }
    expect(await ok(target, 'GET', '/api/v1/subscription_settings')).toEqual(
      await ok(source, 'GET', '/api/v1/subscription_settings'),
    );

    // Only the pending charge of the change is due, exactly as in the exporting tenant.
    const preview = await previewOf(target);
    expect(preview).toEqual(sourcePreview);
    expect(preview.invoices).toHaveLength(1);
    expect(preview.invoices[0].periods).toEqual([]);
    const invoicesBefore = (await ok(target, 'GET', '/api/v1/invoices?limit=100')).data.length;
    expect(await bill(ok, target)).toMatchObject({ invoices: 1, credit_notes: 0, failed: [] });
    expect((await ok(target, 'GET', '/api/v1/invoices?limit=100')).data).toHaveLength(invoicesBefore + 1);
    expect((await previewOf(target)).invoices).toEqual([]);

    // Imported into one tenant, seen by no other.
    const stranger = await t.createTenant();
    expectProblem(
      await api(stranger.api_key, 'GET', `/api/v1/subscriptions/${before[0]!.id}`),
      404,
      'subscription_not_found',
    );

    // A second import into the now filled tenant is refused, naming the subscriptions.
    const twice = await importArchiveInto(t, target.api_key, zip);
    expectProblem(twice, 409, 'import_tenant_not_empty');
    expect(twice.json().detail).toContain('subscriptions.subscriptions');
    expect(twice.json().detail).not.toContain('subscriptions.billing_days');
  });

  it('refuses a billed period of an invoice the archive does not hold, and writes nothing', async () => {
    const orphan = withRows(unzipSync(zip), 'subscriptions.periods', (rows) =>
      rows.map((row, index) => (index === 0 ? { ...row, invoice_id: crypto.randomUUID() } : row)),
    );
    const target = await t.createTenant();
    const refused = await importArchiveInto(t, target.api_key, orphan);
    expectProblem(refused, 422, 'import_archive_invalid');
    expect(refused.json().detail).toBe(
      'subscriptions.periods: refers to a subscription or invoice the archive does not hold',
    );
    expect(await listOf(target)).toEqual([]);
    expect((await ok(target, 'GET', '/api/v1/invoices')).data).toEqual([]);
  });

  it('refuses a period billed twice and a subscription ending before it starts', async () => {
    const entries = unzipSync(zip);
    const doubled = withRows(entries, 'subscriptions.periods', (rows) => [
      ...rows,
      { ...rows[0], id: crypto.randomUUID() },
    ]);
    const refused = await importArchiveInto(t, (await t.createTenant()).api_key, doubled);
    expectProblem(refused, 422, 'import_archive_invalid');
    expect(refused.json().detail).toMatch(/^subscriptions\.periods: row \d+: a subscription has this period twice$/);

    const backwards = withRows(entries, 'subscriptions.subscriptions', (rows) =>
      rows.map((row, index) => (index === 0 ? { ...row, end_date: addDays(row.start_date as string, -1) } : row)),
    );
    const invalid = await importArchiveInto(t, (await t.createTenant()).api_key, backwards);
    expectProblem(invalid, 422, 'import_archive_invalid');
    expect(invalid.json().detail).toBe('subscriptions.subscriptions: row 1: end_date before start_date');
  });
});

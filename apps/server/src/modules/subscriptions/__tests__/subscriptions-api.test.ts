import { addDays, amsterdamDate } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, fieldErrors, okOf } from '../../../test-support/api-requests.ts';
import { readyDocumentTenant } from '../../../test-support/document-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { jobDone } from './billing-test-helpers.ts';

const LINES = [
  { description: 'Hosting', quantity: '1', unit_price: '30.00', vat_rate: '21' },
  { description: 'Licentie per gebruiker', quantity: '3', unit_price: '10.00', vat_rate: '21' },
];

describe('subscriptions through the API', () => {
  let t: TestApp;
  let tenant: ProvisionedTenant;
  let other: ProvisionedTenant;
  let customerId: string;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  const today = amsterdamDate();

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    tenant = await t.createTenant('Abonnement BV');
    other = await t.createTenant('Ander BV');
    customerId = await readyDocumentTenant(t, tenant);
  });
  afterAll(() => t.close());

  it('bills the periods missed so far on one invoice, then nothing more the same day', async () => {
    const start = addDays(today, -65);
    const created = await ok(tenant, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Hosting en licenties',
      lines: LINES,
      start_date: start,
    });
    expect(created).toMatchObject({
      status: 'active',
      interval_months: 1,
      billing: 'advance',
      next_invoice_date: start,
    });
    expect(created.monthly_amount).toBe('60.00');

    const preview = await ok(tenant, 'POST', '/api/v1/subscription_billing_runs', { dry_run: true });
    expect(preview.invoices).toHaveLength(1);
    expect(preview.invoices[0].periods.length).toBeGreaterThanOrEqual(3);
    expect(preview.invoices[0].total_excl_vat).toBe(`${60 * preview.invoices[0].periods.length}.00`);

    const started = await api(tenant.api_key, 'POST', '/api/v1/subscription_billing_runs', {});
    expect(started.statusCode, started.body).toBe(202);
    const job = await jobDone(ok, tenant, started.json().job_id);
    expect(job.state, JSON.stringify(job)).toBe('completed');
    expect(job.result).toMatchObject({ invoices: 1, credit_notes: 0, failed: [] });

    const billed = await ok(tenant, 'GET', `/api/v1/subscriptions/${created.id}`);
    expect(billed.billed_periods).toHaveLength(preview.invoices[0].periods.length);
    const invoiceId = billed.billed_periods[0].invoice_id;
    const invoice = await ok(tenant, 'GET', `/api/v1/invoices/${invoiceId}`);
    expect(invoice.status).toBe('open');
    expect(invoice.number).toMatch(/^\d{4}-\d+/);
    expect(invoice.total_excl_vat).toBe(preview.invoices[0].total_excl_vat);

    const again = await ok(tenant, 'POST', '/api/v1/subscription_billing_runs', { dry_run: true });
    expect(again.invoices).toEqual([]);
  });

  it('refuses bad input with the field, and another tenant sees nothing (404)', async () => {
    const bad = await api(tenant.api_key, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'X',
      lines: LINES,
      start_date: today,
      billing: 'arrears',
      invoice_date_rule: 'first_day',
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(fieldErrors(bad)).toEqual({ invoice_date_rule: 'invoice_date_rule_not_allowed' });

    const mine = await ok(tenant, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Eigen',
      lines: LINES,
      start_date: today,
    });
    expectProblem(await api(other.api_key, 'GET', `/api/v1/subscriptions/${mine.id}`), 404, 'subscription_not_found');
    expectProblem(
      await api(other.api_key, 'POST', `/api/v1/subscriptions/${mine.id}/cancel`, { mode: 'end_of_period' }),
      404,
      'subscription_not_found',
    );
    const list = await ok(other, 'GET', '/api/v1/subscriptions');
    expect(list.data).toEqual([]);
  });
});

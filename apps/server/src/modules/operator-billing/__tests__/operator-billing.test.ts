import { addDays, amsterdamDate } from '@clientbox/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { tenants } from '../../../kernel/db/schema.ts';
import { setPlatformSetting } from '../../../kernel/orders/platform-settings.ts';
import { apiOf, okOf } from '../../../test-support/api-requests.ts';
import { SUPPLIER } from '../../../test-support/document-tenant.ts';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { operatorSession } from '../../../kernel/operator/__tests__/console-test-helpers.ts';

interface Subscription {
  id: string;
  platform_tenant_id: string | null;
  interval_months: number;
  end_date: string | null;
  lines: { description: string; quantity: string; unit_price: string }[];
  billed_periods: { start: string; end: string; invoice_id: string | null }[];
}

/** The operator bills its tenants from a tenant of its own (terms art. 8, 11–15). */
describe('the operator bills its tenants with subscriptions', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let operator: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  const today = amsterdamDate();

  async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = await probe();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A business that signed up (address, KvK) and is logged in as its owner. */
  async function signedUpTenant(name: string) {
    const tenant = await t.createTenant(name);
    await t.kernel.database.owner
      .update(tenants)
      .set({
        kvkNumber: '87654321',
        address: { street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' },
        billingEmail: `billing-${tenant.tenant_id.slice(0, 8)}@example.test`,
      })
      .where(eq(tenants.id, tenant.tenant_id));
    return {
      ...tenant,
      cookie: await t.login(tenant.user_id),
      billingEmail: `billing-${tenant.tenant_id.slice(0, 8)}@example.test`,
    };
  }

  async function order(tenant: { cookie: string }, body: object) {
    const placed = await t.session(tenant.cookie, {
      method: 'POST',
      url: '/api/v1/order',
      payload: { accept_terms: true, ...body },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    return placed.json();
  }

  async function subscriptionsOf(tenantId: string): Promise<Subscription[]> {
    const list = await ok(operator, 'GET', '/api/v1/subscriptions?limit=100');
    return (list.data as Subscription[]).filter((s) => s.platform_tenant_id === tenantId);
  }

  async function accessOf(tenant: { cookie: string }) {
    return (await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/me' })).json().access;
  }

  async function moveClock(days: number) {
    const response = await t.app.inject({ method: 'PUT', url: '/api/v1/dev/clock', payload: { offset_days: days } });
    expect(response.statusCode, response.body).toBe(200);
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url, CLOCK_ADJUSTABLE: 'true' });
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    operator = await t.createTenant('Clientbox B.V.');
    await ok(operator, 'PATCH', '/api/v1/company', { ...SUPPLIER, legal_name: 'Clientbox B.V.', bic: 'ABNANL2A' });
    await setPlatformSetting(t.kernel.database.owner, 'billing.operator_tenant', operator.tenant_id);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('terms art. 11 and 12: an accepted order becomes a subscription at the agreed prices per quarter; the first invoice (14 days) is e-mailed to the billing address at once', async () => {
    const tenant = await signedUpTenant('Bakkerij De Korrel B.V.');
    await order(tenant, { modules: ['quotes', 'invoices'], users: 3, period: 'quarter' });
    const [subscription] = await waitFor('the subscription', async () => {
      const found = await subscriptionsOf(tenant.tenant_id);
      return found.length && found[0]!.billed_periods.length ? found : null;
    });
    expect(subscription!.interval_months).toBe(3);
    // Launch prices × 3 months: base 25.00, quotes 7.00, invoices 9.00, 2 extra users × 7.50.
    expect(subscription!.lines.map((line) => [line.description, line.quantity, line.unit_price])).toEqual([
      ['Basispakket (1 gebruiker, CRM, HRM)', '1', '75.0000'],
      ['Module Facturen', '1', '27.0000'],
      ['Module Offertes', '1', '21.0000'],
      ['Extra gebruiker', '2', '22.5000'],
    ]);
    const invoice = await ok(operator, 'GET', `/api/v1/invoices/${subscription!.billed_periods[0]!.invoice_id}`);
    expect(invoice).toMatchObject({ total_excl_vat: '168.00', issue_date: today, due_date: addDays(today, 14) });
    const mail = await sink.waitFor((m) => m.to.includes(tenant.billingEmail));
    expect(mail.subject).toContain(invoice.number);

    // A changed order (one module more) changes the lines from today, the rest of the quarter charged by day.
    await order(tenant, { modules: ['quotes', 'invoices', 'products'], users: 3, period: 'quarter' });
    const changed = await waitFor('the change', async () => {
      const [found] = await subscriptionsOf(tenant.tenant_id);
      return found && found.lines.length === 5 ? found : null;
    });
    expect(changed.lines.map((line) => line.description)).toContain('Module Producten');
    const invoices = await waitFor('the difference invoiced', async () => {
      const list = (await ok(operator, 'GET', '/api/v1/invoices?limit=100')).data as {
        id: string;
        total_excl_vat: string;
      }[];
      return list.length >= 2 ? list : null;
    });
    const difference = invoices.find((candidate) => candidate.id !== invoice.id)!;
    // Products is 5.00 a month: 15.00 a quarter, all of it (the change applies from the first day).
    expect(difference.total_excl_vat).toBe('15.00');
  });

  it('terms art. 13: unpaid after the final notice (1% per started month, 12% with at least €50) the tenant is suspended to read-only; the matched payment gives access back', async () => {
    await ok(operator, 'PATCH', '/api/v1/reminder_settings', {
      mode: 'automatic',
      charges: 'clause',
      clause: { interest_percent_per_started_month: '1', costs_percent: '12', costs_minimum: '50.00' },
      levels: [
        { days_after_due: 7, kind: 'reminder', include_charges: false },
        { days_after_due: 14, kind: 'final_notice', include_charges: true },
      ],
    });
    const tenant = await signedUpTenant('Late Betaler B.V.');
    await order(tenant, { modules: [], users: 1, period: 'month' });
    const [subscription] = await waitFor('the first invoice', async () => {
      const found = await subscriptionsOf(tenant.tenant_id);
      return found.length && found[0]!.billed_periods.length ? found : null;
    });
    const invoiceId = subscription!.billed_periods[0]!.invoice_id!;
    await moveClock(21);
    await moveClock(28);
    const finalNotice = await waitFor('the final notice', async () => {
      const list = (await ok(operator, 'GET', `/api/v1/reminders?invoice_id=${invoiceId}`)).data as {
        kind: string;
        status: string;
        costs: string;
        interest: string;
      }[];
      return list.find((letter) => letter.kind === 'final_notice' && letter.status === 'sent');
    });
    // 12% of 30.25 is less than the €50 minimum; one started month at 1%.
    expect(finalNotice.costs).toBe('50.00');
    expect(finalNotice.interest).toBe('0.30');
    await waitFor('the suspension', async () => (await accessOf(tenant)).state === 'suspended');
    const write = await t.session(tenant.cookie, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Nieuwe klant' },
    });
    expect(write.statusCode).toBe(403);
    const read = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/organizations' });
    expect(read.statusCode).toBe(200);

    const invoice = await ok(operator, 'GET', `/api/v1/invoices/${invoiceId}`);
    await ok(operator, 'POST', `/api/v1/invoices/${invoiceId}/payments`, {
      paid_on: today,
      amount: invoice.amount_due,
      method: 'bank_transfer',
    });
    await waitFor('access back', async () => (await accessOf(tenant)).state === 'active');
    await moveClock(0);
  });

  it('terms art. 8: the tenant cancels; the account is deactivated within five working days, the subscription ends then, and the invoice already issued stays due', async () => {
    const tenant = await signedUpTenant('Opzegger B.V.');
    await order(tenant, { modules: [], users: 1, period: 'year' });
    const [subscription] = await waitFor('the yearly invoice', async () => {
      const found = await subscriptionsOf(tenant.tenant_id);
      return found.length && found[0]!.billed_periods.length ? found : null;
    });
    const cancelled = await t.session(tenant.cookie, {
      method: 'POST',
      url: '/api/v1/order/cancel',
      payload: { confirm: true, reason: 'We stoppen' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const dueAt = new Date(cancelled.json().deactivation_due_at);
    expect(dueAt.getTime() - Date.now()).toBeLessThanOrEqual(9 * 86_400_000);
    expect(dueAt.getTime()).toBeGreaterThan(Date.now());
    // The order page shows the tenant the day its account is deactivated.
    const overview = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/order' });
    expect(overview.json().deactivation_due_at).toBe(cancelled.json().deactivation_due_at);
    const ended = await waitFor('the end date', async () => {
      const [found] = await subscriptionsOf(tenant.tenant_id);
      return found?.end_date ? found : null;
    });
    expect(ended.end_date).toBe(amsterdamDate(dueAt));
    const invoice = await ok(operator, 'GET', `/api/v1/invoices/${subscription!.billed_periods[0]!.invoice_id}`);
    expect(invoice.amount_due).toBe(invoice.total_incl_vat);
    const creditNotes = (await ok(operator, 'GET', '/api/v1/invoices?type=credit_note&limit=100')).data as unknown[];
    expect(creditNotes).toEqual([]);
    // Once is enough: a second cancellation is refused.
    const again = await t.session(tenant.cookie, {
      method: 'POST',
      url: '/api/v1/order/cancel',
      payload: { confirm: true },
    });
    expect(again.statusCode).toBe(409);
  });

  it('terms art. 14: an order cancelled before delivery is withdrawn and 10% of its price is invoiced', async () => {
    await setPlatformSetting(t.kernel.database.owner, 'orders.review_queue', true);
    try {
      const tenant = await signedUpTenant('Bedenker B.V.');
      const pending = await order(tenant, { modules: ['quotes', 'invoices'], users: 3, period: 'quarter' });
      expect(pending).toMatchObject({ status: 'pending', period_total: '168.00' });
      const staff = await operatorSession(t);
      const cancelled = await t.app.inject({
        method: 'POST',
        url: `/api/v1/operator/orders/${tenant.tenant_id}/${pending.id}/cancel`,
        headers: { cookie: staff.cookie },
        payload: { reason: 'Geannuleerd voor levering' },
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json().status).toBe('withdrawn');
      const fee = await waitFor('the fee invoice', async () => {
        const list = (await ok(operator, 'GET', '/api/v1/invoices?limit=100')).data as {
          customer_name: string;
          total_excl_vat: string;
        }[];
        return list.find((invoice) => invoice.customer_name === 'Bedenker B.V.');
      });
      expect(fee.total_excl_vat).toBe('16.80');
      expect(await subscriptionsOf(tenant.tenant_id)).toEqual([]);
    } finally {
      await setPlatformSetting(t.kernel.database.owner, 'orders.review_queue', false);
    }
  });

  it('terms art. 15: the operator deactivates with five days notice; the prepaid rest is credited pro rata and refunded in the next pain.001', async () => {
    const tenant = await signedUpTenant('Afscheid B.V.');
    await order(tenant, { modules: [], users: 1, period: 'year' });
    const [subscription] = await waitFor('the yearly invoice', async () => {
      const found = await subscriptionsOf(tenant.tenant_id);
      return found.length && found[0]!.billed_periods.length ? found : null;
    });
    const invoiceId = subscription!.billed_periods[0]!.invoice_id!;
    const invoice = await ok(operator, 'GET', `/api/v1/invoices/${invoiceId}`);
    await ok(operator, 'POST', `/api/v1/invoices/${invoiceId}/payments`, {
      paid_on: today,
      amount: invoice.amount_due,
      method: 'bank_transfer',
    });
    await ok(operator, 'PATCH', `/api/v1/organizations/${invoice.customer_id}`, { iban: 'NL39RABO0300065264' });

    const staff = await operatorSession(t);
    const deactivated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/operator/tenants/${tenant.tenant_id}/deactivate`,
      headers: { cookie: staff.cookie },
      payload: { reason: 'Gegevens blijken onjuist' },
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    // The notice e-mail to the owner, with the reason and the day.
    const notice = await sink.waitFor((mail) => mail.text.includes('Gegevens blijken onjuist'));
    expect(notice.to).toHaveLength(1);
    const effectiveOn = amsterdamDate(new Date(deactivated.json().deactivation_due_at));
    expect(effectiveOn).toBe(addDays(today, 5));
    const ended = await waitFor('the end and the credit note', async () => {
      const [found] = await subscriptionsOf(tenant.tenant_id);
      const creditNotes = (await ok(operator, 'GET', '/api/v1/invoices?type=credit_note&limit=100')).data as {
        id: string;
        customer_id: string;
        total_excl_vat: string;
      }[];
      const credit = creditNotes.find((note) => note.customer_id === invoice.customer_id);
      return found?.end_date && credit ? { subscription: found, credit } : null;
    });
    expect(ended.subscription.end_date).toBe(effectiveOn);
    // A year of 25.00 a month = 300.00; used: today up to and including the deactivation day.
    const yearDays = ended.subscription.billed_periods[0]!;
    const days = (Date.parse(yearDays.end) - Date.parse(yearDays.start)) / 86_400_000 + 1;
    const usedDays = 6;
    const expected = 30_000 - Math.round((30_000 * usedDays) / days);
    expect(Math.round(Number(ended.credit.total_excl_vat) * 100)).toBe(expected);

    const batch = await ok(operator, 'POST', '/api/v1/refund_batches', {});
    expect(batch.items.map((item: { credit_note_id: string }) => item.credit_note_id)).toContain(ended.credit.id);
    const file = await api(operator.api_key, 'GET', `/api/v1/refund_batches/${batch.id}/file`);
    expect(file.body).toContain('NL39RABO0300065264');
  });
});

import { addDays, addMonths, amsterdamDate, parseAmount } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, fieldErrors, okOf } from '../../../test-support/api-requests.ts';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { subscriptionBillingDays } from '../subscriptions.tables.ts';
import { bill as billNow, readyBillingTenant } from './billing-test-helpers.ts';

const LINE = { description: 'Werkplek', quantity: '1', unit_price: '31.00', vat_rate: '21' };

describe('subscription changes, cancellation, price changes, direct debit (API)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let tenant: ProvisionedTenant;
  let customerId: string;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  const today = amsterdamDate();

  const bill = () => billNow(ok, tenant);

  const subscribe = (body: object) =>
    ok(tenant, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Werkplekken',
      lines: [LINE],
      ...body,
    });

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url });
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    tenant = await t.createTenant('Wijziging BV');
    customerId = await readyBillingTenant(t, tenant);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('a change mid-period shows its charge by day first, then bills exactly that; a decrease is credited on a credit note', async () => {
    const subscription = await subscribe({ start_date: addDays(today, -5) });
    await bill();
    const periods = (await ok(tenant, 'GET', `/api/v1/subscriptions/${subscription.id}`)).billed_periods;
    expect(periods).toHaveLength(1);
    const lineKey = subscription.lines[0].line_key;
    const change = { effective_date: today, lines: [{ ...LINE, quantity: '2', line_key: lineKey }] };
    const preview = await ok(tenant, 'POST', `/api/v1/subscriptions/${subscription.id}/changes/preview`, change);
    expect(preview.monthly_amount_before).toBe('31.00');
    expect(preview.monthly_amount_after).toBe('62.00');
    expect(preview.adjustments).toHaveLength(1);
    const [adjustment] = preview.adjustments;
    expect(adjustment.period).toEqual({ start: today, end: periods[0].end });
    // The new line for its remaining days minus the old one for the same days, each by day (the
    // full price minus the rounded part for the days before the change).
    const daysBefore = adjustment.period_days - adjustment.days;
    const byDay = (full: number) => full - Math.round((full * daysBefore) / adjustment.period_days);
    const expected = byDay(6200) - byDay(3100);
    expect(parseAmount(preview.net_amount_excl_vat)).toBe(BigInt(expected));
    // Nothing saved by the preview.
    expect((await ok(tenant, 'GET', `/api/v1/subscriptions/${subscription.id}`)).monthly_amount).toBe('31.00');

    await ok(tenant, 'POST', `/api/v1/subscriptions/${subscription.id}/changes`, change);
    expect(await bill()).toMatchObject({ invoices: 1, credit_notes: 0 });
    const invoices = (await ok(tenant, 'GET', '/api/v1/invoices?limit=100')).data as {
      id: string;
      total_excl_vat: string;
    }[];
    const charged = invoices.find((invoice) => invoice.id !== periods[0].invoice_id)!;
    expect(charged.total_excl_vat).toBe(preview.net_amount_excl_vat);

    await ok(tenant, 'POST', `/api/v1/subscriptions/${subscription.id}/changes`, {
      effective_date: today,
      lines: [{ ...LINE, line_key: lineKey }],
    });
    expect(await bill()).toMatchObject({ invoices: 0, credit_notes: 1 });
    const credit = (await ok(tenant, 'GET', '/api/v1/invoices?type=credit_note&limit=100')).data[0];
    expect(credit.total_excl_vat).toBe(preview.net_amount_excl_vat);

    const tooEarly = await api(tenant.api_key, 'POST', `/api/v1/subscriptions/${subscription.id}/changes/preview`, {
      ...change,
      effective_date: addDays(periods[0].start, -40),
    });
    expectProblem(tooEarly, 400, 'validation_failed');
    expect(fieldErrors(tooEarly)).toEqual({ effective_date: 'change_date_too_early' });
    // The earliest day is named, for the screen to say it in the reader's words.
    const earliestChange = tooEarly.json().errors[0];
    expect(earliestChange.params.date > addDays(periods[0].start, -40)).toBe(true);
    expect(earliestChange.message).toContain(earliestChange.params.date);
  });

  it('cancelling keeps the notice period, ends at the end of a period, and never before what was invoiced', async () => {
    const subscription = await subscribe({ start_date: addDays(today, -3), notice_period_months: 1 });
    await bill();
    const tooSoon = await api(tenant.api_key, 'POST', `/api/v1/subscriptions/${subscription.id}/cancel`, {
      mode: 'on_date',
      end_date: addDays(today, 7),
    });
    expectProblem(tooSoon, 409, 'notice_period_not_met');
    expect(fieldErrors(tooSoon)).toEqual({ end_date: 'notice_period_not_met' });
    const earliestEnd = tooSoon.json().errors[0].params.date;
    expect(earliestEnd > addDays(today, 7)).toBe(true);
    expect(tooSoon.json().title).toContain(earliestEnd);
    const cancelled = await ok(tenant, 'POST', `/api/v1/subscriptions/${subscription.id}/cancel`, {
      mode: 'end_of_period',
      reason: 'Verhuizing',
    });
    // The notice runs out in the second period; the subscription ends when that period ends.
    const noticeEnds = addDays(addMonths(today, 1), -1);
    expect(cancelled.status).toBe('ending');
    expect(cancelled.end_date >= noticeEnds).toBe(true);
    expect(cancelled.end_date).toBe(addDays(addMonths(subscription.start_date, 2), -1));
  });

  it('a price change needs the notice time, applies from a period start, and the customer is told by e-mail; indexation raises every line', async () => {
    const subscription = await subscribe({ start_date: addDays(today, -2), name: 'Prijswijziging' });
    const lineKey = subscription.lines[0].line_key;
    const tooSoon = await api(tenant.api_key, 'POST', `/api/v1/subscriptions/${subscription.id}/price_changes`, {
      requested_from: addDays(today, 10),
      lines: [{ line_key: lineKey, unit_price: '35.00' }],
    });
    expectProblem(tooSoon, 400, 'validation_failed');
    expect(fieldErrors(tooSoon)).toEqual({ requested_from: 'price_change_too_soon' });
    // One month's notice (the default setting): the earliest day is a month from today.
    expect(tooSoon.json().errors[0]).toMatchObject({ params: { date: addMonths(today, 1) } });
    expect(tooSoon.json().errors[0].message).toContain(addMonths(today, 1));

    const requested = addDays(addMonths(today, 1), 3);
    const changed = await ok(tenant, 'POST', `/api/v1/subscriptions/${subscription.id}/price_changes`, {
      requested_from: requested,
      lines: [{ line_key: lineKey, unit_price: '35.00' }],
      reason: 'Hogere kosten',
    });
    const [priceChange] = changed.price_changes;
    expect(priceChange).toMatchObject({
      unit_price: '35.0000',
      previous_unit_price: '31.0000',
      requested_from: requested,
    });
    // The first period start on or after the requested day (periods run from the start date).
    expect(priceChange.applies_from >= requested).toBe(true);
    expect(priceChange.applies_from).toBe(addMonths(subscription.start_date, 2));
    const notice = await sink.waitFor(
      (mail) => mail.to.includes('facturen@afnemer.test') && /prijs/i.test(mail.subject),
    );
    expect(notice.text).toContain('€ 31.00');
    expect(notice.text).toContain('€ 35.00');
    expect(notice.text).toContain('Hogere kosten');

    const indexed = await ok(tenant, 'POST', '/api/v1/subscriptions/indexation', {
      percent: '3',
      requested_from: addMonths(today, 2),
      subscription_ids: [subscription.id],
    });
    expect(indexed).toMatchObject({ subscriptions: 1, price_changes: 1, skipped: [] });
    const after = await ok(tenant, 'GET', `/api/v1/subscriptions/${subscription.id}`);
    // On the announced 35.00: + 3% = 36.05.
    expect(after.price_changes.at(-1).unit_price).toBe('36.0500');
  });

  it('direct debit: the invoice names the mandate and goes into the next collection batch', async () => {
    const mandate = await ok(tenant, 'POST', '/api/v1/mandates', {
      customer_id: customerId,
      mandate_id: 'ABO-1',
      signed_on: addDays(today, -30),
      debtor_name: 'Afnemer B.V.',
      iban: 'NL39RABO0300065264',
    });
    const subscription = await subscribe({
      start_date: addDays(today, -1),
      name: 'Incasso',
      payment_method: 'direct_debit',
      mandate_id: mandate.id,
      group_invoices: false,
    });
    await bill();
    const invoiceId = (await ok(tenant, 'GET', `/api/v1/subscriptions/${subscription.id}`)).billed_periods[0]
      .invoice_id;
    const invoice = await ok(tenant, 'GET', `/api/v1/invoices/${invoiceId}`);
    expect(invoice).toMatchObject({ payment_means: 'direct_debit', mandate_reference: 'ABO-1' });
    const batches = await ok(tenant, 'POST', '/api/v1/direct_debit_batches', { invoice_ids: [invoiceId] });
    expect(batches.data[0].items.map((item: { invoice_id: string }) => item.invoice_id)).toEqual([invoiceId]);

    const foreign = await api(tenant.api_key, 'POST', '/api/v1/subscriptions', {
      customer_id: customerId,
      name: 'Zonder machtiging',
      lines: [LINE],
      start_date: today,
      payment_method: 'direct_debit',
    });
    expect(fieldErrors(foreign)).toEqual({ mandate_id: 'required' });
  });

  it('with billing by hand only, the daily run starts nothing', async () => {
    await ok(tenant, 'PATCH', '/api/v1/subscription_settings', { billing_mode: 'off' });
    await t.kernel.daily.runAll(addDays(today, 1));
    const claimed = await t.kernel.database.withTenant(tenant.tenant_id, (tx) =>
      tx.select().from(subscriptionBillingDays),
    );
    expect(claimed.filter((day) => day.runOn === addDays(today, 1))).toEqual([]);
    await ok(tenant, 'PATCH', '/api/v1/subscription_settings', { billing_mode: 'automatic' });
    await t.kernel.daily.runAll(addDays(today, 2));
    const after = await t.kernel.database.withTenant(tenant.tenant_id, (tx) =>
      tx.select().from(subscriptionBillingDays),
    );
    expect(after.map((day) => day.runOn)).toContain(addDays(today, 2));
  });
});

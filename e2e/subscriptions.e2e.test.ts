import {
  addDays,
  addMonths,
  amsterdamDate,
  type CalendarDate,
  daysBetween,
  divideHalfUp,
  formatAmount,
  formatMoney,
} from '@clientbox/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { checkAtPhoneWidth } from './support/viewport.ts';
import { dutchText as nl, englishText as en } from './support/web-texts.ts';

const MAIL_WAIT = 30_000;

/** A legal date as the Dutch (or English) screens show it. */
const shownDay = (date: CalendarDate, locale: 'nl' | 'en' = 'nl') =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
  });
const euros = (cents: bigint, locale: 'nl' | 'en' = 'nl') => formatMoney(cents, locale);

/**
 * What a line's new full-period amount costs on top for the days from `from` to the end of a
 * period already invoiced at the old amount: the period charged by day with the old amount before
 * `from` and the new one from it, less what was invoiced.
 */
function dailyDifference(oldFull: bigint, newFull: bigint, start: CalendarDate, end: CalendarDate, from: CalendarDate) {
  const periodDays = BigInt(daysBetween(start, end) + 1);
  const daysBefore = BigInt(daysBetween(start, from));
  const before = (full: bigint) => divideHalfUp(full * daysBefore, periodDays);
  return before(oldFull) + (newFull - before(newFull)) - oldFull;
}

/** Fills in line `index` of the subscription's line editor. */
async function fillLine(page: Page, index: number, line: { description: string; quantity: string; price: string }) {
  const row = page.getByTestId('subscription-line').nth(index);
  await row.getByTestId('subscription-line-description').fill(line.description);
  await row.getByTestId('subscription-line-quantity').fill(line.quantity);
  await row.getByTestId('subscription-line-unit-price').fill(line.price);
}

describe(`browser journey: the owner runs a subscription from its start to its cancellation (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('creates a quarterly subscription, bills it, changes its lines with a preview and cancels it', async () => {
    const run = `subscriptions${Date.now()}`;
    const customerName = 'Bakkerij De Korenbloem B.V.';
    const customerMail = `administratie-${run}@journey.test`;
    const { page, errors } = await openPage(journey);
    await signUpOwner(page, journey.smtp, {
      company: `Abonnement ${run} BV`,
      name: 'Anna Abonnement',
      email: `owner-${run}@journey.test`,
    });
    await fillCompanyProfile(page);
    const customer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: customerName,
      is_customer: true,
      invoice_email: customerMail,
      addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
    });
    // Only the runs started by hand below invoice: the daily run must not get there first.
    await callApi(page, 'PATCH', '/api/v1/subscription_settings', { billing_mode: 'off' });

    // A quarter billed in advance that started 20 days ago: its first quarter is due.
    const today = amsterdamDate();
    const start = addDays(today, -20);
    const end = addDays(addMonths(start, 3), -1);
    const nextStart = addMonths(start, 3);

    // 1. The new subscription: the customer found by part of its name, two lines, per quarter, in advance.
    await page.goto('/subscriptions');
    await expect.poll(() => page.getByTestId('subscriptions-empty').isVisible(), WAIT).toBe(true);
    await page.getByTestId('subscriptions-new').click();
    await expect.poll(() => page.getByTestId('subscription-form').isVisible(), WAIT).toBe(true);
    await page.getByTestId('subscription-customer').fill('Korenbloem');
    await page.getByRole('option', { name: customerName, exact: true }).click();
    await expect.poll(() => page.getByTestId('subscription-customer').inputValue(), WAIT).toBe(customerName);
    await page.getByTestId('subscription-name').fill('Hosting en onderhoud');
    await page.getByTestId('subscription-add-free').click();
    await fillLine(page, 0, { description: 'Hosting webwinkel', quantity: '1', price: '90,00' });
    await page.getByTestId('subscription-add-free').click();
    await fillLine(page, 1, { description: 'Onderhoud per uur', quantity: '2', price: '45,00' });
    await expect
      .poll(
        () => page.getByTestId('subscription-line').nth(1).getByTestId('subscription-line-total').textContent(),
        WAIT,
      )
      .toBe('€ 90,00');
    await page.getByTestId('subscription-interval-3').check();
    await page.getByTestId('subscription-billing-advance').check();
    await page.getByTestId('subscription-start-date').fill(start);
    expect(await page.getByTestId('subscription-invoice-date-rule-first_day').isChecked()).toBe(true);
    await page.getByTestId('subscription-save').click();

    // Its page: active, € 60 a month (€ 180 a quarter), the first quarter to be invoiced now.
    await expect.poll(() => page.getByTestId('subscription-page').isVisible(), WAIT).toBe(true);
    const subscriptionUrl = page.url();
    expect(subscriptionUrl).toMatch(/\/subscriptions\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('subscription-title').textContent()).toBe('Hosting en onderhoud');
    expect(await page.getByTestId('subscription-status').getAttribute('data-status')).toBe('active');
    expect(await page.getByTestId('subscription-customer-name').textContent()).toBe(customerName);
    expect(await page.getByTestId('subscription-monthly-amount').textContent()).toBe('€ 60,00');
    expect(await page.getByTestId('subscription-next-period').textContent()).toBe(
      `${shownDay(start)} – ${shownDay(end)}`,
    );
    expect(await page.getByTestId('subscription-next-invoice-date').textContent()).toBe(shownDay(start));
    expect(await page.getByTestId('subscription-billed-empty').textContent()).toBe(nl('subscriptions.billed.empty'));

    // In the list with its MRR, and the figures above it count it.
    await page.getByRole('link', { name: nl('subscriptions.back') }).click();
    await expect.poll(() => page.getByTestId('subscription-row').count(), WAIT).toBe(1);
    const row = page.getByTestId('subscription-row');
    expect(await row.getAttribute('data-status')).toBe('active');
    expect(await row.getByTestId('subscription-row-name').textContent()).toBe('Hosting en onderhoud');
    expect(await row.getByTestId('subscription-row-customer').textContent()).toBe(customerName);
    expect(await row.getByTestId('subscription-row-monthly').textContent()).toBe('€ 60,00');
    await expect.poll(() => page.getByTestId('mrr-value').textContent(), WAIT).toBe('€ 60,00');
    expect(await page.getByTestId('arr-value').textContent()).toBe('€ 720,00');
    expect(await page.getByTestId('active-subscriptions-value').textContent()).toBe('1');
    const thisMonth = page.locator(`[data-testid="mrr-bar"][data-month="${today.slice(0, 7)}"]`);
    expect(await thisMonth.getAttribute('data-amount')).toBe('60.00');
    await checkAtPhoneWidth(page, ['subscription-row', 'subscription-metrics', 'mrr-chart', 'upcoming-invoices']);

    // 2. The billing run: first what it would make (nothing written), then the run itself as a job.
    await page.getByTestId('subscriptions-billing').click();
    await expect.poll(() => page.getByTestId('subscription-billing-page').isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('subscription-settings-mode-off').isChecked(), WAIT).toBe(true);
    await page.getByTestId('billing-run-preview-button').click();
    await expect.poll(() => page.getByTestId('billing-run-invoice-row').count(), WAIT).toBe(1);
    expect(await page.getByTestId('billing-run-preview').textContent()).toContain(
      nl('subscriptions.billing.preview_title', { date: shownDay(today) }),
    );
    const planned = page.getByTestId('billing-run-invoice-row');
    expect(await planned.getAttribute('data-kind')).toBe('invoice');
    expect(await planned.textContent()).toContain(customerName);
    expect(await planned.textContent()).toContain(`${shownDay(start)} – ${shownDay(end)}`);
    expect(await page.getByTestId('billing-run-invoice-amount').textContent()).toBe('€ 180,00');
    expect(await page.getByTestId('billing-run-invoice-total').textContent()).toBe('€ 180,00');
    const beforeRun = await callApi<{ data: unknown[] }>(page, 'GET', '/api/v1/invoices');
    expect(beforeRun.data).toEqual([]);

    await page.getByTestId('billing-run-start').click();
    await expect.poll(() => page.getByTestId('billing-run-progress').isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('billing-run-done').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('billing-run-progress').textContent()).toContain(nl('job.state.completed'));
    expect(await page.getByTestId('billing-run-made').textContent()).toBe(
      nl('subscriptions.billing.made', { invoices: 1, credit_notes: 0 }),
    );
    expect(await page.getByTestId('billing-run-failed').count()).toBe(0);
    // Run again as a dry run: nothing is left to invoice today.
    await page.getByTestId('billing-run-preview-button').click();
    await expect.poll(() => page.getByTestId('billing-run-invoice-empty').isVisible(), WAIT).toBe(true);

    // The subscription shows the invoiced quarter, linked to its invoice; the next quarter comes next.
    await page.goto(subscriptionUrl);
    await expect.poll(() => page.getByTestId('subscription-billed-period').count(), WAIT).toBe(1);
    const billed = page.getByTestId('subscription-billed-period');
    expect(await billed.textContent()).toContain(shownDay(start));
    expect(await billed.textContent()).toContain(shownDay(end));
    expect(await billed.textContent()).toContain('€ 180,00');
    const invoiceNumber = (await billed.getByTestId('subscription-billed-invoice').textContent()) ?? '';
    expect(invoiceNumber).toMatch(/^\d{4}-\d+$/);
    expect(await page.getByTestId('subscription-billed-through').textContent()).toBe(shownDay(end));
    expect(await page.getByTestId('subscription-next-invoice-date').textContent()).toBe(shownDay(nextStart));

    // The customer gets the invoice by e-mail; its page shows it issued, € 180 + 21% VAT.
    await journey.smtp.waitFor(
      (mail) => mail.to.includes(customerMail) && mail.subject.includes(invoiceNumber),
      MAIL_WAIT,
    );
    await billed.getByTestId('subscription-billed-invoice').click();
    await expect.poll(() => page.getByTestId('invoice-number').textContent(), WAIT).toContain(invoiceNumber);
    expect(await page.getByTestId('invoice-status').getAttribute('data-status')).toBe('open');
    const invoiceId = page.url().split('/').pop()!;
    const invoice = await callApi<{ total_excl_vat: string; total_incl_vat: string }>(
      page,
      'GET',
      `/api/v1/invoices/${invoiceId}`,
    );
    expect(invoice).toMatchObject({ total_excl_vat: '180.00', total_incl_vat: '217.80' });

    // 3. A change of lines from today: the preview says what it costs before anything is saved.
    await page.goBack();
    await expect.poll(() => page.getByTestId('subscription-page').isVisible(), WAIT).toBe(true);
    await page.getByTestId('subscription-change').click();
    const dialog = page.getByTestId('subscription-change-dialog');
    await expect.poll(() => dialog.getByTestId('subscription-line').count(), WAIT).toBe(2);
    expect(await dialog.getByTestId('subscription-change-date').inputValue()).toBe(today);
    // Unchanged lines cost nothing.
    await expect.poll(() => dialog.getByTestId('change-preview-none').isVisible(), WAIT).toBe(true);
    expect(await dialog.getByTestId('change-preview-net').textContent()).toBe('€ 0,00');

    await dialog.getByTestId('subscription-line').nth(1).getByTestId('subscription-line-quantity').fill('3');
    const extra = dailyDifference(9000n, 13500n, start, end, today);
    await expect.poll(() => dialog.getByTestId('change-preview-net').textContent(), WAIT).toBe(euros(extra));
    const adjustment = dialog.getByTestId('change-preview-line');
    expect(await adjustment.count()).toBe(1);
    expect(await adjustment.textContent()).toContain('Onderhoud per uur');
    expect(await adjustment.textContent()).toContain(
      nl('subscriptions.change.days', {
        days: daysBetween(today, end) + 1,
        period_days: daysBetween(start, end) + 1,
      }),
    );
    expect(await dialog.getByTestId('change-preview-monthly').textContent()).toBe(
      nl('subscriptions.change.monthly', { before: '€ 60,00', after: '€ 75,00' }),
    );
    // Still nothing saved.
    const unchanged = await callApi<{ monthly_amount: string }>(page, 'GET', `/api/v1/${subscriptionPath(page)}`);
    expect(unchanged.monthly_amount).toBe('60.00');

    await dialog.getByTestId('subscription-change-save').click();
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('subscription-monthly-amount').textContent(), WAIT).toBe('€ 75,00');
    expect(await page.getByTestId('subscription-line-monthly').nth(1).textContent()).toBe(
      nl('subscriptions.per_month', { amount: '€ 45,00' }),
    );
    // The quarter now comes to more than its invoice said; the page says where the difference goes.
    expect(await page.getByTestId('subscription-billed-amount').textContent()).toBe(euros(18_000n + extra));
    expect(await page.getByTestId('subscription-billed-hint').textContent()).toBe(nl('subscriptions.billed.hint'));

    // 4. Cancelled at the end of the period: what was invoiced stays due, the quarter runs out.
    await page.getByTestId('subscription-cancel').click();
    const cancel = page.getByTestId('subscription-cancel-dialog');
    await expect.poll(() => cancel.isVisible(), WAIT).toBe(true);
    expect(await cancel.getByTestId('subscription-cancel-rule').textContent()).toBe(nl('subscriptions.cancel.rule'));
    expect(await cancel.getByTestId('subscription-cancel-end-of-period').isChecked()).toBe(true);
    expect(await cancel.textContent()).toContain(
      nl('subscriptions.cancel.notice', { period: nl('subscriptions.one_month') }),
    );
    await cancel.getByTestId('subscription-cancel-reason').fill('Klant stopt met de webwinkel');
    await page.getByTestId('subscription-cancel-dialog-confirm').click();
    await expect.poll(() => cancel.count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('subscription-status').getAttribute('data-status'), WAIT).toBe('ending');
    expect(await page.getByTestId('subscription-status').textContent()).toBe(nl('subscriptions.status.ending'));
    expect(await page.getByTestId('subscription-ending').textContent()).toBe(
      nl('subscriptions.detail.ending', { date: shownDay(end) }),
    );
    expect(await page.getByTestId('subscription-end-date-value').textContent()).toBe(shownDay(end));
    expect(await page.getByTestId('subscription-cancel').count()).toBe(0);
    const cancelled = await callApi<{ status: string; end_date: string }>(
      page,
      'GET',
      `/api/v1/${subscriptionPath(page)}`,
    );
    expect(cancelled).toMatchObject({ status: 'ending', end_date: end });

    // The next run still invoices the difference for the rest of the quarter.
    const upcoming = await callApi<{ invoices: { total_excl_vat: string }[] }>(
      page,
      'POST',
      '/api/v1/subscription_billing_runs',
      {
        dry_run: true,
      },
    );
    expect(upcoming.invoices.map((planned) => planned.total_excl_vat)).toEqual([formatAmount(extra)]);

    // 5. The subscription's page at phone width.
    await checkAtPhoneWidth(page, [
      'subscription-title',
      'subscription-actions',
      'subscription-ending',
      'subscription-next',
      'subscription-billed-period',
      'subscription-facts',
    ]);

    // On the customer's page in the CRM, with its status.
    await page.getByTestId('subscription-customer-name').click();
    await expect.poll(() => page.url(), WAIT).toContain(customer.id);
    const section = page.getByTestId('customer-subscriptions');
    await expect.poll(() => section.getByTestId('subscription-row').count(), WAIT).toBe(1);
    expect(await section.getByTestId('subscription-row').getAttribute('data-status')).toBe('ending');

    // The subscription's page in English.
    await page.goto(subscriptionUrl);
    await expect.poll(() => page.getByTestId('subscription-page').isVisible(), WAIT).toBe(true);
    await page.getByRole('combobox', { name: nl('language.label') }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('subscription-status').textContent(), WAIT)
      .toBe(en('subscriptions.status.ending'));
    expect(await page.getByTestId('subscription-ending').textContent()).toBe(
      en('subscriptions.detail.ending', { date: shownDay(end, 'en') }),
    );
    expect(await page.getByTestId('subscription-monthly-amount').textContent()).toBe(euros(7500n, 'en'));
    expect(await page.getByTestId('subscription-billed-periods').textContent()).toContain(
      en('subscriptions.billed.title'),
    );
    expect(errors).toEqual([]);
  });
});

/** `subscriptions/{id}` of the subscription page that is open. */
function subscriptionPath(page: Page): string {
  return `subscriptions/${new URL(page.url()).pathname.split('/').pop()}`;
}

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

/** Today's date in Amsterdam, `days` earlier, as the API writes dates. */
function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A customer with an invoice address, and (when given) the address its invoices are mailed to. */
async function createCustomer(page: Page, name: string, invoiceEmail?: string): Promise<string> {
  const { id } = await callApi(page, 'POST', '/api/v1/organizations', {
    name,
    is_customer: true,
    ...(invoiceEmail ? { invoice_email: invoiceEmail } : {}),
    addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
  });
  return id;
}

/** An invoice issued long enough ago that it is `overdueDays` past its 14-day term. */
async function overdueInvoice(page: Page, customerId: string, overdueDays: number) {
  const { id } = await callApi(page, 'POST', '/api/v1/invoices', {
    customer_id: customerId,
    issue_date: daysAgo(overdueDays + 14),
    payment_term_days: 14,
    lines: [{ description: 'Broodleverantie', quantity: '1', unit_price: '100.00', vat_rate: '21' }],
  });
  return callApi<{ id: string; number: string }>(page, 'POST', `/api/v1/invoices/${id}/finalize`);
}

const dueRow = (page: Page, invoiceId: string) =>
  page.locator(`[data-testid="due-reminder"][data-invoice-id="${invoiceId}"]`);
const events = (page: Page, kind: string) =>
  page.getByTestId('collection-history').locator(`[data-testid="collection-event"][data-kind="${kind}"]`);

describe(`browser journey: the owner sets the reminder schedule, reviews and sends reminders, pauses a customer (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('saves the schedule, lists what is due, pauses and resumes the customer, sends from the review list', async () => {
    const run = `reminderscreens${Date.now()}`;
    const { page, errors } = await openPage(journey);
    await signUpOwner(page, journey.smtp, {
      company: `Herinnering ${run} BV`,
      name: 'Henk Herinnering',
      email: `owner-${run}@journey.test`,
    });
    await fillCompanyProfile(page);
    const customer = await createCustomer(page, 'Bakkerij De Korenbloem B.V.', `administratie-${run}@journey.test`);
    const silent = await createCustomer(page, 'Zwijgzaam B.V.');
    const invoice = await overdueInvoice(page, customer, 10);
    const unmailable = await overdueInvoice(page, silent, 10);

    // The schedule, from the navigation under Invoices: review first and the law by default.
    await page.goto('/invoices');
    await page.getByTestId('nav-reminders').click();
    await expect.poll(() => page.getByTestId('reminders-page').isVisible(), WAIT).toBe(true);
    await page.getByTestId('reminders-tab-settings').click();
    await expect.poll(() => page.getByTestId('reminder-settings-form').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('reminder-level').count()).toBe(3);
    expect(await page.getByTestId('reminder-settings-mode-review').isChecked()).toBe(true);
    expect(await page.getByTestId('reminder-settings-charges-statutory').isChecked()).toBe(true);
    expect(await page.getByText(nl('reminders.charges.statutory_hint')).isVisible()).toBe(true);

    // The own clause, and a fourth letter: what does not hold is refused at its field.
    await page.getByTestId('reminder-settings-charges-clause').check();
    await page.getByTestId('reminder-settings-clause-interest').fill('150');
    await page.getByTestId('reminder-settings-clause-costs-percent').fill('15');
    await page.getByTestId('reminder-settings-clause-costs-minimum').fill('40,00');
    await page.getByTestId('reminder-level-add').click();
    await page.getByTestId('reminder-level-days').nth(3).fill('30');
    await page.getByTestId('reminder-settings-save').click();
    await expect
      .poll(() => page.getByTestId('reminder-settings-clause-interest').getAttribute('aria-invalid'), WAIT)
      .toBe('true');
    expect(await page.getByText(nl('error.invalid_percent')).isVisible()).toBe(true);
    expect(await page.getByTestId('reminder-levels-error').textContent()).toBe(nl('error.levels_not_ascending'));
    await page.getByTestId('reminder-settings-clause-interest').fill('1');
    await page.getByTestId('reminder-level-days').nth(3).fill('50');
    await page.getByTestId('reminder-settings-invoice-charges').check();
    await page.getByTestId('reminder-settings-save').click();
    await expect.poll(() => page.getByText(nl('reminders.settings_saved')).isVisible(), WAIT).toBe(true);
    const saved = await callApi<{
      mode: string;
      charges: string;
      clause: Record<string, string>;
      invoice_charges: boolean;
      levels: { days_after_due: number }[];
    }>(page, 'GET', '/api/v1/reminder_settings');
    expect(saved).toMatchObject({ mode: 'review', charges: 'clause', invoice_charges: true });
    expect(Number(saved.clause.interest_percent_per_started_month)).toBe(1);
    expect(Number(saved.clause.costs_minimum)).toBe(40);
    expect(saved.levels.map((level) => level.days_after_due)).toEqual([7, 21, 35, 50]);
    await page.reload();
    await expect.poll(() => page.getByTestId('reminder-level').count(), WAIT).toBe(4);
    expect(await page.getByTestId('reminder-settings-charges-clause').isChecked()).toBe(true);
    expect(await page.getByTestId('reminder-settings-clause-costs-minimum').inputValue()).toBe('40');
    await checkAtPhoneWidth(page, ['reminder-settings-clause', 'reminder-level', 'reminder-settings-save']);

    // The review list: both overdue invoices at their first letter; one customer has no e-mail address.
    await page.getByTestId('reminders-tab-review').click();
    await expect.poll(() => page.getByTestId('due-reminder').count(), WAIT).toBe(2);
    const due = dueRow(page, invoice.id);
    expect(await due.getByTestId('due-reminder-invoice').textContent()).toBe(invoice.number);
    expect(await due.getByTestId('due-reminder-letter').textContent()).toBe(
      nl('reminders.kind.reminder', { level: 1 }),
    );
    expect(await due.getByTestId('due-reminder-recipient').textContent()).toBe(`administratie-${run}@journey.test`);
    expect(await dueRow(page, unmailable.id).getByTestId('due-reminder-no-email').textContent()).toContain(
      nl('reminders.no_email'),
    );

    // Paused on the customer's page: the pause shows in its history, and its invoice leaves the list.
    await page.goto(`/crm/organizations/${customer}`);
    await expect.poll(() => page.getByTestId('collection-history').isVisible(), WAIT).toBe(true);
    await page.getByTestId('collection-pause').click();
    await page.getByTestId('collection-pause-dialog-confirm').click();
    await expect
      .poll(() => page.getByTestId('collection-pause-reason').getAttribute('aria-invalid'), WAIT)
      .toBe('true');
    await page.getByTestId('collection-pause-reason').fill('Klant betwist de levering');
    await page.getByTestId('collection-pause-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('collection-active-pause').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('collection-active-pause-reason').textContent()).toBe('Klant betwist de levering');
    await expect.poll(() => events(page, 'pause_started').count(), WAIT).toBe(1);
    expect(await events(page, 'pause_started').textContent()).toContain('Klant betwist de levering');
    await checkAtPhoneWidth(page, ['collection-history', 'collection-resume']);
    const paused = await callApi<{ data: { invoice_id: string }[] }>(page, 'GET', '/api/v1/reminders/due');
    expect(paused.data.map((row) => row.invoice_id)).toEqual([unmailable.id]);

    // Resumed: no pause any more, and the history says when it ended.
    await page.getByTestId('collection-resume').click();
    await page.getByTestId('collection-resume-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('collection-active-pause').count(), WAIT).toBe(0);
    await expect.poll(() => events(page, 'pause_ended').count(), WAIT).toBe(1);
    expect(await page.getByTestId('collection-pause').isVisible()).toBe(true);

    // Sending both from the review list: one goes, the other is skipped for want of an address.
    await page.getByTestId('nav-reminders').click();
    await expect.poll(() => page.getByTestId('due-reminder').count(), WAIT).toBe(2);
    await page.getByTestId('due-reminders-select-all').check();
    await page.getByTestId('due-reminders-send-selected').click();
    await expect.poll(() => page.getByTestId('reminder-run-result').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('reminder-run-sent').getAttribute('data-count')).toBe('1');
    const skipped = page.getByTestId('reminder-run-skipped').locator('[data-reason]');
    expect(await skipped.getAttribute('data-reason')).toBe('no_email');
    expect(await skipped.textContent()).toBe(`${unmailable.number}: ${nl('reminders.skip.no_email')}`);
    await expect.poll(() => page.getByTestId('due-reminder').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByTestId('sent-reminder').count(), WAIT).toBe(1);
    const sent = page.getByTestId('sent-reminder');
    const reminderId = (await sent.getAttribute('data-id'))!;
    expect(await sent.getByTestId('sent-reminder-pdf').getAttribute('href')).toBe(
      `/api/v1/reminders/${reminderId}/pdf`,
    );
    const pdf = await page.evaluate(async (path) => {
      const response = await fetch(path);
      return { status: response.status, type: response.headers.get('content-type') };
    }, `/api/v1/reminders/${reminderId}/pdf`);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });
    await checkAtPhoneWidth(page, ['due-reminder', 'due-reminders-send-all', 'sent-reminder']);

    // The invoice's own history names the letter and links its PDF.
    await page.goto(`/invoices/${invoice.id}`);
    await expect.poll(() => events(page, 'reminder').count(), WAIT).toBe(1);
    expect(await events(page, 'reminder').getByTestId('collection-event-title').textContent()).toBe(
      nl('collections.event.reminder', { letter: nl('reminders.kind.reminder', { level: 1 }) }),
    );
    expect(await events(page, 'reminder').getByTestId('collection-event-pdf').getAttribute('href')).toBe(
      `/api/v1/reminders/${reminderId}/pdf`,
    );

    // The review page in English.
    await page.getByTestId('nav-reminders').click();
    await page.getByRole('combobox', { name: nl('language.label') }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('reminders-page')
            .getByRole('heading', { name: en('reminders.title') })
            .isVisible(),
        WAIT,
      )
      .toBe(true);
    expect(await dueRow(page, unmailable.id).getByTestId('due-reminder-no-email').textContent()).toContain(
      en('reminders.no_email'),
    );
    expect(errors).toEqual([]);
  });
});

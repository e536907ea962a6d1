import { parseAmount } from '@clientbox/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { camt053Statement } from './support/camt053.ts';
import { COMPLETE_COMPANY_PROFILE } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { moveClock } from './support/dev-clock.ts';
import { logInToConsole } from './support/operator-console.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import {
  chooseBillingTenant,
  orderBasePackage,
  setUpOperatorBillingJourney,
  signUpBillingTenant,
  tenantIdOf,
} from './support/platform-billing.ts';
import { checkAtPhoneWidth, fitsPhone, pageWidth, PHONE } from './support/viewport.ts';
import { dutchText as nl } from './support/web-texts.ts';

/** A letter is written, rendered to PDF and mailed by a job: on a busy machine that takes a while. */
const MAIL_WAIT = 60_000;
const STAFF = { email: 'bart@operator.test', name: 'Bart Beheer', password: 'operator password 1' };

interface Invoice {
  id: string;
  number: string;
  due_date: string;
  amount_due: string;
  total_incl_vat: string;
  payment_reference: string | null;
}

/** The status of a write the tenant's browser tries (a new relation, named anew each time). */
const tryWrite = (page: Page, name = `Nieuwe relatie ${Date.now()}`) =>
  page.evaluate(
    async (body) =>
      (
        await fetch('/api/v1/organizations', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    { name },
  );

describe(`browser journey: the operator bills a tenant from its own tenant; an unpaid final notice suspends it, the payment in the bank statement lifts it (terms art. 11–13) (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const { journey, errors, open } = setUpOperatorBillingJourney(STAFF, { CLOCK_ADJUSTABLE: 'true' });

  it('billing tenant with the art. 13 clause → order → subscription and first invoice → reminder → final notice → read-only → camt.053 payment → access again', async () => {
    const run = `opbill${Date.now()}`;
    const operatorCompany = `Clientbox Facturatie ${run} BV`;
    const customerCompany = `Klant ${run} BV`;
    const customerEmail = `owner-${run}@klant.test`;

    // 1. The operator's own tenant: a complete company profile, and reminders sent by the daily
    // job with the clause of terms art. 13 — 1% interest per started month, 12% collection costs
    // with a minimum of € 50 — in one reminder and one final notice.
    const billing = await open();
    await signUpBillingTenant(billing, journey, operatorCompany, `owner-${run}@clientbox.test`);
    const billingTenantId = await tenantIdOf(billing);
    await billing.goto('/receivables/reminders/settings');
    await expect.poll(() => billing.getByTestId('reminder-settings-form').isVisible(), WAIT).toBe(true);
    await billing.getByTestId('reminder-settings-mode-automatic').check();
    await billing.getByTestId('reminder-settings-charges-clause').check();
    await billing.getByTestId('reminder-settings-clause-interest').fill('1');
    await billing.getByTestId('reminder-settings-clause-costs-percent').fill('12');
    await billing.getByTestId('reminder-settings-clause-costs-minimum').fill('50,00');
    while ((await billing.getByTestId('reminder-level').count()) > 2)
      await billing.getByTestId('reminder-level-remove').nth(1).click();
    const [reminderLevel, finalLevel] = [
      billing.getByTestId('reminder-level').nth(0),
      billing.getByTestId('reminder-level').nth(1),
    ];
    await reminderLevel.getByTestId('reminder-level-days').fill('7');
    await finalLevel.getByTestId('reminder-level-days').fill('14');
    const finalKind = finalLevel.getByTestId('reminder-level-kind');
    if ((await finalKind.inputValue()) !== nl('reminders.level.kind.final_notice')) {
      await finalKind.click();
      await billing.getByRole('option', { name: nl('reminders.level.kind.final_notice'), exact: true }).click();
    }
    await finalLevel.getByTestId('reminder-level-include-charges').check();
    await billing.getByTestId('reminder-settings-save').click();
    await expect.poll(() => billing.getByText(nl('reminders.settings_saved')).isVisible(), WAIT).toBe(true);
    expect(await callApi(billing, 'GET', '/api/v1/reminder_settings')).toMatchObject({
      mode: 'automatic',
      charges: 'clause',
      clause: { interest_percent_per_started_month: '1', costs_percent: '12', costs_minimum: '50.00' },
      levels: [
        { days_after_due: 7, kind: 'reminder' },
        { days_after_due: 14, kind: 'final_notice', include_charges: true },
      ],
    });

    // 2. In the console the admin bills the platform's tenants from that tenant; the setting fits a phone.
    const consolePage = await open();
    await logInToConsole(consolePage, STAFF);
    await chooseBillingTenant(consolePage, operatorCompany, billingTenantId);
    await checkAtPhoneWidth(consolePage, ['console-billing', 'console-billing-tenant']);

    // 3. A business signs up and orders the base package per month (€ 25,00 + 21% VAT).
    const tenant = await open();
    await signUpOwner(tenant, journey.smtp, { company: customerCompany, name: 'Karel Klant', email: customerEmail });
    await orderBasePackage(tenant, 'month');

    // 4. In the operator's tenant the order is a subscription with its first invoice, e-mailed at once.
    await billing.goto('/subscriptions');
    const row = billing.getByTestId('subscription-row').filter({ hasText: customerCompany }).first();
    await expect.poll(() => row.isVisible(), WAIT).toBe(true);
    await row.getByTestId('subscription-row-name').click();
    await expect.poll(() => billing.getByTestId('subscription-page').getAttribute('data-status'), WAIT).toBe('active');
    expect(await billing.getByTestId('subscription-customer-name').textContent()).toBe(customerCompany);
    await expect.poll(() => billing.getByTestId('subscription-billed-period').count(), WAIT).toBe(1);
    await billing.getByTestId('subscription-billed-invoice').click();
    await expect.poll(() => billing.getByTestId('invoice-status').getAttribute('data-status'), WAIT).toBe('open');
    const invoiceId = new URL(billing.url()).pathname.split('/').pop()!;
    const invoice = await callApi<Invoice>(billing, 'GET', `/api/v1/invoices/${invoiceId}`);
    expect(invoice).toMatchObject({ total_incl_vat: '30.25', amount_due: '30.25' });
    expect(invoice.payment_reference).toMatch(/^RF\d{2}/);
    const invoiceMail = await journey.smtp.waitFor(
      (mail) => mail.to.includes(customerEmail) && mail.subject.includes(invoice.number),
      MAIL_WAIT,
    );
    expect(invoiceMail.attachments.map((attachment) => attachment.contentType)).toContain('application/pdf');

    // 5. Not paid: a week after the due date the reminder, a week later the final notice with
    // the clause's charges (12% of € 30,25 is less than € 50; one started month at 1%).
    await moveClock(journey.app, 21);
    await journey.smtp.waitFor(
      (mail) =>
        mail.to.includes(customerEmail) && mail.subject.startsWith(`Betalingsherinnering: factuur ${invoice.number}`),
      MAIL_WAIT,
    );
    await moveClock(journey.app, 28);
    await journey.smtp.waitFor(
      (mail) => mail.to.includes(customerEmail) && mail.subject.startsWith(`Aanmaning: factuur ${invoice.number}`),
      MAIL_WAIT,
    );
    const letters = await callApi<{ data: { kind: string; costs: string; interest: string }[] }>(
      billing,
      'GET',
      `/api/v1/reminders?invoice_id=${invoice.id}`,
    );
    expect(letters.data.find((letter) => letter.kind === 'final_notice')).toMatchObject({
      costs: '50.00',
      interest: '0.30',
    });

    // 6. The final notice unpaid: the tenant may only read (art. 13); the lock banner says why, on a phone too.
    await expect.poll(() => tryWrite(tenant), { timeout: 30_000 }).toBe(403);
    await tenant.reload();
    await expect.poll(() => tenant.getByTestId('locked-banner').isVisible(), WAIT).toBe(true);
    expect(await tenant.getByTestId('locked-banner').textContent()).toContain(nl('error.tenant_suspended'));
    // The shell switches to its phone layout after the resize (a media query in React): wait for it.
    await tenant.setViewportSize(PHONE);
    await expect.poll(() => pageWidth(tenant), WAIT).toBeLessThanOrEqual(PHONE.width);
    await fitsPhone(tenant, 'locked-banner');

    // 7. The payment arrives: the operator imports the bank's camt.053 day statement in its
    // tenant, the transfer is matched on the invoice's RF reference and books it paid.
    await billing.getByTestId('nav-bank-statements').click();
    await expect.poll(() => billing.getByTestId('bank-statements-empty').isVisible(), WAIT).toBe(true);
    const statement = camt053Statement(run, COMPLETE_COMPANY_PROFILE.iban, [
      {
        amount: parseAmount(invoice.amount_due),
        name: customerCompany,
        iban: 'NL39RABO0300065264',
        reference: `${run}-1`,
        creditorReference: invoice.payment_reference!,
      },
    ]);
    const chooser = billing.waitForEvent('filechooser');
    await billing.getByTestId('bank-statement-file').click();
    await (
      await chooser
    ).setFiles({
      name: 'afschrift.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(statement),
    });
    await billing.getByTestId('bank-statement-submit').click();
    await expect
      .poll(() => billing.getByTestId('bank-statement-result-counts').textContent(), WAIT)
      .toBe(nl('bank_statements.uploaded', { new: 1, duplicates: 0 }));
    await billing.getByTestId('bank-statement-row-link').click();
    await expect.poll(() => billing.getByTestId('entry-row').getAttribute('data-status'), WAIT).toBe('booked');
    await billing.getByTestId('entry-invoice-link').click();
    await expect.poll(() => billing.getByTestId('invoice-status').getAttribute('data-status'), WAIT).toBe('paid');

    // 8. Paid: the tenant works again — the banner is gone and a write goes through.
    await expect.poll(() => tryWrite(tenant), { timeout: 30_000 }).toBe(201);
    await tenant.reload();
    await expect.poll(() => tenant.getByTestId('order-contract').isVisible(), WAIT).toBe(true);
    expect(await tenant.getByTestId('locked-banner').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

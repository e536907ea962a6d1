import { amsterdamDate } from '@clientbox/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cancellationEffectiveAt } from '../apps/server/src/kernel/orders/cancel-contract.ts';
import { WAIT } from './support/constants.ts';
import { downloadBytes } from './support/downloads.ts';
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
import { fitsPhone, PHONE } from './support/viewport.ts';
import { dutchText as nl } from './support/web-texts.ts';

const STAFF = { email: 'eva@operator.test', name: 'Eva Eindbeheer', password: 'operator password 1' };
const REFUND_IBAN = 'NL39RABO0300065264';

interface Subscription {
  id: string;
  platform_tenant_id: string | null;
  status: string;
  end_date: string | null;
  billed_periods: { start: string; end: string; invoice_id: string | null }[];
}

interface Invoice {
  id: string;
  number: string;
  customer_id: string;
  amount_due: string;
  total_incl_vat: string;
  total_excl_vat: string;
}

/** A date as the Dutch screens write it (Europe/Amsterdam). */
const dutchDate = (value: Date | string) =>
  new Date(value).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' });

describe(`browser journey: a tenant cancels (art. 8) and the operator deactivates another (art. 15): the subscriptions end, the issued invoice stays due, the prepaid rest is credited and refunded by pain.001; an order cancelled before delivery (art. 14) (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const { journey, errors, open } = setUpOperatorBillingJourney(STAFF);

  /** The subscription of a platform tenant in the operator's tenant, once its first invoice is made. */
  async function subscriptionOf(billing: Page, tenantId: string): Promise<Subscription> {
    let found: Subscription | undefined;
    await expect
      .poll(async () => {
        const list = await callApi<{ data: Subscription[] }>(billing, 'GET', '/api/v1/subscriptions?limit=100');
        found = list.data.find((candidate) => candidate.platform_tenant_id === tenantId);
        return found?.billed_periods.length ?? 0;
      }, WAIT)
      .toBe(1);
    return found!;
  }

  it('the owner cancels on a phone → end date in the operator tenant, invoice stays open; the operator deactivates another → credit note → refund batch; an order cancelled in the queue (art. 14) and a cancellation by e-mail registered in the console', async () => {
    const run = `opend${Date.now()}`;
    const operatorCompany = `Clientbox Administratie ${run} BV`;
    const today = amsterdamDate();

    const billing = await open();
    await signUpBillingTenant(billing, journey, operatorCompany, `owner-${run}@clientbox.test`);
    const consolePage = await open();
    await logInToConsole(consolePage, STAFF);
    await chooseBillingTenant(consolePage, operatorCompany, await tenantIdOf(billing));

    // 1. Art. 8: a business with a yearly contract cancels on its phone. The dialog says what
    // follows; afterwards the page shows the day the account is deactivated.
    const leaving = `Opzegger ${run} BV`;
    const owner = await open();
    await signUpOwner(owner, journey.smtp, { company: leaving, name: 'Olaf Opzegger', email: `owner-${run}@weg.test` });
    await orderBasePackage(owner, 'year');
    const leavingId = await tenantIdOf(owner);
    const yearly = await subscriptionOf(billing, leavingId);

    await owner.setViewportSize(PHONE);
    await owner.goto('/order');
    await expect.poll(() => owner.getByTestId('order-cancel-section').isVisible(), WAIT).toBe(true);
    await fitsPhone(owner, 'order-cancel');
    await owner.getByTestId('order-cancel').click();
    const consequences = owner.getByTestId('order-cancel-consequences');
    await expect.poll(() => consequences.isVisible(), WAIT).toBe(true);
    for (const key of ['order.cancel_text', 'order.cancel_export', 'order.cancel_invoice'] as const)
      expect(await consequences.textContent()).toContain(nl(key));
    await owner.getByTestId('order-cancel-reason').fill('We stoppen met het bedrijf');
    await fitsPhone(owner, 'order-cancel-dialog-confirm');
    await owner.getByTestId('order-cancel-dialog-confirm').click();
    const effective = cancellationEffectiveAt(today);
    await expect
      .poll(() => owner.getByTestId('order-deactivation-text').textContent(), WAIT)
      .toBe(nl('order.deactivation_text', { date: dutchDate(effective) }));
    await fitsPhone(owner, 'order-deactivation');
    expect(await owner.getByTestId('order-cancel').count()).toBe(0);
    await journey.smtp.waitFor((mail) => mail.to.includes(`owner-${run}@weg.test`) && mail.text.includes('stoppen'));

    // In the operator's tenant the subscription ends that day; the yearly invoice stays due in full.
    await billing.goto(`/subscriptions/${yearly.id}`);
    await expect.poll(() => billing.getByTestId('subscription-page').getAttribute('data-status'), WAIT).toBe('ending');
    expect(await billing.getByTestId('subscription-end-date-value').textContent()).toBe(dutchDate(effective));
    expect(await billing.getByTestId('subscription-ending').isVisible()).toBe(true);
    await billing.getByTestId('subscription-billed-invoice').click();
    await expect.poll(() => billing.getByTestId('invoice-status').getAttribute('data-status'), WAIT).toBe('open');
    const kept = await callApi<Invoice>(billing, 'GET', `/api/v1/invoices/${yearly.billed_periods[0]!.invoice_id}`);
    expect(kept.amount_due).toBe(kept.total_incl_vat);
    const noCredit = await callApi<{ data: Invoice[] }>(billing, 'GET', '/api/v1/invoices?type=credit_note&limit=100');
    expect(noCredit.data.filter((note) => note.customer_id === kept.customer_id)).toEqual([]);

    // 2. Art. 15: another business paid its year; the operator deactivates it in the consolePage.
    const deactivated = `Afscheid ${run} BV`;
    const other = await open();
    await signUpOwner(other, journey.smtp, {
      company: deactivated,
      name: 'Anna Afscheid',
      email: `owner-${run}@af.test`,
    });
    await orderBasePackage(other, 'year');
    const deactivatedId = await tenantIdOf(other);
    const paidYear = await subscriptionOf(billing, deactivatedId);
    const invoice = await callApi<Invoice>(
      billing,
      'GET',
      `/api/v1/invoices/${paidYear.billed_periods[0]!.invoice_id}`,
    );
    await callApi(billing, 'POST', `/api/v1/invoices/${invoice.id}/payments`, {
      paid_on: today,
      amount: invoice.amount_due,
      method: 'bank_transfer',
    });
    // A refund goes to the account in the CRM: the customer's IBAN on its page.
    await callApi(billing, 'PATCH', `/api/v1/organizations/${invoice.customer_id}`, { iban: REFUND_IBAN });

    await consolePage.getByTestId('console-nav-tenants').click();
    await consolePage.getByTestId('console-tenant-search').fill(deactivated);
    const card = consolePage.locator(`[data-testid="console-tenant"][data-tenant-id="${deactivatedId}"]`);
    await expect.poll(() => card.isVisible(), WAIT).toBe(true);
    await card.getByTestId('console-deactivate').click();
    await consolePage.getByTestId('console-deactivate-reason').fill('Gegevens blijken onjuist');
    await consolePage.getByTestId('console-dialog-deactivate-confirm').click();
    await expect.poll(() => card.getByTestId('console-tenant-deactivation').isVisible(), WAIT).toBe(true);

    // The subscription ends in five days and the rest of the year is credited at once.
    let creditNote: Invoice | undefined;
    await expect
      .poll(async () => {
        const list = await callApi<{ data: Invoice[] }>(billing, 'GET', '/api/v1/invoices?type=credit_note&limit=100');
        creditNote = list.data.find((note) => note.customer_id === invoice.customer_id);
        return Boolean(creditNote);
      }, WAIT)
      .toBe(true);
    const ended = await callApi<Subscription>(billing, 'GET', `/api/v1/subscriptions/${paidYear.id}`);
    const period = ended.billed_periods[0]!;
    const days = (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000 + 1;
    // € 300,00 a year; used: today up to and including the deactivation day (six days).
    expect(Math.round(Number(creditNote!.total_excl_vat) * 100)).toBe(30_000 - Math.round((30_000 * 6) / days));
    await billing.goto(`/invoices/${creditNote!.id}`);
    await expect.poll(() => billing.getByTestId('invoice-status').isVisible(), WAIT).toBe(true);
    expect(await billing.locator('main').textContent()).toContain(creditNote!.number);

    // 3. The refund: a new pain.001 batch in the receivables screens holds the credit note.
    await billing.getByTestId('nav-refunds').click();
    await expect.poll(() => billing.getByTestId('refunds-page').isVisible(), WAIT).toBe(true);
    await billing.getByTestId('refund-new').click();
    await billing.getByTestId('refund-create-dialog-confirm').click();
    await expect.poll(() => billing.getByTestId('refund-row').count(), WAIT).toBe(1);
    const pain001 = (await downloadBytes(billing, billing.getByTestId('refund-download'))).toString('utf8');
    expect(pain001).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(pain001).toContain(`<EndToEndId>${creditNote!.number}</EndToEndId>`);
    expect(pain001).toContain(`<IBAN>${REFUND_IBAN}</IBAN>`);
    await billing.getByTestId('refund-row').getByRole('link').first().click();
    await expect.poll(() => billing.getByTestId('refund-page').textContent(), WAIT).toContain(creditNote!.number);

    // 4. Art. 14: with the review queue on, a third business asks for a second user; the admin
    // cancels that order before delivery in the queue, and 10% of its month (€ 32,50) is invoiced.
    const changing = `Twijfelaar ${run} BV`;
    const third = await open();
    await signUpOwner(third, journey.smtp, { company: changing, name: 'Tom Twijfel', email: `owner-${run}@tw.test` });
    await orderBasePackage(third, 'month');
    const changingId = await tenantIdOf(third);
    await consolePage.getByTestId('console-nav-orders').click();
    const reviewSwitch = consolePage.getByRole('switch', { name: nl('console.orders.review_switch') });
    await expect.poll(() => reviewSwitch.isEnabled(), WAIT).toBe(true);
    await reviewSwitch.click();
    await expect.poll(() => consolePage.getByTestId('console-review-switch').isChecked(), WAIT).toBe(true);
    await third.getByTestId('choice-users').fill('2');
    await third.getByTestId('order-accept-terms').check();
    await third.getByTestId('order-submit').click();
    await expect.poll(() => third.getByTestId('order-pending').isVisible(), WAIT).toBe(true);
    await consolePage.reload();
    const queued = consolePage.locator(`[data-testid="console-order"][data-tenant-id="${changingId}"]`);
    await expect.poll(() => queued.isVisible(), WAIT).toBe(true);
    await queued.getByTestId('console-order-cancel').click();
    await consolePage.getByTestId('console-cancel-order-reason').fill('Geannuleerd voor levering');
    await consolePage.getByTestId('console-dialog-cancel-confirm').click();
    await expect.poll(() => queued.count(), WAIT).toBe(0);
    await expect
      .poll(async () => {
        const list = await callApi<{ data: (Invoice & { customer_name: string })[] }>(
          billing,
          'GET',
          '/api/v1/invoices?limit=100',
        );
        return list.data.filter((fee) => fee.customer_name === changing).map((fee) => fee.total_excl_vat);
      }, WAIT)
      .toContain('3.25');

    // 5. Art. 8 by e-mail: the same business cancels in a mail; the admin registers it on its card.
    await consolePage.getByTestId('console-nav-tenants').click();
    await consolePage.getByTestId('console-tenant-search').fill(changing);
    const thirdCard = consolePage.locator(`[data-testid="console-tenant"][data-tenant-id="${changingId}"]`);
    await expect.poll(() => thirdCard.isVisible(), WAIT).toBe(true);
    await thirdCard.getByTestId('console-register-cancellation').click();
    expect(await consolePage.getByTestId('console-cancellation-received-on').inputValue()).toBe(today);
    await consolePage.getByTestId('console-cancellation-reason').fill('Opgezegd per e-mail');
    await consolePage.getByTestId('console-dialog-register-cancellation-confirm').click();
    await expect
      .poll(() => thirdCard.getByTestId('console-tenant-deactivation').textContent(), WAIT)
      .toBe(nl('console.tenants.deactivation_due', { date: dutchDate(effective) }));
    await third.reload();
    await expect
      .poll(() => third.getByTestId('order-deactivation-text').textContent(), WAIT)
      .toBe(nl('order.deactivation_text', { date: dutchDate(effective) }));
    expect(errors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD, WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { openPage } from './support/open-page.ts';
import { openVerificationLink, submitSignUp } from './support/owner-sign-up.ts';
import { fillSignUpForm } from './support/sign-up.ts';
import { DESKTOP, fitsPhone, PHONE } from './support/viewport.ts';

const L = LABELS.nl;

/** The launch prices (migration 0009): base 25.00 + Offertes 7.00 + Facturen 9.00 + 2 × 7.50 extra users. */
const MONTHLY = '€ 56,00';
const QUARTERLY = '€ 168,00';

async function chooseQuotesAndInvoices(page: Page) {
  await page.getByTestId('choice-module-quotes').check();
  await page.getByTestId('choice-module-invoices').check();
  await page.getByTestId('choice-users').fill('3');
  await page.getByTestId('choice-period').selectOption('quarter');
}

async function moduleTestIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="nav-module-"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''));
}

describe(`browser journey: pricing → sign up → demo → order → modules and seats (terms art. 4, 6, 10, 11) (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('orders base + Offertes + Facturen for 3 users per quarter, in Dutch', async () => {
    const run = `order${Date.now()}`;
    const ownerEmail = `owner-${run}@journey.test`;
    const { context, page, errors } = await openPage(journey);

    // The public price list and calculator; the choice travels to the sign-up form.
    await page.goto('/pricing');
    await expect.poll(() => page.getByTestId('price-row-base').textContent()).toContain('€ 25,00');
    expect(await page.getByTestId('price-row-extra_user').textContent()).toContain('€ 7,50');
    expect(await page.getByTestId('operator-footer').textContent()).toContain('@');
    await chooseQuotesAndInvoices(page);
    await expect.poll(() => page.getByTestId('total-monthly').textContent()).toBe(MONTHLY);
    expect(await page.getByTestId('total-period').textContent()).toBe(QUARTERLY);
    await page.getByTestId('pricing-start-demo').click();
    await expect.poll(() => page.url()).toContain('/signup');
    expect(await page.getByTestId('choice-module-quotes').isChecked()).toBe(true);
    expect(await page.getByTestId('choice-module-invoices').isChecked()).toBe(true);
    expect(await page.getByTestId('choice-module-voip').isChecked()).toBe(false);
    expect(await page.getByTestId('choice-users').inputValue()).toBe('3');
    expect(await page.getByTestId('choice-period').inputValue()).toBe('quarter');
    await expect.poll(() => page.getByTestId('total-period').textContent()).toBe(QUARTERLY);

    // Sign up as a business, with address and KvK number; verify through the mail.
    await fillSignUpForm(page, 'nl', {
      company: `Bestel ${run} BV`,
      name: 'Olga Owner',
      email: ownerEmail,
      password: PASSWORD,
    });
    await page.getByLabel(L.kvk).fill('12345678');
    await submitSignUp(page);
    await openVerificationLink(page, journey.smtp, ownerEmail);
    await expect
      .poll(() => page.getByRole('heading', { name: `${L.welcome}, Olga Owner` }).isVisible(), WAIT)
      .toBe(true);

    // Terms art. 10: a 14-day demo with every module, and the way to order.
    expect(await page.getByTestId('demo-banner').textContent()).toContain(L.demoDays);
    expect(await page.getByTestId('banner-order').textContent()).toBe(L.orderNow);
    expect((await moduleTestIds(page)).length).toBe(11);

    // The order form at phone width: starts from the sign-up choice, fits the screen, can be sent.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: L.menu, exact: true }).click();
    await page.getByTestId('nav-order').click();
    await expect.poll(() => page.getByTestId('order-form').isVisible()).toBe(true);
    expect(await page.getByTestId('choice-module-quotes').isChecked()).toBe(true);
    expect(await page.getByTestId('choice-users').inputValue()).toBe('3');
    expect(await page.getByTestId('choice-period').inputValue()).toBe('quarter');
    await chooseQuotesAndInvoices(page);
    await expect.poll(() => page.getByTestId('total-monthly').textContent()).toBe(MONTHLY);
    expect(await page.getByTestId('total-period').textContent()).toBe(QUARTERLY);
    const submit = page.getByTestId('order-submit');
    await fitsPhone(page, submit);

    // Without accepting the terms the order is refused next to the checkbox.
    await submit.click();
    await expect
      .poll(() => page.getByText('Ga akkoord met de algemene voorwaarden', { exact: true }).isVisible())
      .toBe(true);
    await page.getByTestId('order-accept-terms').check();
    await submit.click();
    await expect.poll(() => page.getByTestId('order-result').textContent()).toContain(L.orderAccepted);

    // The contract is shown, the demo banner is gone, the navigation offers exactly the ordered modules.
    await expect.poll(() => page.getByTestId('order-contract').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(0);
    await page.setViewportSize(DESKTOP);
    await expect
      .poll(() => moduleTestIds(page))
      .toEqual(['nav-module-crm', 'nav-module-hrm', 'nav-module-quotes', 'nav-module-invoices']);
    const nav = page.getByRole('navigation');
    for (const label of ['CRM', 'HRM', 'Offertes', 'Facturen'])
      expect(await nav.getByRole('link', { name: label, exact: true }).isVisible()).toBe(true);
    // Quotes has pages of its own: its entry opens the list; its description still shows the price.
    await page.getByTestId('nav-module-quotes').click();
    await expect.poll(() => page.url()).toMatch(/\/quotes$/);
    await page.goto('/modules/quotes');
    await expect.poll(() => page.getByTestId('module-price').textContent()).toContain('€ 7,00');
    await page.goto('/modules/voip');
    await expect.poll(() => page.getByTestId('module-not-in-subscription').isVisible()).toBe(true);

    // Art. 11: 3 seats, the owner takes one: two invitations succeed, the third is refused.
    await page.getByRole('navigation').getByRole('link', { name: L.users }).click();
    for (const number of [1, 2]) {
      await page.getByLabel(L.email).fill(`colleague${number}-${run}@journey.test`);
      await page.getByRole('button', { name: L.invite, exact: true }).click();
      await expect.poll(() => page.getByText(`colleague${number}-${run}@journey.test`).first().isVisible()).toBe(true);
    }
    await page.getByLabel(L.email).fill(`colleague3-${run}@journey.test`);
    await page.getByRole('button', { name: L.invite, exact: true }).click();
    await expect.poll(() => page.getByText(L.seatLimit).isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { acceptInvitation } from './support/colleague-invitation.ts';
import { PASSWORD, WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { type OpenedPage, openPage } from './support/open-page.ts';
import { openVerificationLink, submitSignUp } from './support/owner-sign-up.ts';
import { fillSignUpForm } from './support/sign-up.ts';
import { DESKTOP } from './support/viewport.ts';

const RUNS = [
  { title: 'in Dutch on a desktop', locale: 'nl', viewport: DESKTOP, isPhone: false },
  { title: 'in English on a desktop', locale: 'en', viewport: DESKTOP, isPhone: false },
  { title: 'in Dutch at phone width', locale: 'nl', viewport: { width: 360, height: 740 }, isPhone: true },
] as const;

describe(`browser journey: sign up → verify → company profile → invite → colleague logs in (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it.each(RUNS)('works $title', async ({ locale, viewport, isPhone }) => {
    const L = LABELS[locale];
    const run = `${locale}${isPhone ? 'phone' : 'desk'}${Date.now()}`;
    const ownerEmail = `owner-${run}@journey.test`;
    const colleagueEmail = `colleague-${run}@journey.test`;
    const errors: string[] = [];
    // The owner always starts from a Dutch browser (in English via the language switch); the
    // colleague's browser speaks the run's language, which the app follows when nothing was chosen.
    const open = async (browserLocale: string): Promise<OpenedPage> => {
      const opened = await openPage(journey, { viewport, locale: browserLocale, errors });
      const { page } = opened;
      if (process.env.E2E_DEBUG)
        page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text().slice(0, 300)}`));
      if (process.env.E2E_DEBUG)
        page.on(
          'request',
          (request) => request.url().includes('/api/') && console.log(`[request] ${request.method()} ${request.url()}`),
        );
      return opened;
    };
    const navigate = async (page: Page, label: string) => {
      if (isPhone) await page.getByRole('button', { name: L.menu, exact: true }).click();
      await page.getByRole('navigation').getByRole('link', { name: label }).click();
    };

    // Sign up.
    const owner = await open('nl-NL');
    const page = owner.page;
    await page.goto('/signup');
    if (locale === 'en') {
      await page.getByRole('combobox', { name: 'Taal' }).click();
      await page.getByRole('option', { name: 'English' }).click();
    }
    await fillSignUpForm(page, locale, {
      company: `Journey ${run} BV`,
      name: 'Ann Owner',
      email: ownerEmail,
      password: PASSWORD,
    });
    await submitSignUp(page, locale);

    // The verification mail arrives at a real SMTP server, in the chosen language; its link logs in.
    const verification = await openVerificationLink(page, journey.smtp, ownerEmail);
    expect(verification.subject).toBe(L.verifySubject);
    await expect
      .poll(() => page.getByRole('heading', { name: `${L.welcome}, Ann Owner` }).isVisible(), WAIT)
      .toBe(true);

    // Terms art. 10: a new tenant is a 14-day demo with a visible day counter.
    expect(await page.getByTestId('demo-banner').textContent()).toContain(L.demoDays);
    // Terms art. 3: the owner sees the terms in force and accepts them.
    await page.getByRole('button', { name: L.acceptTerms }).click();
    await expect.poll(() => page.getByRole('button', { name: L.acceptTerms }).count()).toBe(0);

    // Company profile: a wrong KvK number is refused with a clear message, valid data is saved.
    await navigate(page, L.company);
    await page.getByLabel(L.kvk).fill('123');
    await page.getByRole('button', { name: L.save }).click();
    await expect.poll(() => page.getByText(L.kvkError).isVisible()).toBe(true);
    await page.getByLabel(L.kvk).fill('12345678');
    await page.getByLabel(L.vat).fill('NL004495445B01');
    await page.getByLabel(L.iban, { exact: true }).fill('nl91 abna 0417 1643 00');
    await page.getByLabel(L.city).fill('Utrecht');
    await page.getByRole('button', { name: L.save }).click();
    await expect.poll(() => page.getByText(L.saved).first().isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel(L.iban, { exact: true }).inputValue()).toBe('NL91ABNA0417164300');
    expect(await page.getByLabel(L.city).inputValue()).toBe('Utrecht');

    // Invite a colleague.
    await navigate(page, L.users);
    await page.getByLabel(L.email).fill(colleagueEmail);
    await page.getByRole('button', { name: L.invite, exact: true }).click();
    const invitation = await journey.smtp.waitFor((mail) => mail.to.includes(colleagueEmail));
    expect(invitation.subject).toContain(`Journey ${run} BV`);

    // The colleague accepts in a browser of their own, then logs out and in again.
    const colleague = await open(locale === 'en' ? 'en-GB' : 'nl-NL');
    const other = colleague.page;
    await acceptInvitation(other, invitation, 'Cees Colleague', locale);
    if (isPhone) await other.getByRole('button', { name: L.menu, exact: true }).click();
    await other.getByRole('button', { name: L.logout }).last().click();
    await expect.poll(() => other.url()).toContain('/login');
    await other.getByLabel(L.email).fill(colleagueEmail);
    await other.getByLabel(L.password).first().fill(PASSWORD);
    await other.getByRole('button', { name: L.login, exact: true }).click();
    await expect
      .poll(() => other.getByRole('heading', { name: `${L.welcome}, Cees Colleague` }).isVisible(), WAIT)
      .toBe(true);

    // The owner sees the colleague as a member.
    await page.reload();
    await expect.poll(() => page.getByText(colleagueEmail).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await owner.context.close();
    await colleague.context.close();
  });
});

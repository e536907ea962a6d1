import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { DESKTOP, isWithinPhoneWidth, pageWidth, PHONE } from './support/viewport.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAFF = { email: 'sam@operator.test', name: 'Sam Support', password: 'operator password 1' };
const L = LABELS.nl;

describe(`browser journey: operator console and support access (terms art. 3, 6, 10, 11, 15, 16, 19) (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];

  // Registered after setUpJourney's: runs once the app is up.
  beforeAll(() => {
    // Operator staff are made with the CLI; the password comes from the environment only.
    const created = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'admin',
        '--',
        'operator',
        'create',
        '--email',
        STAFF.email,
        '--name',
        STAFF.name,
        '--role',
        'admin',
        '--json',
      ],
      { cwd: root, env: { ...journey.app.env, OPERATOR_PASSWORD: STAFF.password }, encoding: 'utf8' },
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
  });
  // afterAll hooks run in reverse order: the pages close before the journey's browser does.
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  async function open(viewport = DESKTOP): Promise<Page> {
    const { context, page } = await openPage(journey, { viewport, errors });
    contexts.push(context);
    return page;
  }

  /** A new business signs up and is logged in through the verification link (a 14-day demo). */
  async function newOwner(company: string, email: string): Promise<Page> {
    const page = await open();
    await signUpOwner(page, journey.smtp, { company, name: 'Olga Owner', email });
    await expect
      .poll(() => page.getByRole('heading', { name: `${L.welcome}, Olga Owner` }).isVisible(), WAIT)
      .toBe(true);
    return page;
  }

  /** The console has its own login: /operator sends a visitor without a console session there. */
  async function operatorLogin(viewport = DESKTOP): Promise<Page> {
    const page = await open(viewport);
    await page.goto('/operator');
    await expect.poll(() => page.url()).toContain('/operator/login');
    await page.getByTestId('console-login-email').fill(STAFF.email);
    await page.getByTestId('console-login-password').fill('wrong password!');
    await page.getByTestId('console-login-submit').click();
    await expect
      .poll(() => page.getByTestId('console-login-error').textContent())
      .toBe('E-mailadres of wachtwoord klopt niet');
    await page.getByTestId('console-login-password').fill(STAFF.password);
    await page.getByTestId('console-login-submit').click();
    await expect.poll(() => page.getByTestId('console-header').textContent()).toContain(L.consoleTitle);
    return page;
  }

  it('the owner lets a staff member in with write rights; support changes the city; the audit log shows it; revoking shuts the door', async () => {
    const run = `support${Date.now()}`;
    const company = `Hulp ${run} BV`;
    const owner = await newOwner(company, `owner-${run}@journey.test`);

    // Terms art. 16: the owner sees who at the operator can be let in and grants write access for a day.
    await owner.getByTestId('nav-support').click();
    await expect.poll(() => owner.getByTestId('support-staff').textContent()).toContain(STAFF.name);
    await owner.getByTestId('support-grant-staff').selectOption({ label: STAFF.name });
    await owner.getByLabel(L.writeAccess).check();
    await owner.getByTestId('support-grant-reason').fill('Vraag over het adres op de factuur');
    await owner.getByTestId('support-grant-duration').fill('1');
    await owner.getByTestId('support-grant-unit').selectOption('days');
    await owner.getByTestId('support-grant-submit').click();
    await expect.poll(() => owner.getByTestId('support-grant-result').textContent()).toContain(L.supportGranted);
    await expect.poll(() => owner.getByTestId('support-grant-row').first().getAttribute('data-status')).toBe('active');

    // The staff member logs in to the console in a browser of their own and opens the tenant.
    const staff = await operatorLogin();
    await staff.getByTestId('console-nav-support').click();
    const grant = staff.getByTestId('console-support-grant').filter({ hasText: company });
    await expect.poll(() => grant.textContent()).toContain(L.writeAccess);
    await grant.getByTestId('console-support-open').click();
    await expect.poll(() => staff.getByTestId('console-support-banner').textContent()).toContain(L.supportBannerWrite);
    expect(await staff.getByTestId('console-support-banner').textContent()).toContain(company);
    await staff.getByLabel(L.city).fill('Zwolle');
    await staff.getByTestId('console-support-save').click();
    await expect.poll(() => staff.getByText(L.saved).first().isVisible()).toBe(true);
    await expect
      .poll(() => staff.getByTestId('console-support-audit').textContent())
      .toContain(`${STAFF.name} (support)`);

    // The owner sees the change in the company profile and, in the audit log, who made it.
    await owner.goto('/settings/company');
    await expect.poll(() => owner.getByLabel(L.city).inputValue()).toBe('Zwolle');
    await owner.goto('/settings/audit');
    const change = owner.getByRole('row').filter({ hasText: 'company.updated' });
    await expect.poll(() => change.first().textContent()).toContain(`${STAFF.name} (support)`);

    // Revoking is confirmed first, and takes effect at once.
    await owner.getByRole('navigation').getByTestId('nav-support').click();
    await owner.getByTestId('support-grant-revoke').click();
    await owner.getByTestId('support-dialog-revoke-confirm').click();
    await expect.poll(() => owner.getByTestId('support-grant-row').first().getAttribute('data-status')).toBe('revoked');
    await staff.reload();
    await expect.poll(() => staff.getByTestId('console-support-no-access').isVisible()).toBe(true);
    await staff.getByTestId('console-nav-support').click();
    await expect.poll(() => staff.getByTestId('console-support-none').isVisible()).toBe(true);

    expect(errors).toEqual([]);
  });

  it('with the review queue on, an order waits; the operator refuses it with a reason the owner then reads (art. 6)', async () => {
    const run = `review${Date.now()}`;
    const company = `Wacht ${run} BV`;
    const staff = await operatorLogin();
    await staff.getByTestId('console-nav-orders').click();
    const reviewSwitch = staff.getByRole('switch', { name: L.reviewSwitch });
    await expect.poll(() => reviewSwitch.isEnabled()).toBe(true);
    // The switch follows the server's answer, so it turns on once the change is saved.
    await reviewSwitch.click();
    await expect.poll(() => staff.getByTestId('console-review-switch').isChecked()).toBe(true);

    const owner = await newOwner(company, `owner-${run}@journey.test`);
    await owner.getByTestId('nav-order').click();
    await expect.poll(() => owner.getByTestId('order-form').isVisible()).toBe(true);
    await owner.getByTestId('order-accept-terms').check();
    await owner.getByTestId('order-submit').click();
    await expect.poll(() => owner.getByTestId('order-result').textContent()).toContain(L.orderReceived);

    // A reason is required to refuse.
    await staff.reload();
    const order = staff.getByTestId('console-order').filter({ hasText: company });
    await expect.poll(() => order.isVisible()).toBe(true);
    await order.getByTestId('console-order-refuse').click();
    await staff.getByTestId('console-dialog-refuse-confirm').click();
    await expect.poll(() => staff.getByText('Geef een reden (minstens 3 tekens)').isVisible()).toBe(true);
    await staff.getByTestId('console-refuse-reason').fill('Wij leveren niet buiten de Benelux.');
    await staff.getByTestId('console-dialog-refuse-confirm').click();
    await expect.poll(() => order.count()).toBe(0);

    await owner.reload();
    await expect
      .poll(() => owner.getByTestId('order-refused').textContent())
      .toContain('Wij leveren niet buiten de Benelux.');

    // The console works at phone width: the tenant list fits, the navigation sits behind the burger.
    await staff.setViewportSize(PHONE);
    await staff.getByRole('button', { name: L.menu, exact: true }).click();
    await staff.getByTestId('console-nav-tenants').click();
    const tenant = staff.getByTestId('console-tenant').filter({ hasText: company });
    await expect.poll(() => tenant.isVisible()).toBe(true);
    expect(await tenant.getByTestId('console-tenant-state').textContent()).toBe('Demo');
    expect(await pageWidth(staff)).toBeLessThanOrEqual(PHONE.width);
    expect(await isWithinPhoneWidth(tenant.getByTestId('console-extend-demo'))).toBe(true);

    expect(errors).toEqual([]);
  });

  it('a newsletter from the console carries an unsubscribe link; the page unsubscribes with one button (art. 19)', async () => {
    const run = `news${Date.now()}`;
    const subject = `Nieuws ${run}`;
    const staff = await operatorLogin();
    await staff.getByTestId('console-nav-announcements').click();
    await staff.getByText('Nieuwsbrief', { exact: true }).click();
    await expect.poll(() => staff.getByTestId('console-announcement-hint').textContent()).toContain('afmeldlink');
    await staff.getByTestId('console-announcement-subject').fill(subject);
    await staff.getByTestId('console-announcement-body').fill('Er is iets nieuws in Clientbox.');
    await staff.getByTestId('console-announcement-send').click();
    await staff.getByTestId('console-dialog-announcement-confirm').click();
    await expect.poll(() => staff.getByTestId('console-announcement-result').isVisible()).toBe(true);
    expect(await staff.getByTestId('console-announcements').textContent()).toContain(subject);
    await staff.getByTestId('console-logout').click();
    await expect.poll(() => staff.url()).toContain('/operator/login');
    await staff.goto('/operator/announcements');
    await expect.poll(() => staff.getByTestId('console-login-form').isVisible()).toBe(true);

    const mail = await journey.smtp.waitFor((message) => message.subject === subject);
    const link = /https?:\/\/\S+\/unsubscribe\?\S+/.exec(mail.text)?.[0] ?? '';
    expect(link).toContain('token=');
    const reader = await open(PHONE);
    await reader.goto(link);
    await reader.getByTestId('unsubscribe-submit').click();
    await expect.poll(() => reader.getByTestId('unsubscribe-done').textContent()).toContain(L.unsubscribed);

    await reader.goto('/unsubscribe?email=someone%40example.test&token=forged-token-value');
    await reader.getByTestId('unsubscribe-submit').click();
    await expect.poll(() => reader.getByTestId('unsubscribe-invalid').isVisible()).toBe(true);

    expect(errors).toEqual([]);
  });
});

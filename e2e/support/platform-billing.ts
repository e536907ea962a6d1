import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { fillCompanyProfile } from './company-profile.ts';
import { WAIT } from './constants.ts';
import { type Journey, setUpJourney } from './journey-setup.ts';
import { LABELS } from './labels.ts';
import { openPage } from './open-page.ts';
import { createOperatorAdmin, type OperatorStaff } from './operator-console.ts';
import { signUpOwner } from './owner-sign-up.ts';
import type { PHONE } from './viewport.ts';
import { dutchText as nl } from './web-texts.ts';

export interface OperatorBillingJourney {
  journey: Journey;
  /** What any page opened by `open` threw: a journey ends by expecting none. */
  errors: string[];
  /** A page in a browser context of its own (its own session), at desktop width unless `viewport` says otherwise. */
  open: (viewport?: typeof PHONE) => Promise<Page>;
}

/**
 * What the operator's billing journeys share: the journey's app (with `extraEnv`), SMTP sink and
 * browser, an operator admin `staff` made before the first journey, and the pages they open,
 * closed after the last (before the browser is).
 */
export function setUpOperatorBillingJourney(
  staff: OperatorStaff,
  extraEnv: Record<string, string> = {},
): OperatorBillingJourney {
  const journey = setUpJourney(extraEnv);
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(() => createOperatorAdmin(journey.app, staff));
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  async function open(viewport?: typeof PHONE): Promise<Page> {
    const { context, page } = await openPage(journey, { errors, ...(viewport && { viewport }) });
    contexts.push(context);
    return page;
  }

  return { journey, errors, open };
}

/**
 * The operator's own tenant from which it bills the platform's tenants: signed up like any
 * business, with a company profile complete enough to issue invoices and pay refunds (BIC too).
 */
export async function signUpBillingTenant(page: Page, journey: Journey, company: string, email: string) {
  await signUpOwner(page, journey.smtp, { company, name: 'Bea Boekhouding', email });
  await fillCompanyProfile(page, { legal_name: company, bic: 'ABNANL2A' });
}

/** In the console's orders page, the admin chooses the tenant the platform bills from. */
export async function chooseBillingTenant(console: Page, company: string, tenantId: string) {
  await console.getByTestId('console-nav-orders').click();
  const picker = console.getByTestId('console-billing-tenant');
  await expect.poll(() => picker.isEnabled(), WAIT).toBe(true);
  await picker.click();
  await picker.fill(company);
  await console.getByRole('option', { name: company, exact: true }).click();
  await expect.poll(() => picker.getAttribute('data-value'), WAIT).toBe(tenantId);
  await expect
    .poll(() => console.getByText(nl('console.billing.saved', { tenant: company })).isVisible(), WAIT)
    .toBe(true);
}

/** A business orders on its subscription page: the base package for one user, per `period`. */
export async function orderBasePackage(page: Page, period: 'month' | 'quarter' | 'year') {
  await page.goto('/order');
  await expect.poll(() => page.getByTestId('order-form').isVisible(), WAIT).toBe(true);
  for (const box of await page.locator('[data-testid^="choice-module-"]').all())
    if (await box.isChecked()) await box.uncheck();
  await page.getByTestId('choice-users').fill('1');
  await page.getByTestId('choice-period').selectOption(period);
  await page.getByTestId('order-accept-terms').check();
  await page.getByTestId('order-submit').click();
  await expect.poll(() => page.getByTestId('order-result').textContent(), WAIT).toContain(LABELS.nl.orderAccepted);
}

/** The tenant's id as the web app knows it (`/api/v1/me`). */
export async function tenantIdOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { tenant: { id: string } };
    return me.tenant.id;
  });
}

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { isWithinPhoneWidth, pageWidth, PHONE } from './support/viewport.ts';

const L = LABELS.nl;

/** Picks an organization in a searchable select by typing part of its name. */
async function pickOrganization(page: Page, testId: string, typed: string, name: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name }).click();
  await expect.poll(() => input.inputValue()).toBe(name);
}

describe(`browser journey: CRM relations in Dutch (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('creates an organization, links a person to two organizations, finds it by phone and works at phone width', async () => {
    const run = `crm${Date.now()}`;
    const { context, page, errors } = await openPage(journey);

    // A new account (a demo has every module, CRM is in the base package anyway).
    await signUpOwner(page, journey.smtp, {
      company: `Relaties ${run} BV`,
      name: 'Rosa Relatie',
      email: `owner-${run}@journey.test`,
    });
    await expect.poll(() => page.getByTestId('nav-module-crm').isVisible(), WAIT).toBe(true);

    // CRM in the navigation opens the relations list.
    await page.getByTestId('nav-module-crm').click();
    await expect.poll(() => page.url()).toContain('/crm/organizations');
    await expect.poll(() => page.getByTestId('crm-organizations-empty').isVisible()).toBe(true);

    // A customer with a phone number and a visiting address; an invalid phone is named at its field first.
    await page.getByTestId('crm-new-organization').click();
    await page.getByTestId('organization-name').fill('Jansen Installatietechniek B.V.');
    await page.getByTestId('organization-kvk-number').fill('12345678');
    await page.getByTestId('organization-is-customer').check();
    await page.getByTestId('contact-phone-0').fill('06 1234567');
    await page.getByTestId('contact-address-street-0').fill('Oudegracht 1');
    await page.getByTestId('contact-address-postal-code-0').fill('3511 AA');
    await page.getByTestId('contact-address-city-0').fill('Utrecht');
    await page.getByTestId('organization-form-submit').click();
    await expect.poll(() => page.getByText('Geen geldig telefoonnummer').isVisible()).toBe(true);
    await page.getByTestId('contact-phone-0').fill('020 123 4567');
    await page.getByTestId('organization-form-submit').click();
    await expect
      .poll(() => page.getByTestId('organization-title').textContent())
      .toBe('Jansen Installatietechniek B.V.');
    expect(await page.getByTestId('organization-debtor-number').textContent()).toBe('D00001');
    expect(await page.getByTestId('organization-phones').textContent()).toContain('020 123 4567');
    expect(await page.getByTestId('organization-addresses').textContent()).toContain('Oudegracht 1, 3511 AA Utrecht');
    const organizationUrl = page.url();

    // A second organization, then a person working for both, with a different role at each.
    await page.goto('/crm/organizations/new');
    await page.getByTestId('organization-name').fill('Stichting Groen Dorp');
    await page.getByTestId('organization-form-submit').click();
    await expect.poll(() => page.getByTestId('organization-title').textContent()).toBe('Stichting Groen Dorp');

    await page.goto('/crm/persons/new');
    await page.getByTestId('person-first-name').fill('Petra');
    await page.getByTestId('person-last-name').fill('de Vries');
    await pickOrganization(page, 'person-link-organization-0', 'jansen', 'Jansen Installatietechniek B.V.');
    await page.getByTestId('person-link-role-0').fill('Directeur');
    await page.getByTestId('person-link-phone-0').fill('020 123 4599');
    await page.getByTestId('person-link-add').click();
    await pickOrganization(page, 'person-link-organization-1', 'groen', 'Stichting Groen Dorp');
    await page.getByTestId('person-link-role-1').fill('Bestuurslid');
    await page.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('person-title').textContent()).toBe('Petra de Vries');
    const links = await page.getByTestId('person-organization-row').allTextContents();
    expect(links).toHaveLength(2);
    expect(links.find((row) => row.includes('Jansen'))).toContain('Directeur');
    expect(links.find((row) => row.includes('Groen'))).toContain('Bestuurslid');

    // The header search finds the organization by its phone number written another way.
    const search = page.getByTestId('relation-search');
    await search.fill('+31 20 1234567');
    const option = page.getByTestId('relation-search-option').filter({ hasText: 'Jansen Installatietechniek B.V.' });
    await option.click();
    await expect.poll(() => page.url()).toBe(organizationUrl);
    await expect
      .poll(() => page.getByTestId('organization-person-row').first().textContent())
      .toContain('Petra de Vries');
    expect(await page.getByTestId('organization-person-row').first().textContent()).toContain('Directeur');

    // At phone width the organization page fits the screen and its actions can be reached.
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect.poll(() => page.getByTestId('organization-title').isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    for (const testId of ['organization-edit', 'organization-delete'])
      expect(await isWithinPhoneWidth(page.getByTestId(testId)), testId).toBe(true);
    expect(await isWithinPhoneWidth(page.getByRole('button', { name: 'Gebruikersmenu' }))).toBe(true);
    // On a phone the search box sits at the top of the menu.
    await page.goto('/crm/organizations');
    await page.getByRole('button', { name: L.menu, exact: true }).click();
    await page.getByTestId('relation-search').fill('020-1234567');
    await page.getByTestId('relation-search-option').filter({ hasText: 'Jansen Installatietechniek B.V.' }).click();
    await expect.poll(() => page.url()).toBe(organizationUrl);
    await expect.poll(() => page.getByTestId('organization-title').isVisible()).toBe(true);
    expect(await page.getByTestId('organization-phones').isVisible()).toBe(true);
    await page.getByTestId('organization-edit').click();
    await expect.poll(() => page.getByTestId('organization-form').isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByTestId('organization-name').inputValue()).toBe('Jansen Installatietechniek B.V.');

    expect(errors).toEqual([]);
    await context.close();
  });
});

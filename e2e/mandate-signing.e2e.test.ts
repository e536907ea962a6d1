import { describe, expect, it } from 'vitest';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { fitsPhone, PHONE } from './support/viewport.ts';
import { dutchText as nl } from './support/web-texts.ts';

interface MandateResource {
  id: string;
  status: string;
  mandate_id: string;
  public_url: string | null;
  iban: string | null;
  signed_online: { ip: string | null; user_agent: string | null } | null;
}

describe(`browser journey: a customer signs a SEPA mandate on its public page (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('opens the signing link on a phone, is told what is missing, signs; the tenant sees the mandate active', async () => {
    const run = `mandates${Date.now()}`;
    const company = `Incasso ${run} BV`;
    const { page, errors } = await openPage(journey);
    await signUpOwner(page, journey.smtp, { company, name: 'Ilse Incasso', email: `owner-${run}@journey.test` });
    await fillCompanyProfile(page, { sepa_creditor_id: 'NL69ZZZ123456780000' });
    const customer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: 'Bakkerij De Korenbloem B.V.',
      is_customer: true,
    });
    const requested = await callApi<MandateResource>(page, 'POST', '/api/v1/mandates/requests', {
      customer_id: customer.id,
    });
    expect(requested.status).toBe('pending');

    // The debtor: a browser of its own (no session), at phone width.
    const debtor = await openPage(journey, { viewport: PHONE, locale: 'nl-NL' });
    await debtor.page.goto(new URL(requested.public_url!).pathname);
    await expect.poll(() => debtor.page.getByTestId('public-mandate').isVisible(), WAIT).toBe(true);
    const details = (await debtor.page.getByTestId('public-mandate').textContent()) ?? '';
    expect(details).toContain(requested.mandate_id);
    expect(details).toContain('NL69ZZZ123456780000');
    expect(details).toContain('Bakkerij De Korenbloem B.V.');
    expect(await debtor.page.getByTestId('public-mandate-legal-text').textContent()).toContain('binnen 8 weken');
    await fitsPhone(debtor.page, 'public-mandate-sign');

    // Without the checkbox and with a mistyped IBAN the page says what is wrong, at the fields.
    await debtor.page.getByTestId('public-mandate-name').fill('Jan de Bakker');
    await debtor.page.getByTestId('public-mandate-iban').fill('NL91ABNA0417164301');
    await debtor.page.getByTestId('public-mandate-place').fill('Amersfoort');
    await debtor.page.getByTestId('public-mandate-submit').click();
    await expect
      .poll(() => debtor.page.getByText(nl('public_mandate.error.invalid_iban')).isVisible(), WAIT)
      .toBe(true);
    expect(await debtor.page.getByText(nl('public_mandate.error.mandate_acceptance_required')).isVisible()).toBe(true);

    await debtor.page.getByTestId('public-mandate-iban').fill('NL91 ABNA 0417 1643 00');
    await debtor.page.getByTestId('public-mandate-accept').check();
    await debtor.page.getByTestId('public-mandate-submit').click();
    await expect.poll(() => debtor.page.getByTestId('public-mandate-signed').isVisible(), WAIT).toBe(true);
    expect(await debtor.page.getByTestId('public-mandate-signed').textContent()).toContain('NL91 ABNA 0417 1643 00');
    expect(await debtor.page.getByTestId('public-mandate-sign').count()).toBe(0);

    const signed = await callApi<MandateResource>(page, 'GET', `/api/v1/mandates/${requested.id}`);
    expect(signed).toMatchObject({ status: 'active', iban: 'NL91ABNA0417164300', public_url: null });
    expect(signed.signed_online?.ip).toBeTruthy();
    expect(signed.signed_online?.user_agent).toBeTruthy();
    expect(debtor.errors).toEqual([]);
    expect(errors).toEqual([]);
    await debtor.context.close();
  });
});

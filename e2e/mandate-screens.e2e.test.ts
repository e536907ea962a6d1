import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { checkAtPhoneWidth, PHONE } from './support/viewport.ts';
import { dutchText as nl, englishText as en } from './support/web-texts.ts';

const row = (page: Page, id: string) => page.locator(`[data-testid="mandate-row"][data-id="${id}"]`);
const statusOf = (page: Page, id: string) => row(page, id).getAttribute('data-status');

describe(`browser journey: the owner manages a customer's SEPA mandates (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('records a paper mandate, has one signed online, revokes one; the list page shows them', async () => {
    const run = `mandatescreens${Date.now()}`;
    const { page, errors } = await openPage(journey);
    await signUpOwner(page, journey.smtp, {
      company: `Incasso ${run} BV`,
      name: 'Ilse Incasso',
      email: `owner-${run}@journey.test`,
    });
    await fillCompanyProfile(page, { sepa_creditor_id: 'NL69ZZZ123456780000' });
    const customer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: 'Bakkerij De Korenbloem B.V.',
      is_customer: true,
    });
    await page.goto(`/crm/organizations/${customer.id}`);
    await expect.poll(() => page.getByTestId('customer-mandates-empty').isVisible(), WAIT).toBe(true);

    // A paper mandate: a mistyped IBAN is refused at its field, the corrected one is recorded.
    await page.getByTestId('mandate-record').click();
    const record = page.getByTestId('mandate-record-dialog');
    await expect.poll(() => record.isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('mandate-record-debtor-name').inputValue()).toBe('Bakkerij De Korenbloem B.V.');
    await page.getByTestId('mandate-record-iban').fill('NL91ABNA0417164301');
    await page.getByTestId('mandate-record-signed-place').fill('Amersfoort');
    await page.getByTestId('mandate-record-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('mandate-record-iban').getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await record.getByText(nl('error.invalid_iban')).isVisible()).toBe(true);
    await page.getByTestId('mandate-record-iban').fill('NL91 ABNA 0417 1643 00');
    await page.getByTestId('mandate-record-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('mandate-row').count(), WAIT).toBe(1);
    const paper = page.getByTestId('mandate-row').first();
    const paperId = (await paper.getAttribute('data-id'))!;
    const paperReference = (await paper.getByTestId('mandate-id').textContent())!;
    expect(paperReference).toBe(`${customer.id.slice(0, 8).toUpperCase()}-1`);
    expect(await statusOf(page, paperId)).toBe('active');
    expect(await paper.getByTestId('mandate-iban').textContent()).toBe('•••• 4300');
    expect(await paper.getByTestId('mandate-status').textContent()).toBe(nl('mandates.status.active'));

    // The server refuses a reference that is taken, and says so at the field.
    await page.getByTestId('mandate-record').click();
    await expect.poll(() => record.isVisible(), WAIT).toBe(true);
    await page.getByTestId('mandate-record-mandate-id').fill(paperReference);
    await page.getByTestId('mandate-record-iban').fill('NL91ABNA0417164300');
    await page.getByTestId('mandate-record-dialog-confirm').click();
    await expect
      .poll(() => page.getByTestId('mandate-record-mandate-id').getAttribute('aria-invalid'), WAIT)
      .toBe('true');
    expect(await record.getByText(nl('error.mandate_id_taken')).isVisible()).toBe(true);
    await record.getByRole('button', { name: nl('common.cancel') }).click();
    await expect.poll(() => record.count(), WAIT).toBe(0);

    // An online signature, the link e-mailed by Clientbox: opened by the customer in a browser of
    // its own, signed there.
    await page.getByTestId('mandate-request').click();
    await page.getByTestId('mandate-request-by-email').check();
    await page.getByTestId('mandate-request-send-to').fill(`debiteur-${run}@korenbloem.test`);
    await page.getByTestId('mandate-request-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('mandate-request-created').isVisible(), WAIT).toBe(true);
    const requestId = (await page.getByTestId('mandate-request-created').getAttribute('data-id'))!;
    const link = await page.getByTestId('mandate-signing-link').inputValue();
    expect(link).toMatch(/\/m\/[\w-]+$/);
    expect(await page.getByTestId('mandate-request-sent').textContent()).toBe(
      nl('mandates.request_sent_to', { address: `debiteur-${run}@korenbloem.test` }),
    );
    const mail = await journey.smtp.waitFor((received) => received.to.includes(`debiteur-${run}@korenbloem.test`));
    expect(mail.text).toContain(link);
    await page.getByTestId('mandate-request-done').click();
    await expect.poll(() => statusOf(page, requestId), WAIT).toBe('pending');
    expect(await row(page, requestId).getByTestId('mandate-row-copy-link').isVisible()).toBe(true);

    const debtor = await openPage(journey, { viewport: PHONE, locale: 'nl-NL' });
    await debtor.page.goto(new URL(link).pathname);
    await expect.poll(() => debtor.page.getByTestId('public-mandate-sign').isVisible(), WAIT).toBe(true);
    await debtor.page.getByTestId('public-mandate-name').fill('Jan de Bakker');
    await debtor.page.getByTestId('public-mandate-iban').fill('NL02ABNA0123456789');
    await debtor.page.getByTestId('public-mandate-place').fill('Amersfoort');
    await debtor.page.getByTestId('public-mandate-accept').check();
    await debtor.page.getByTestId('public-mandate-submit').click();
    await expect.poll(() => debtor.page.getByTestId('public-mandate-signed').isVisible(), WAIT).toBe(true);
    expect(debtor.errors).toEqual([]);
    await debtor.context.close();

    // The customer's page turns the request active by itself.
    await expect.poll(() => statusOf(page, requestId), { timeout: 20_000 }).toBe('active');
    expect(await row(page, requestId).getByTestId('mandate-iban').textContent()).toBe('•••• 6789');
    expect(await row(page, requestId).getByTestId('mandate-row-copy-link').count()).toBe(0);

    // Revoking asks first; the revoked mandate stays listed.
    await row(page, paperId).getByTestId('mandate-revoke').click();
    await page.getByTestId('mandate-revoke-reason').fill('Klant betaalt voortaan zelf');
    await page.getByTestId('mandate-revoke-dialog-confirm').click();
    await expect.poll(() => statusOf(page, paperId), WAIT).toBe('revoked');
    expect(await row(page, paperId).getByTestId('mandate-revoke').count()).toBe(0);
    const revoked = await callApi<{ revoked_reason: string }>(page, 'GET', `/api/v1/mandates/${paperId}`);
    expect(revoked.revoked_reason).toBe('Klant betaalt voortaan zelf');
    await checkAtPhoneWidth(page, ['customer-mandates', 'mandate-record', row(page, requestId)]);

    // All mandates of the tenant, from the navigation under Invoices, filtered by status.
    await page.getByTestId('nav-mandates').click();
    await expect.poll(() => page.getByTestId('mandate-row').count(), WAIT).toBe(2);
    await page.goto('/receivables/mandates?status=revoked');
    await expect.poll(() => page.getByTestId('mandate-row').count(), WAIT).toBe(1);
    expect(await page.getByTestId('mandate-row').getAttribute('data-id')).toBe(paperId);
    await checkAtPhoneWidth(page, ['mandates-status-filter', 'mandate-row']);

    // The same list in English.
    await page.getByRole('combobox', { name: nl('language.label') }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('mandates-page')
            .getByRole('heading', { name: en('mandates.title') })
            .isVisible(),
        WAIT,
      )
      .toBe(true);
    expect(await page.getByTestId('mandate-status').textContent()).toBe(en('mandates.status.revoked'));
    expect(errors).toEqual([]);
  });
});

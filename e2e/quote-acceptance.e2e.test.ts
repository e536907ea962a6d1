import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { type Journey, setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { DESKTOP, fitsPhone, PHONE } from './support/viewport.ts';
import { dutchText as nl, englishText as en } from './support/web-texts.ts';

/** Sending renders and stores the PDF, then a job mails it: on a busy machine that takes a while. */
const MAIL_WAIT_MS = 60_000;
const quoteLinkIn = (text: string) => /https?:\/\/\S+\/q\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';

const DUTCH_CUSTOMER = { name: 'Bakkerij De Korenbloem B.V.', email: 'inkoop@korenbloem.test' };
const ENGLISH_CUSTOMER = { name: 'Harbour Lights Ltd', email: 'purchasing@harbourlights.test' };
const HOSTING = 'Hosting per jaar';

interface QuoteResource {
  id: string;
  status: string;
  number: string | null;
  public_url: string | null;
  total_incl_vat: string;
  acceptance: { name: string; selected_optional_lines: number[] } | null;
  decline: { reason: string } | null;
}

/**
 * A browser of the customer: a context of its own, so no session cookie of the tenant. Every API
 * call the page makes is recorded, to show it only uses the public quote routes.
 */
async function customerBrowser(journey: Journey, viewport: { width: number; height: number }, locale: string) {
  const { context, page, errors } = await openPage(journey, { viewport, locale });
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname);
  });
  return { context, page, apiCalls, errors };
}

/** The page stays the customer's: no login form, no app, and only the public quote API. */
async function expectNoAppChrome(page: Page, context: BrowserContext, apiCalls: string[]) {
  expect(new URL(page.url()).pathname).toMatch(/^\/q\//);
  expect(await page.getByTestId('demo-banner').count()).toBe(0);
  expect(await page.locator('[data-testid^="nav-module-"]').count()).toBe(0);
  expect(await page.locator('input[type="password"]').count()).toBe(0);
  expect(apiCalls.length).toBeGreaterThan(0);
  expect(apiCalls.filter((path) => !path.startsWith('/api/v1/public/quotes/'))).toEqual([]);
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual([]);
}

const totalIncl = (page: Page) => page.getByTestId('public-quote-total-incl-amount').textContent();

describe(`browser journey: the customer answers a quote on its public page (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('opens the e-mailed link on a phone, ticks an option, accepts; declines another in English; a bad link is not found', async () => {
    const run = `quotes${Date.now()}`;
    const company = `Offerte ${run} BV`;
    const { context: owner, page, errors } = await openPage(journey);

    // A new owner: the 14-day demo has every module, Quotes included.
    await signUpOwner(page, journey.smtp, { company, name: 'Olga Offerte', email: `owner-${run}@journey.test` });

    // Through the API: the company profile as a sent quote needs it, and two customers — one Dutch,
    // one whose documents are in English.
    await fillCompanyProfile(page, { email: 'verkoop@offerte.test' });
    const dutchCustomer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: DUTCH_CUSTOMER.name,
      is_customer: true,
      invoice_email: DUTCH_CUSTOMER.email,
      addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
    });
    const englishCustomer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: ENGLISH_CUSTOMER.name,
      is_customer: true,
      document_locale: 'en',
      invoice_email: ENGLISH_CUSTOMER.email,
      addresses: [{ type: 'invoice', street: 'Keizersgracht 100', postal_code: '1015 CJ', city: 'Amsterdam' }],
    });

    // A quote with a heading, 10 hours of design (850.00 at 21%), an optional year of hosting
    // (240.00 at 21%, index 2) and a text line. Without the option 850.00 + 178.50 VAT = 1028.50;
    // with it 1090.00 + 228.90 = 1318.90.
    const quote = await callApi<QuoteResource>(page, 'POST', '/api/v1/quotes', {
      customer_id: dutchCustomer.id,
      note: 'Prijzen zijn inclusief twee correctierondes.',
      lines: [
        { kind: 'heading', description: 'Nieuwe website' },
        { description: 'Ontwerp', quantity: '10', unit_code: 'HUR', unit_price: '85.00', vat_rate: '21' },
        { description: HOSTING, quantity: '1', unit_price: '240.00', vat_rate: '21', is_optional: true },
        { kind: 'text', description: 'Oplevering binnen vier weken na akkoord.' },
      ],
    });
    const sent = await callApi<QuoteResource>(page, 'POST', `/api/v1/quotes/${quote.id}/send`, {});
    expect(sent.status).toBe('sent');
    const number = sent.number!;

    // The e-mail the customer gets holds the link to the page.
    const mail = await journey.smtp.waitFor((message) => message.to.includes(DUTCH_CUSTOMER.email), MAIL_WAIT_MS);
    const link = quoteLinkIn(mail.text);
    expect(link).toBe(sent.public_url);
    const token = link.split('/q/')[1]!;

    // The customer opens it on a phone, in a browser of their own set to English: the page speaks
    // the quote's language, Dutch, and shows who offers what.
    const phone = await customerBrowser(journey, PHONE, 'en-GB');
    const customer = phone.page;
    await customer.goto(new URL(link).pathname);
    await expect.poll(() => customer.getByTestId('public-quote').isVisible(), WAIT).toBe(true);
    expect(await customer.getByTestId('public-quote-title').textContent()).toBe(nl('public_quote.title', { number }));
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await customer.getByTestId('public-quote-status').textContent()).toBe(nl('public_quote.status.viewed'));
    const supplier = (await customer.getByTestId('public-quote-supplier').textContent()) ?? '';
    expect(supplier).toContain(company);
    expect(supplier).toContain('Stationsplein 1');
    expect(supplier).toContain(nl('public_quote.kvk_number', { number: '12345678' }));
    expect(supplier).toContain(nl('public_quote.vat_number', { number: 'NL004495445B01' }));
    expect(supplier).toContain('verkoop@offerte.test');
    expect(await customer.getByTestId('public-quote-customer').textContent()).toContain(DUTCH_CUSTOMER.name);
    expect(await customer.getByTestId('public-quote-number').textContent()).toBe(number);
    expect(await customer.getByTestId('public-quote-revision').textContent()).toBe('1');
    expect(await customer.getByTestId('public-quote-valid-until').textContent()).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    expect(await customer.getByTestId('public-quote-line').count()).toBe(4);
    expect(await customer.getByTestId('public-quote-note').textContent()).toContain('twee correctierondes');
    expect(await customer.getByTestId('public-quote-pdf').getAttribute('href')).toBe(
      `/api/v1/public/quotes/${token}/pdf`,
    );
    const pdf = await customer.evaluate(async (path) => {
      const response = await fetch(path);
      return { status: response.status, type: response.headers.get('content-type') };
    }, `/api/v1/public/quotes/${token}/pdf`);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });
    expect(await totalIncl(customer)).toBe('€ 1.028,50');
    await fitsPhone(customer, 'public-quote-lines');
    await fitsPhone(customer, 'public-quote-totals');
    await fitsPhone(customer, 'public-quote-accept-submit');

    // Opening it marked it viewed for the tenant.
    await expect
      .poll(async () => (await callApi<QuoteResource>(page, 'GET', `/api/v1/quotes/${quote.id}`)).status, WAIT)
      .toBe('viewed');

    // Ticking the option adds it to the total, at once.
    await customer.getByTestId('public-quote-option').check();
    await expect.poll(() => totalIncl(customer), WAIT).toBe('€ 1.318,90');
    expect(await customer.getByTestId('public-quote-total-excl-amount').textContent()).toBe('€ 1.090,00');
    expect(await customer.getByTestId('public-quote-vat-row').textContent()).toBe(
      `${nl('public_quote.totals.vat_group', { rate: '21%', base: '€ 1.090,00' })}€ 228,90`,
    );
    // The checkbox names the amount agreed to.
    const terms = nl('public_quote.accept.terms', { number, supplier: company, total: '€ 1.318,90' });
    expect(await customer.getByText(terms).isVisible()).toBe(true);

    // Accepting without ticking the checkbox is refused, at the checkbox.
    await customer.getByTestId('public-quote-accept-name').fill('Jan de Klant');
    await customer.getByTestId('public-quote-accept-submit').click();
    await expect
      .poll(() => customer.getByText(nl('public_quote.error.acceptance_required')).isVisible(), WAIT)
      .toBe(true);
    expect((await callApi<QuoteResource>(page, 'GET', `/api/v1/quotes/${quote.id}`)).status).toBe('viewed');

    // With it: accepted, by whom and when, with the option; no form any more.
    await customer.getByTestId('public-quote-accept-terms').check();
    await customer.getByTestId('public-quote-accept-submit').click();
    await expect.poll(() => customer.getByTestId('public-quote-accepted').isVisible(), WAIT).toBe(true);
    const accepted = (await customer.getByTestId('public-quote-accepted').textContent()) ?? '';
    expect(accepted).toContain(nl('public_quote.accepted', { name: 'Jan de Klant', date: '' }).trim());
    expect(await customer.getByTestId('public-quote-accepted-options').textContent()).toContain(HOSTING);
    expect(await customer.getByTestId('public-quote-status').textContent()).toBe(nl('public_quote.status.accepted'));
    expect(await customer.getByTestId('public-quote-accept').count()).toBe(0);
    expect(await customer.getByTestId('public-quote-option').isDisabled()).toBe(true);
    expect(await totalIncl(customer)).toBe('€ 1.318,90');
    await fitsPhone(customer, 'public-quote-accepted');
    await expectNoAppChrome(customer, phone.context, phone.apiCalls);

    // The tenant's API has the answer: the name and the ticked option, and the total with it.
    const answered = await callApi<QuoteResource>(page, 'GET', `/api/v1/quotes/${quote.id}`);
    expect(answered.status).toBe('accepted');
    expect(answered.acceptance).toMatchObject({ name: 'Jan de Klant', selected_optional_lines: [2] });
    expect(answered.total_incl_vat).toBe('1318.90');

    // Opened again later, the link shows the answer, not the form.
    await customer.reload();
    await expect.poll(() => customer.getByTestId('public-quote-accepted').isVisible(), WAIT).toBe(true);
    expect(await customer.getByTestId('public-quote-accept').count()).toBe(0);
    expect(await customer.getByTestId('public-quote-option').isChecked()).toBe(true);
    // Without a creditor identifier the supplier cannot collect: nothing is offered.
    expect(await customer.getByTestId('quote-mandate-offer').count()).toBe(0);

    // Once the supplier can collect, the accepted quote offers paying by direct debit: the customer
    // signs the mandate on its own page and, back on the quote, sees it in force.
    await callApi(page, 'PATCH', '/api/v1/company', { sepa_creditor_id: 'NL69ZZZ123456780000' });
    await customer.reload();
    await expect.poll(() => customer.getByTestId('quote-mandate-offer').isVisible(), WAIT).toBe(true);
    await fitsPhone(customer, 'quote-mandate-sign');
    await customer.getByTestId('quote-mandate-sign').click();
    await customer.waitForURL(/\/m\/[A-Za-z0-9_-]{43}$/, WAIT);
    await expect.poll(() => customer.getByTestId('public-mandate-sign').isVisible(), WAIT).toBe(true);
    await customer.getByTestId('public-mandate-name').fill('Jan de Klant');
    await customer.getByTestId('public-mandate-iban').fill('NL02 ABNA 0123 4567 89');
    await customer.getByTestId('public-mandate-place').fill('Amersfoort');
    await customer.getByTestId('public-mandate-accept').check();
    await customer.getByTestId('public-mandate-submit').click();
    await expect.poll(() => customer.getByTestId('public-mandate-signed').isVisible(), WAIT).toBe(true);
    await customer.goto(link);
    await expect.poll(() => customer.getByTestId('quote-mandate-active').isVisible(), WAIT).toBe(true);
    const mandates = await callApi<{ data: { status: string; debtor_name: string }[] }>(
      page,
      'GET',
      `/api/v1/mandates?customer_id=${dutchCustomer.id}`,
    );
    expect(mandates.data).toEqual([expect.objectContaining({ status: 'active', debtor_name: 'Jan de Klant' })]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // A second quote, to the customer whose documents are in English: declined at desktop width,
    // in a browser set to Dutch — the page speaks English all the same.
    const second = await callApi<QuoteResource>(page, 'POST', '/api/v1/quotes', {
      customer_id: englishCustomer.id,
      lines: [{ description: 'Website audit', quantity: '1', unit_price: '500.00', vat_rate: '21' }],
    });
    const secondSent = await callApi<QuoteResource>(page, 'POST', `/api/v1/quotes/${second.id}/send`, {});
    const secondMail = await journey.smtp.waitFor(
      (message) => message.to.includes(ENGLISH_CUSTOMER.email),
      MAIL_WAIT_MS,
    );
    const secondLink = quoteLinkIn(secondMail.text);
    expect(secondLink).toBe(secondSent.public_url);

    const desktop = await customerBrowser(journey, DESKTOP, 'nl-NL');
    const reader = desktop.page;
    await reader.goto(new URL(secondLink).pathname);
    await expect.poll(() => reader.getByTestId('public-quote').isVisible(), WAIT).toBe(true);
    expect(await reader.getByTestId('public-quote-title').textContent()).toBe(
      en('public_quote.title', { number: secondSent.number! }),
    );
    expect(await reader.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await totalIncl(reader)).toBe('€605.00');
    expect(await reader.getByTestId('public-quote-option').count()).toBe(0);

    // The language switch changes the page, not the quote; back to English.
    await reader.getByRole('combobox', { name: en('language.label') }).click();
    await reader.getByRole('option', { name: 'Nederlands' }).click();
    await expect
      .poll(() => reader.getByTestId('public-quote-title').textContent(), WAIT)
      .toBe(nl('public_quote.title', { number: secondSent.number! }));
    expect(await totalIncl(reader)).toBe('€ 605,00');
    await reader.getByRole('combobox', { name: nl('language.label') }).click();
    await reader.getByRole('option', { name: 'English' }).click();
    await expect
      .poll(() => reader.getByTestId('public-quote-title').textContent(), WAIT)
      .toBe(en('public_quote.title', { number: secondSent.number! }));

    // The same link open in a second tab, still showing the form.
    const staleTab = await desktop.context.newPage();
    await staleTab.goto(new URL(secondLink).pathname);
    await expect.poll(() => staleTab.getByTestId('public-quote-accept').isVisible(), WAIT).toBe(true);

    // Declining needs a reason; with one, the page says it is declined, and why.
    await reader.getByTestId('public-quote-decline-open').click();
    await expect.poll(() => reader.getByTestId('public-quote-decline-submit').isVisible(), WAIT).toBe(true);
    // Sending without a reason changes nothing, so on a busy machine a click that landed while the
    // form was still opening may be repeated until the message shows.
    const reasonRequired = reader.getByTestId('public-quote-decline').getByText(en('public_quote.error.required'));
    await expect
      .poll(async () => {
        await reader.getByTestId('public-quote-decline-submit').click();
        return reasonRequired.isVisible();
      }, WAIT)
      .toBe(true);
    await reader.getByTestId('public-quote-decline-reason').fill('We chose another supplier.');
    await reader.getByTestId('public-quote-decline-submit').click();
    await expect.poll(() => reader.getByTestId('public-quote-declined').isVisible(), WAIT).toBe(true);
    expect(await reader.getByTestId('public-quote-declined').textContent()).toContain(
      en('public_quote.declined', { date: '' }).trim(),
    );
    expect(await reader.getByTestId('public-quote-declined-reason').textContent()).toBe(
      en('public_quote.declined_reason', { reason: 'We chose another supplier.' }),
    );
    expect(await reader.getByTestId('public-quote-status').textContent()).toBe(en('public_quote.status.declined'));
    expect(await reader.getByTestId('public-quote-accept').count()).toBe(0);
    await expectNoAppChrome(reader, desktop.context, desktop.apiCalls);

    // Accepting in the stale tab is refused by the server (409): the page says why and shows the answer.
    await staleTab.getByTestId('public-quote-accept-name').fill('Someone Else');
    await staleTab.getByTestId('public-quote-accept-terms').check();
    await staleTab.getByTestId('public-quote-accept-submit').click();
    await expect
      .poll(() => staleTab.getByTestId('public-quote-refused').textContent(), WAIT)
      .toBe(en('public_quote.error.quote_already_declined'));
    await expect.poll(() => staleTab.getByTestId('public-quote-declined').isVisible(), WAIT).toBe(true);
    expect(await staleTab.getByTestId('public-quote-accept').count()).toBe(0);

    const declined = await callApi<QuoteResource>(page, 'GET', `/api/v1/quotes/${second.id}`);
    expect(declined.status).toBe('declined');
    expect(declined.decline).toMatchObject({ reason: 'We chose another supplier.' });
    expect(desktop.errors).toEqual([]);
    await desktop.context.close();

    // A mistyped link, a well-formed token nobody has, a link with junk pasted after it: a
    // friendly not-found page, no login.
    for (const badToken of ['not-a-real-link', 'A'.repeat(43), `${token}${'x'.repeat(300)}`]) {
      const stranger = await customerBrowser(journey, PHONE, 'nl-NL');
      await stranger.page.goto(`/q/${badToken}`);
      await expect.poll(() => stranger.page.getByTestId('public-quote-not-found').isVisible(), WAIT).toBe(true);
      expect(await stranger.page.getByTestId('public-quote-not-found').textContent()).toContain(
        nl('public_quote.not_found.title'),
      );
      await expectNoAppChrome(stranger.page, stranger.context, stranger.apiCalls);
      await fitsPhone(stranger.page, 'public-quote-not-found');
      expect(stranger.errors).toEqual([]);
      await stranger.context.close();
    }
    expect(errors).toEqual([]);
    await owner.close();
  });
});

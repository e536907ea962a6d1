import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  pdfText,
  pixelShare,
  rasterizeFirstPage,
  squeeze,
} from '../apps/server/src/modules/invoices/documents/__tests__/pdf-test-tools.ts';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { addProductLine, ADVICE_PRODUCT, createAdviceProduct, pickCustomer } from './support/document-editor.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { linkIn } from './support/mail-links.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { DESKTOP, fitsPhone, pageWidth, PHONE } from './support/viewport.ts';
import { dutchText as t } from './support/web-texts.ts';

/** Sending renders and stores the PDF first: on a busy machine that takes a while. */
const SEND_WAIT = { timeout: 60_000 };

const CUSTOMER = 'Tuincentrum De Linde B.V.';
const CUSTOMER_EMAIL = 'inkoop@delinde.test';
const OPTION = 'Onderhoudscontract per jaar';

const line = (page: Page, index: number) => page.getByTestId('quote-line').nth(index);
const totalIncl = (page: Page, kind = 'quote') => page.getByTestId(`${kind}-total-incl-amount`).textContent();

async function payInvoice(page: Page, amount: string) {
  await page.getByTestId('invoice-payment-register').click();
  await expect.poll(() => page.getByTestId('invoice-payment-dialog').isVisible(), WAIT).toBe(true);
  await page.getByTestId('invoice-payment-amount').fill(amount);
  await page.getByTestId('invoice-payment-dialog-confirm').click();
  await expect.poll(() => page.getByTestId('invoice-payment-dialog').count(), WAIT).toBe(0);
}

async function send(page: Page) {
  await page.getByTestId('quote-send').click();
  const dialog = page.getByTestId('quote-send-dialog');
  await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
  expect(await dialog.textContent()).toContain(t('quote.send_text'));
  // The customer's address from the CRM is where it goes when no other one is typed.
  await expect
    .poll(() => dialog.textContent(), WAIT)
    .toContain(t('quote.send_email_default', { email: CUSTOMER_EMAIL }));
  await page.getByTestId('quote-send-dialog-confirm').click();
}

describe(`browser journey: quotes to payment — draft with an option, send, revise, accepted online, invoiced, paid (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('makes a quote with an optional line, sends and revises it; the customer accepts it with the option on the public page; it becomes an invoice that is sent and paid', async () => {
    const run = `quotes${Date.now()}`;
    const email = `owner-${run}@journey.test`;
    const { context, page, errors } = await openPage(journey);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.app.baseUrl });

    // A new owner: the 14-day demo has every module, Quotes, Invoices and Products included.
    await signUpOwner(page, journey.smtp, { company: `Offerte ${run} BV`, name: 'Olga Offerte', email });

    // Through the API: the company profile without a KvK number (on purpose), a customer with an
    // address, a KvK number and an e-mail address for documents, and a product.
    await fillCompanyProfile(page, { kvk_number: null });
    const organization = await callApi(page, 'POST', '/api/v1/organizations', {
      name: CUSTOMER,
      is_customer: true,
      // A KvK number makes the customer addressable in an e-invoice: the invoice mail carries a UBL.
      kvk_number: '87654321',
      invoice_email: CUSTOMER_EMAIL,
      addresses: [{ type: 'invoice', street: 'Lindelaan 4', postal_code: '3704 AA', city: 'Zeist' }],
    });
    await createAdviceProduct(page);

    // The Quotes entry of the module navigation opens the list, empty at first.
    await page.getByTestId('nav-module-quotes').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/quotes$/);
    await expect.poll(() => page.getByTestId('quotes-empty').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('quotes-empty').textContent()).toBe(t('quotes.empty'));

    // A new quote: the customer from the CRM, a product line and an optional free line.
    await page.getByTestId('quotes-new').click();
    await expect.poll(() => page.getByTestId('quote-editor').isVisible(), WAIT).toBe(true);
    await pickCustomer(page, 'quote', 'Linde', CUSTOMER);

    await addProductLine(page, 'quote', 'advies', ADVICE_PRODUCT.name);
    await expect
      .poll(() => line(page, 0).getByTestId('quote-line-description').inputValue(), WAIT)
      .toBe(ADVICE_PRODUCT.name);
    // 1 × 95.00 at 21%: VAT 19.95, total 114.95.
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 114,95');

    await page.getByTestId('quote-add-free').click();
    await expect.poll(() => page.getByTestId('quote-line').count(), WAIT).toBe(2);
    await line(page, 1).getByTestId('quote-line-description').fill(OPTION);
    await line(page, 1).getByTestId('quote-line-unit-price').fill('250,00');
    await expect.poll(() => line(page, 1).getByTestId('quote-line-total').textContent(), WAIT).toBe('€ 250,00');
    // Not optional yet: 345.00 + VAT 72.45 = 417.45.
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 417,45');
    await line(page, 1).getByTestId('quote-line-optional').check();
    // Optional: the line keeps its amount, the total leaves it out and says so.
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 114,95');
    expect(await line(page, 1).getByTestId('quote-line-total').textContent()).toBe('€ 250,00');
    expect(await line(page, 1).getByTestId('quote-line-optional-hint').textContent()).toBe(
      t('quote.line.optional_hint'),
    );
    expect(await page.getByTestId('quote-optional-total').textContent()).toBe(
      t('quote.totals.optional', { amount: '€ 250,00' }),
    );

    // Save: the draft gets its own address and keeps its lines and the option.
    await page.getByTestId('quote-save').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/quotes\/[0-9a-f-]{36}$/);
    const quoteUrl = page.url();
    const quoteId = quoteUrl.split('/').pop()!;
    await expect.poll(() => page.getByTestId('quote-title').textContent(), WAIT).toBe(t('quote.draft_title'));
    expect(await page.getByTestId('quote-status').textContent()).toBe(t('quote.status.draft'));
    await expect.poll(() => page.getByTestId('quote-line').count(), WAIT).toBe(2);
    expect(await line(page, 1).getByTestId('quote-line-optional').isChecked()).toBe(true);
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 114,95');

    // Sending without a KvK number is refused, and the screen says exactly what is missing.
    await send(page);
    await expect.poll(() => page.getByTestId('quote-incomplete').isVisible(), SEND_WAIT).toBe(true);
    expect(
      await page
        .getByTestId('quote-incomplete-item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-field'))),
    ).toEqual(['company.kvk_number']);
    expect(await page.getByTestId('quote-incomplete').textContent()).toContain(t('invoice.missing.company.kvk_number'));
    expect(await page.getByTestId('quote-fix-company').getAttribute('href')).toBe('/settings/company');

    // With the KvK number it goes: a number, status sent, read-only, the PDF and the customer's link.
    await callApi(page, 'PATCH', '/api/v1/company', { kvk_number: '12345678' });
    await send(page);
    await expect.poll(() => page.getByTestId('quote-view').isVisible(), SEND_WAIT).toBe(true);
    const number = (await page.getByTestId('quote-number').textContent()) ?? '';
    expect(number).toMatch(/^O\d{4}-\d{5}$/);
    expect(await page.getByTestId('quote-title').textContent()).toBe(t('quote.title', { number }));
    expect(await page.getByTestId('quote-status').textContent()).toBe(t('quote.status.sent'));
    expect(await page.getByTestId('quote-sent-to').textContent()).toBe(CUSTOMER_EMAIL);
    expect(await page.getByTestId('quote-viewed-at').textContent()).toBe(t('quote.not_viewed'));
    expect(await totalIncl(page)).toBe('€ 114,95');
    expect(await page.getByTestId('quote-view-line-optional').textContent()).toBe(t('quote.line.optional_hint'));
    expect(await page.getByTestId('quote-pdf').getAttribute('href')).toBe(`/api/v1/quotes/${quoteId}/pdf`);

    // The customer's mail: the PDF as stored, and the link to the page where they answer.
    const mail = await journey.smtp.waitFor((message) => message.to.includes(CUSTOMER_EMAIL), 60_000);
    expect(mail.subject).toBe(`Offerte ${number} van Offerte ${run} BV`);
    expect(mail.attachments.map((file) => file.filename)).toEqual([`offerte-${number}.pdf`]);
    const storedPdf = await (await page.request.get(`/api/v1/quotes/${quoteId}/pdf`)).body();
    expect(Buffer.compare(mail.attachments[0]!.content, storedPdf)).toBe(0);
    const link = linkIn(mail.text);
    expect(link).toMatch(/\/q\/[A-Za-z0-9_-]{43}$/);
    expect(await page.getByTestId('quote-public-url').textContent()).toBe(link);
    await page.getByTestId('quote-copy-link').click();
    await expect.poll(() => page.getByTestId('quote-copy-link').textContent(), WAIT).toBe(t('quote.link_copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect
      .poll(() => page.getByTestId('quote-emailed-at').textContent(), WAIT)
      .not.toBe(t('quote.email_pending'));

    // The list shows it as sent, with its number, version, customer and total.
    await page.getByRole('link', { name: `← ${t('quote.back')}` }).click();
    const row = page.getByTestId('quote-row');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getByTestId('quote-row-number').textContent()).toBe(number);
    expect(await row.getByTestId('quote-row-revision').textContent()).toBe('1');
    expect(await row.getByTestId('quote-row-customer').textContent()).toBe(CUSTOMER);
    expect(await row.getByTestId('quote-row-status').textContent()).toBe(t('quote.status.sent'));
    expect(await row.getByTestId('quote-row-total').textContent()).toBe('€ 114,95');

    // At phone width the list is a column of cards, no wider than the screen.
    await page.setViewportSize(PHONE);
    await expect.poll(() => page.getByTestId('quotes-cards').isVisible(), WAIT).toBe(true);
    await expect.poll(() => pageWidth(page), WAIT).toBeLessThanOrEqual(PHONE.width);
    await fitsPhone(page, 'quote-row');
    await fitsPhone(page, 'quotes-new');
    await page.setViewportSize(DESKTOP);

    // Herzien: version 2 opens as a draft with the same number and lines; version 1 is superseded.
    await page.goto(quoteUrl);
    await expect.poll(() => page.getByTestId('quote-revise').isVisible(), WAIT).toBe(true);
    await page.getByTestId('quote-revise').click();
    await expect.poll(() => page.getByTestId('quote-revise-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('quote-revise-dialog-confirm').click();
    await expect.poll(() => page.url(), WAIT).not.toBe(quoteUrl);
    await expect
      .poll(() => page.getByTestId('quote-title').textContent(), WAIT)
      .toBe(t('quote.draft_revision_title', { number, revision: 2 }));
    const revisionUrl = page.url();
    expect(await page.getByTestId('quote-line').count()).toBe(2);
    expect(await line(page, 1).getByTestId('quote-line-optional').isChecked()).toBe(true);
    const versions = page.getByTestId('quote-revision');
    await expect.poll(() => versions.count(), WAIT).toBe(2);
    expect(await versions.nth(0).getByTestId('quote-revision-status').textContent()).toBe(t('quote.status.superseded'));

    // Version 2 offers two hours of advice: 190.00 + VAT 39.90 = 229.90; sending saves it first.
    await line(page, 0).getByTestId('quote-line-quantity').fill('2');
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 229,90');
    await send(page);
    await expect.poll(() => page.getByTestId('quote-view').isVisible(), SEND_WAIT).toBe(true);
    expect(await page.getByTestId('quote-title').textContent()).toBe(
      t('quote.title_revision', { number, revision: 2 }),
    );
    expect(await page.getByTestId('quote-status').textContent()).toBe(t('quote.status.sent'));
    const revisedMail = await journey.smtp.waitFor(
      (message) => message.subject === `Offerte ${number} (versie 2) van Offerte ${run} BV`,
      60_000,
    );
    const revisedLink = linkIn(revisedMail.text);
    expect(revisedLink).not.toBe(link);

    // The history links to version 1, which now says it was replaced and offers no revision.
    await versions.nth(0).getByTestId('quote-revision-link').click();
    await expect.poll(() => page.url(), WAIT).toBe(quoteUrl);
    await expect.poll(() => page.getByTestId('quote-status').textContent(), WAIT).toBe(t('quote.status.superseded'));
    expect(await page.getByTestId('quote-read-only').textContent()).toContain(t('quote.read_only_superseded'));
    expect(await page.getByTestId('quote-revise').count()).toBe(0);

    // The customer opens the link of version 2 on a phone, in a browser of their own (no session),
    // ticks the optional line and accepts with their name and the checkbox.
    const {
      context: customerContext,
      page: customerPage,
      errors: customerErrors,
    } = await openPage(journey, { viewport: PHONE });
    await customerPage.goto(new URL(revisedLink).pathname);
    await expect.poll(() => customerPage.getByTestId('public-quote').isVisible(), WAIT).toBe(true);
    expect(await customerPage.getByTestId('public-quote-number').textContent()).toBe(number);
    expect(await customerPage.getByTestId('public-quote-revision').textContent()).toBe('2');
    expect(await totalIncl(customerPage, 'public-quote')).toBe('€ 229,90');
    await customerPage.getByTestId('public-quote-option').check();
    // 190.00 + 250.00 = 440.00; VAT 92.40; 532.40.
    await expect.poll(() => totalIncl(customerPage, 'public-quote'), WAIT).toBe('€ 532,40');
    await customerPage.getByTestId('public-quote-accept-name').fill('Lieke de Linde');
    await customerPage.getByTestId('public-quote-accept-terms').check();
    await customerPage.getByTestId('public-quote-accept-submit').click();
    await expect.poll(() => customerPage.getByTestId('public-quote-accepted').isVisible(), WAIT).toBe(true);
    expect(await pageWidth(customerPage)).toBeLessThanOrEqual(PHONE.width);
    expect(customerErrors).toEqual([]);
    await customerContext.close();

    // The tenant is told by e-mail that the customer accepted.
    const accepted = await journey.smtp.waitFor(
      (message) => message.to.includes(email) && message.subject.startsWith(`Offerte ${number} is geaccepteerd`),
      60_000,
    );
    expect(accepted.text).toContain('Lieke de Linde');
    expect(accepted.text).toContain('€ 532,40');

    // The quote's page: accepted, by whom, with the option, and the total with it.
    await page.goto(revisionUrl);
    await expect.poll(() => page.getByTestId('quote-status').textContent(), WAIT).toBe(t('quote.status.accepted'));
    expect(await page.getByTestId('quote-accepted-name').textContent()).toBe('Lieke de Linde');
    expect(await page.getByTestId('quote-selected-option').allTextContents()).toEqual([OPTION]);
    expect(await page.getByTestId('quote-accepted-ip').textContent()).not.toBe('');
    expect(await page.getByTestId('quote-view-line-optional').textContent()).toBe(t('quote.line.optional_selected'));
    // 190.00 + 250.00 = 440.00; VAT 92.40; 532.40.
    expect(await totalIncl(page)).toBe('€ 532,40');
    expect(await page.getByTestId('quote-revise').count()).toBe(0);

    // Omzetten naar factuur: the invoice draft opens with the quote's lines and the option in the total.
    await page.getByTestId('quote-convert').click();
    await expect.poll(() => page.getByTestId('quote-convert-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('quote-convert-dialog-confirm').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/invoices\/[0-9a-f-]{36}$/);
    const invoiceUrl = page.url();
    await expect.poll(() => page.getByTestId('invoice-title').textContent(), WAIT).toBe(t('invoice.draft_title'));
    await expect.poll(() => page.getByTestId('invoice-line').count(), WAIT).toBe(2);
    expect(await page.getByTestId('invoice-line-description').nth(0).inputValue()).toBe(ADVICE_PRODUCT.name);
    expect(await page.getByTestId('invoice-line-description').nth(1).inputValue()).toBe(OPTION);
    expect(await page.getByTestId('invoice-line-optional').count()).toBe(0);
    expect(await totalIncl(page, 'invoice')).toBe('€ 532,40');

    // Back on the quote: converted, it links to its invoice instead of offering to convert again.
    await page.goto(revisionUrl);
    await expect.poll(() => page.getByTestId('quote-invoice-link').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('quote-convert').count()).toBe(0);
    await page.getByTestId('quote-invoice-link').click();
    await expect.poll(() => page.url(), WAIT).toBe(invoiceUrl);

    // The customer's page in the CRM lists the quote, accepted, with a link to it.
    await page.goto(`/crm/organizations/${organization.id}`);
    const customerQuote = page.getByTestId('customer-quote-row');
    await expect.poll(() => customerQuote.count(), WAIT).toBe(1);
    expect(await customerQuote.getByTestId('customer-quote-status').textContent()).toBe(t('quote.status.accepted'));
    expect(await customerQuote.getByTestId('customer-quote-total').textContent()).toBe('€ 532,40');
    await customerQuote.getByTestId('customer-quote-number').click();
    await expect.poll(() => page.url(), WAIT).toBe(revisionUrl);

    // The invoice: finalized with a number, sent by e-mail with the PDF and the UBL attached.
    await page.goto(invoiceUrl);
    await page.getByTestId('invoice-finalize').click();
    await expect.poll(() => page.getByTestId('invoice-finalize-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('invoice-finalize-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('invoice-view').isVisible(), SEND_WAIT).toBe(true);
    const invoiceNumber = (await page.getByTestId('invoice-number').textContent()) ?? '';
    expect(invoiceNumber).toMatch(/^\d{4}-\d{5}$/);
    expect(await page.getByTestId('invoice-status').textContent()).toBe(t('invoice.status.open'));
    await page.getByTestId('invoice-send').click();
    await expect.poll(() => page.getByTestId('invoice-send-to').inputValue(), WAIT).toBe(CUSTOMER_EMAIL);
    await page.getByTestId('invoice-send-dialog-confirm').click();
    const invoiceMail = await journey.smtp.waitFor(
      (message) => message.to.includes(CUSTOMER_EMAIL) && message.subject.startsWith(`Factuur ${invoiceNumber}`),
      60_000,
    );
    expect(invoiceMail.attachments.map((file) => file.filename)).toEqual([
      `factuur-${invoiceNumber}.pdf`,
      `factuur-${invoiceNumber}.xml`,
    ]);
    const [invoicePdf, invoiceUbl] = invoiceMail.attachments.map((file) => file.content);
    expect(invoiceUbl!.toString('utf8')).toContain(`<cbc:ID>${invoiceNumber}</cbc:ID>`);

    // The PDF as the customer sees it: a drawn page, not a blank one, with what Dutch law asks for.
    const inked = pixelShare(rasterizeFirstPage(invoicePdf!, 50), (r, g, b) => r + g + b < 600);
    expect(inked).toBeGreaterThan(0.01);
    const printed = squeeze(pdfText(invoicePdf!));
    for (const required of [
      invoiceNumber,
      `Offerte ${run} BV`,
      'Stationsplein 1',
      '12345678',
      'NL004495445B01',
      'NL91 ABNA 0417 1643 00',
      CUSTOMER,
      'Lindelaan 4',
      ADVICE_PRODUCT.name,
      OPTION,
      '532,40',
      '92,40',
    ])
      expect(printed, required).toContain(required);
    expect(printed).toMatch(/RF\d{2}/);

    // Paid in two parts: "Deels betaald", then "Betaald" with nothing due.
    await expect.poll(() => page.getByTestId('invoice-send-dialog').count(), SEND_WAIT).toBe(0);
    await payInvoice(page, '200,00');
    await expect
      .poll(() => page.getByTestId('invoice-payments-status').textContent(), WAIT)
      .toBe(t('invoice.status.partially_paid'));
    expect(await page.getByTestId('invoice-payments-due').textContent()).toBe('€ 332,40');
    await payInvoice(page, '332,40');
    await expect.poll(() => page.getByTestId('invoice-status').textContent(), WAIT).toBe(t('invoice.status.paid'));
    expect(await page.getByTestId('invoice-payments-due').textContent()).toBe('€ 0,00');

    expect(errors).toEqual([]);
    await context.close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { addProductLine, ADVICE_PRODUCT, createAdviceProduct, pickCustomer } from './support/document-editor.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { checkAtPhoneWidth, DESKTOP, fitsPhone, PHONE } from './support/viewport.ts';
import { dutchText as t } from './support/web-texts.ts';

const L = LABELS.nl;
/** Finalizing also renders and stores the PDF and the UBL: on a busy machine that takes a while. */
const FINALIZE_WAIT = { timeout: 60_000 };

const CUSTOMER = 'Bakkerij De Korenbloem B.V.';
const CUSTOMER_INVOICE_EMAIL = 'administratie@korenbloem.test';

const line = (page: Page, index: number) => page.getByTestId('invoice-line').nth(index);
const totalIncl = (page: Page) => page.getByTestId('invoice-total-incl-amount').textContent();
const vatRows = (page: Page) =>
  page.getByTestId('invoice-vat-row').evaluateAll((rows) => rows.map((row) => row.textContent?.trim()));
const missingFields = (page: Page) =>
  page
    .getByTestId('invoice-incomplete-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));

async function finalize(page: Page) {
  await page.getByTestId('invoice-finalize').click();
  const dialog = page.getByTestId('invoice-finalize-dialog');
  await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
  expect(await dialog.textContent()).toContain(t('invoice.finalize_text'));
  await page.getByTestId('invoice-finalize-dialog-confirm').click();
}

/** A date as the screens show it (nl-NL, Europe/Amsterdam), `days` after today in Amsterdam. */
function shownDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  const iso = new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
  return new Date(iso).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' });
}

/** "Betaling registreren" with an amount (and a method other than the default, if given). */
async function registerPayment(page: Page, amount: string, options: { method?: string; note?: string } = {}) {
  await page.getByTestId('invoice-payment-register').click();
  await expect.poll(() => page.getByTestId('invoice-payment-dialog').isVisible(), WAIT).toBe(true);
  await page.getByTestId('invoice-payment-amount').fill(amount);
  if (options.method) {
    await page.getByTestId('invoice-payment-method').click();
    await page.getByRole('option', { name: options.method, exact: true }).click();
  }
  if (options.note) await page.getByTestId('invoice-payment-note').fill(options.note);
  await page.getByTestId('invoice-payment-dialog-confirm').click();
}

describe(`browser journey: invoices — draft, preview, finalize, send, payments (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('makes a draft with a product and a free line, is told what the law still needs, finalizes, sends it and registers its payments', async () => {
    const run = `invoices${Date.now()}`;
    const { context, page, errors } = await openPage(journey);

    // A new owner: the 14-day demo has every module, Invoices and Products included.
    await signUpOwner(page, journey.smtp, {
      company: `Factuur ${run} BV`,
      name: 'Fenna Factuur',
      email: `owner-${run}@journey.test`,
    });

    // Through the API: the company profile without a KvK number (on purpose), a customer with an
    // invoice address, a KvK number (so it can get an e-invoice) and an invoice e-mail address, and
    // a product.
    await fillCompanyProfile(page, { kvk_number: null });
    await callApi(page, 'POST', '/api/v1/organizations', {
      name: CUSTOMER,
      is_customer: true,
      kvk_number: '87654321',
      invoice_email: CUSTOMER_INVOICE_EMAIL,
      addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
    });
    await createAdviceProduct(page);

    // The Invoices entry of the module navigation opens the list, empty at first.
    await page.getByTestId('nav-module-invoices').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/invoices$/);
    await expect.poll(() => page.getByTestId('invoices-empty').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('invoices-empty').textContent()).toBe(t('invoices.empty'));

    // A new invoice: the customer from the CRM, then a product line and a free line.
    await page.getByTestId('invoices-new').click();
    await expect.poll(() => page.getByTestId('invoice-editor').isVisible(), WAIT).toBe(true);
    await pickCustomer(page, 'invoice', 'Korenbloem', CUSTOMER);

    await addProductLine(page, 'invoice', 'advies', ADVICE_PRODUCT.name);
    await expect
      .poll(() => line(page, 0).getByTestId('invoice-line-description').inputValue(), WAIT)
      .toBe(ADVICE_PRODUCT.name);
    expect(await line(page, 0).getByTestId('invoice-line-unit-price').inputValue()).toBe('95,00');
    expect(await line(page, 0).getByTestId('invoice-line-unit').inputValue()).toBe('uur (HUR)');
    // 1 × 95.00 at 21%: VAT 19.95, total 114.95.
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 114,95');

    await page.getByTestId('invoice-add-free').click();
    await expect.poll(() => page.getByTestId('invoice-line').count(), WAIT).toBe(2);
    await line(page, 1).getByTestId('invoice-line-description').fill('Ontwerp huisstijl');
    await line(page, 1).getByTestId('invoice-line-quantity').fill('2,5');
    await line(page, 1).getByTestId('invoice-line-unit-price').fill('85,00');
    expect(await line(page, 1).getByTestId('invoice-line-vat-rate').inputValue()).toContain('21%');
    // 2.5 × 85.00 = 212.50; VAT 21% on 307.50 = 64.575 → 64.58 (once per rate, half up); total 372.08.
    await expect.poll(() => line(page, 1).getByTestId('invoice-line-total').textContent(), WAIT).toBe('€ 212,50');
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 372,08');
    expect(await page.getByTestId('invoice-total-excl-amount').textContent()).toBe('€ 307,50');
    expect(await vatRows(page)).toEqual([`${t('invoice.totals.vat_group', { rate: '21%', base: '€ 307,50' })}€ 64,58`]);

    // Save: the draft gets its own address and still has no number.
    await page.getByTestId('invoice-save').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/invoices\/[0-9a-f-]{36}$/);
    const invoiceUrl = page.url();
    await expect.poll(() => page.getByTestId('invoice-title').textContent(), WAIT).toBe(t('invoice.draft_title'));
    expect(await page.getByTestId('invoice-status').textContent()).toBe(t('invoice.status.draft'));
    expect(await page.getByTestId('invoice-number').count()).toBe(0);
    await expect.poll(() => totalIncl(page), WAIT).toBe('€ 372,08');
    expect(await page.getByTestId('invoice-line').count()).toBe(2);

    // The draft editor at phone width: nothing wider than the screen.
    await checkAtPhoneWidth(page, ['invoice-line-unit-price', 'invoice-totals', 'invoice-finalize']);

    // Finalizing without a KvK number is refused, and the list says exactly what is missing.
    await finalize(page);
    await expect.poll(() => page.getByTestId('invoice-incomplete').isVisible(), WAIT).toBe(true);
    expect(await missingFields(page)).toEqual(['company.kvk_number']);
    expect(await page.getByTestId('invoice-incomplete').textContent()).toContain(
      t('invoice.missing.company.kvk_number'),
    );
    expect(await page.getByTestId('invoice-number').count()).toBe(0);

    // Its link opens the company profile: fill in the KvK number there and come back.
    await page.getByTestId('invoice-fix-company').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/settings\/company$/);
    await page.getByLabel(L.kvk).fill('12345678');
    // The tenant's default payment term: this customer has none of its own, so it gets 30 days.
    const term = page.getByTestId('company-default-payment-term-days');
    expect(await term.inputValue()).toBe('14');
    await term.fill('400');
    await page.getByRole('button', { name: L.save }).click();
    await expect.poll(() => page.getByText(t('error.too_large')).isVisible(), WAIT).toBe(true);
    await term.fill('30');
    await page.getByRole('button', { name: L.save }).click();
    await expect.poll(() => page.getByText(L.saved).first().isVisible(), WAIT).toBe(true);
    await page.goto(invoiceUrl);
    await expect.poll(() => page.getByTestId('invoice-finalize').isVisible(), WAIT).toBe(true);

    // Now it goes: a number of the series, status open, read-only, the PDF link.
    await finalize(page);
    await expect.poll(() => page.getByTestId('invoice-view').isVisible(), FINALIZE_WAIT).toBe(true);
    const number = (await page.getByTestId('invoice-number').textContent()) ?? '';
    expect(number).toMatch(/^\d{4}-\d{5}$/);
    expect(await page.getByTestId('invoice-status').textContent()).toBe(t('invoice.status.open'));
    expect(await page.getByTestId('invoice-title').textContent()).toBe(t('invoice.title', { number }));
    expect(await totalIncl(page)).toBe('€ 372,08');
    expect(await page.getByTestId('invoice-amount-due-amount').textContent()).toBe('€ 372,08');
    expect(await page.getByTestId('invoice-view-line').count()).toBe(2);
    expect(await page.getByTestId('invoice-payment-reference').textContent()).toMatch(/^RF\d{2}/);
    expect(await page.getByTestId('invoice-view-due-date').textContent()).toBe(shownDate(30));
    const invoiceId = invoiceUrl.split('/').pop();
    expect(await page.getByTestId('invoice-pdf').getAttribute('href')).toBe(`/api/v1/invoices/${invoiceId}/pdf`);
    expect(await page.getByTestId('invoice-finalize').count()).toBe(0);
    await checkAtPhoneWidth(page, ['invoice-totals']);

    // The list shows it with its number, total and status; the status filter lives in the URL.
    await page.getByRole('link', { name: `← ${t('invoice.back')}` }).click();
    const row = page.getByTestId('invoice-row');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getByTestId('invoice-row-number').textContent()).toBe(number);
    expect(await row.getByTestId('invoice-row-customer').textContent()).toBe(CUSTOMER);
    expect(await row.getByTestId('invoice-row-total').textContent()).toBe('€ 372,08');
    expect(await row.getByTestId('invoice-row-status').textContent()).toBe(t('invoice.status.open'));
    await page.getByTestId('invoices-status').click();
    await page.getByRole('option', { name: t('invoice.status.draft'), exact: true }).click();
    await expect.poll(() => page.url(), WAIT).toContain('status=draft');
    await expect.poll(() => page.getByTestId('invoices-empty').isVisible(), WAIT).toBe(true);

    // At phone width the list is a column of cards, no wider than the screen.
    await page.goto('/invoices');
    await page.setViewportSize(PHONE);
    await expect.poll(() => page.getByTestId('invoices-cards').isVisible(), WAIT).toBe(true);
    await fitsPhone(page, 'invoice-row');

    // Back on the issued invoice: not sent yet, the PDF and the (Peppol and NLCIUS) UBL to download.
    await page.setViewportSize(DESKTOP);
    await page.goto(invoiceUrl);
    await expect.poll(() => page.getByTestId('invoice-deliveries-empty').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('invoice-sent-at').textContent()).toBe(t('invoice.not_sent'));
    expect(await page.getByTestId('invoice-ubl').getAttribute('href')).toBe(`/api/v1/invoices/${invoiceId}/ubl`);
    expect(await page.getByTestId('invoice-ubl-nlcius').getAttribute('href')).toBe(
      `/api/v1/invoices/${invoiceId}/ubl?profile=nlcius`,
    );

    // Versturen: the dialog has the customer's invoice address; the mail arrives with PDF and UBL.
    await page.getByTestId('invoice-send').click();
    await expect.poll(() => page.getByTestId('invoice-send-dialog').isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('invoice-send-to').inputValue(), WAIT).toBe(CUSTOMER_INVOICE_EMAIL);
    expect(await page.getByTestId('invoice-send-attachments').textContent()).toBe(t('invoice.send_attachments_ubl'));
    await page.getByTestId('invoice-send-message').fill('Bedankt voor de opdracht.');
    await page.getByTestId('invoice-send-dialog-confirm').click();
    const sent = await journey.smtp.waitFor((mail) => mail.to.includes(CUSTOMER_INVOICE_EMAIL), 60_000);
    expect(sent.subject).toBe(`Factuur ${number} van Factuur ${run} BV`);
    expect(sent.text).toContain('Bedankt voor de opdracht.');
    expect(sent.text).toContain('€ 372,08');
    expect(sent.attachments.map((file) => file.filename)).toEqual([`factuur-${number}.pdf`, `factuur-${number}.xml`]);
    const storedPdf = await (await page.request.get(`/api/v1/invoices/${invoiceId}/pdf`)).body();
    const storedUbl = await (await page.request.get(`/api/v1/invoices/${invoiceId}/ubl`)).body();
    expect(Buffer.compare(sent.attachments[0]!.content, storedPdf)).toBe(0);
    expect(Buffer.compare(sent.attachments[1]!.content, storedUbl)).toBe(0);

    // The dialog closes and the sent log shows the e-mail; the invoice has its sent date.
    await expect.poll(() => page.getByTestId('invoice-send-dialog').count(), FINALIZE_WAIT).toBe(0);
    const delivery = page.getByTestId('invoice-delivery');
    await expect.poll(() => delivery.count(), WAIT).toBe(1);
    expect(await delivery.getAttribute('data-channel')).toBe('email');
    expect(await delivery.getByTestId('invoice-delivery-what').textContent()).toBe(
      t('invoice.delivery_email', { to: CUSTOMER_INVOICE_EMAIL }),
    );
    expect(await delivery.textContent()).toContain(t('invoice.delivery_by', { name: 'Fenna Factuur' }));
    expect(await page.getByTestId('invoice-sent-at').textContent()).not.toBe(t('invoice.not_sent'));

    // Also handed over on paper: "Markeren als verstuurd" adds a second entry on top.
    await page.getByTestId('invoice-mark-sent').click();
    await expect.poll(() => page.getByTestId('invoice-mark-sent-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('invoice-mark-sent-note').fill('Afgegeven bij de balie');
    await page.getByTestId('invoice-mark-sent-dialog-confirm').click();
    await expect.poll(() => delivery.count(), WAIT).toBe(2);
    expect(await delivery.first().getAttribute('data-channel')).toBe('post');
    expect(await delivery.first().textContent()).toContain('Afgegeven bij de balie');

    // At phone width the actions wrap and the log stays within the screen.
    await checkAtPhoneWidth(page, ['invoice-send', 'invoice-ubl-nlcius', 'invoice-delivery']);

    // Payments: nothing received yet, all of it due.
    expect(await page.getByTestId('invoice-payments-due').textContent()).toBe('€ 372,08');
    expect(await page.getByTestId('invoice-payments-paid').textContent()).toBe('€ 0,00');
    expect(await page.getByTestId('invoice-payments-credited').textContent()).toBe('€ 0,00');
    expect(await page.getByTestId('invoice-payments-status').textContent()).toBe(t('invoice.status.open'));
    expect(await page.getByTestId('invoice-payments-empty').textContent()).toBe(t('invoice.payments_empty'));

    // The dialog starts from today and the whole amount due; more than that is refused by the
    // server, and its problem+json lands at the amount field.
    await page.getByTestId('invoice-payment-register').click();
    await expect.poll(() => page.getByTestId('invoice-payment-dialog').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('invoice-payment-amount').inputValue()).toBe('372,08');
    const paidOn = await page.getByTestId('invoice-payment-paid-on').inputValue();
    expect(new Date(paidOn).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' })).toBe(shownDate());
    await page.getByTestId('invoice-payment-amount').fill('400,00');
    await page.getByTestId('invoice-payment-dialog-confirm').click();
    const amountError = page.getByTestId('invoice-payment-dialog').getByText(t('error.payment_exceeds_amount_due'));
    await expect.poll(() => amountError.isVisible(), WAIT).toBe(true);
    await page
      .getByTestId('invoice-payment-dialog')
      .getByRole('button', { name: t('common.cancel') })
      .click();
    await expect.poll(() => page.getByTestId('invoice-payment-dialog').count(), WAIT).toBe(0);

    // A partial payment: "Deels betaald", with what remains due.
    await registerPayment(page, '200,00', { note: 'Eerste termijn' });
    await expect.poll(() => page.getByTestId('invoice-payment-dialog').count(), WAIT).toBe(0);
    await expect
      .poll(() => page.getByTestId('invoice-payments-status').textContent(), WAIT)
      .toBe(t('invoice.status.partially_paid'));
    expect(await page.getByTestId('invoice-status').textContent()).toBe(t('invoice.status.partially_paid'));
    expect(await page.getByTestId('invoice-payments-due').textContent()).toBe('€ 172,08');
    expect(await page.getByTestId('invoice-payments-paid').textContent()).toBe('€ 200,00');
    const payment = page.getByTestId('invoice-payment-row');
    await expect.poll(() => payment.count(), WAIT).toBe(1);
    expect(await payment.getByTestId('invoice-payment-row-amount').textContent()).toBe('€ 200,00');
    expect(await payment.getByTestId('invoice-payment-row-date').textContent()).toBe(shownDate());
    expect(await payment.getByTestId('invoice-payment-row-method').textContent()).toBe(
      t('invoice.payment_method.bank_transfer'),
    );
    expect(await payment.getByTestId('invoice-payment-row-note').textContent()).toBe('Eerste termijn');
    await checkAtPhoneWidth(page, ['invoice-payments', 'invoice-payment-row', 'invoice-payment-register']);

    // The rest, in cash: "Betaald", nothing due, nothing more to register.
    await page.getByTestId('invoice-payment-register').click();
    await expect.poll(() => page.getByTestId('invoice-payment-amount').inputValue(), WAIT).toBe('172,08');
    await page
      .getByTestId('invoice-payment-dialog')
      .getByRole('button', { name: t('common.cancel') })
      .click();
    await expect.poll(() => page.getByTestId('invoice-payment-dialog').count(), WAIT).toBe(0);
    await registerPayment(page, '172,08', { method: t('invoice.payment_method.cash') });
    await expect
      .poll(() => page.getByTestId('invoice-payments-status').textContent(), WAIT)
      .toBe(t('invoice.status.paid'));
    expect(await page.getByTestId('invoice-status').textContent()).toBe(t('invoice.status.paid'));
    expect(await page.getByTestId('invoice-payments-due').textContent()).toBe('€ 0,00');
    expect(await page.getByTestId('invoice-payments-paid').textContent()).toBe('€ 372,08');
    await expect.poll(() => payment.count(), WAIT).toBe(2);
    expect(await payment.nth(1).getByTestId('invoice-payment-row-method').textContent()).toBe(
      t('invoice.payment_method.cash'),
    );
    expect(await page.getByTestId('invoice-payment-register').count()).toBe(0);

    // The customer's page lists the invoice, paid, and a balance of nothing open.
    await page.getByTestId('invoice-view-customer').getByRole('link', { name: CUSTOMER }).click();
    await expect.poll(() => page.getByTestId('customer-invoices').isVisible(), WAIT).toBe(true);
    const customerInvoice = page.getByTestId('customer-invoice-row');
    await expect.poll(() => customerInvoice.count(), WAIT).toBe(1);
    expect(await customerInvoice.getByTestId('customer-invoice-number').textContent()).toBe(number);
    expect(await customerInvoice.getByTestId('customer-invoice-total').textContent()).toBe('€ 372,08');
    expect(await customerInvoice.getByTestId('customer-invoice-due').textContent()).toBe('€ 0,00');
    expect(await customerInvoice.getByTestId('customer-invoice-status').textContent()).toBe(t('invoice.status.paid'));
    expect(await page.getByTestId('customer-balance-due').textContent()).toBe('€ 0,00');
    expect(await page.getByTestId('customer-balance-overdue').textContent()).toBe('€ 0,00');
    expect(await page.getByTestId('customer-balance-open-invoices').textContent()).toBe('0');
    await checkAtPhoneWidth(page, ['customer-invoices', 'customer-invoice-status']);
    // Its number opens the invoice.
    await customerInvoice.getByTestId('customer-invoice-number').click();
    await expect.poll(() => page.url(), WAIT).toBe(invoiceUrl);

    // A payment registered by mistake goes again after a confirmation: its amount is due again.
    await expect.poll(() => payment.count(), WAIT).toBe(2);
    await payment.nth(1).getByTestId('invoice-payment-row-delete').click();
    await expect.poll(() => page.getByTestId('invoice-payment-delete-dialog').isVisible(), WAIT).toBe(true);
    await page.getByTestId('invoice-payment-delete-dialog-confirm').click();
    await expect.poll(() => payment.count(), WAIT).toBe(1);
    await expect
      .poll(() => page.getByTestId('invoice-payments-status').textContent(), WAIT)
      .toBe(t('invoice.status.partially_paid'));
    expect(await page.getByTestId('invoice-payments-due').textContent()).toBe('€ 172,08');
    expect(await page.getByTestId('invoice-payment-register').isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });
});

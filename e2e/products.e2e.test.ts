import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { fitsPhone, PHONE } from './support/viewport.ts';

/** The Dutch texts of the products pages this journey reads (apps/web/src/shared/i18n/products.nl.ts). */
const P = {
  code: 'Code',
  name: 'Naam',
  unitPrice: 'Verkoopprijs (excl. btw)',
  purchasePrice: 'Inkoopprijs (excl. btw)',
  tooManyDecimals: 'Te veel decimalen (een prijs heeft er hoogstens 4)',
  created: 'Product toegevoegd',
  archivedNotice: 'Dit product is gearchiveerd',
  archivedStatus: 'Gearchiveerd',
  pickerNothing: 'Geen actief product gevonden',
};

async function chooseOption(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const rowCodes = (page: Page) =>
  page.getByTestId('product-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-product-code') ?? ''));

describe(`browser journey: products — create, find, pick, archive (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('creates a product, finds it with a typo, picks it, archives it, and the form fits a phone', async () => {
    const run = `products${Date.now()}`;
    const { context, page, errors } = await openPage(journey);

    // A new owner: the 14-day demo has every module, Products included.
    await signUpOwner(page, journey.smtp, {
      company: `Koffie ${run} BV`,
      name: 'Piet Product',
      email: `owner-${run}@journey.test`,
    });

    // The Products entry of the module navigation opens the catalogue, empty at first.
    await page.getByTestId('nav-module-products').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/products$/);
    await expect.poll(() => page.getByTestId('products-empty').isVisible(), WAIT).toBe(true);

    // Create: a price with 5 decimals is refused next to the field, the margin follows the prices.
    await page.getByTestId('products-new').click();
    await expect.poll(() => page.getByTestId('product-form').isVisible(), WAIT).toBe(true);
    await page.getByLabel(P.code).fill('KOF-001');
    await page.getByLabel(P.name).fill('Koffie per kop');
    await chooseOption(page, 'product-unit', 'stuk (C62)');
    await page.getByLabel(P.unitPrice).fill('2,12345');
    await page.getByLabel(P.purchasePrice).fill('1,10');
    await page.getByTestId('product-save').click();
    await expect.poll(() => page.getByText(P.tooManyDecimals).isVisible(), WAIT).toBe(true);
    await page.getByLabel(P.unitPrice).fill('2,50');
    await expect.poll(() => page.getByTestId('product-margin').textContent(), WAIT).toContain('€ 1,40 (56,00%');
    await chooseOption(page, 'product-vat-rate-class', 'Verlaagd tarief – 9%');
    await page.getByTestId('product-save').click();
    await expect.poll(() => page.getByText(P.created).isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.url(), WAIT).toMatch(/\/products\/[0-9a-f-]{36}$/);
    const productUrl = page.url();

    // Find it in the list, also with a typo.
    await page.getByRole('link', { name: '← Terug naar producten' }).click();
    await expect.poll(() => rowCodes(page), WAIT).toEqual(['KOF-001']);
    await page.getByTestId('products-search').fill('kofie per kp');
    await expect.poll(() => page.url(), WAIT).toContain('q=kofie');
    await expect.poll(() => rowCodes(page), WAIT).toEqual(['KOF-001']);
    expect(await page.getByTestId('product-row').textContent()).toContain('€ 2,50');

    // The product picker (as quotes and invoices will use it) offers it, with price and unit.
    const picker = page.getByTestId('product-picker');
    await picker.fill('koffie');
    const option = page.getByTestId('product-picker-option').first();
    await expect.poll(() => option.textContent(), WAIT).toContain('Koffie per kop');
    expect(await option.textContent()).toContain('€ 2,50 / stuk');
    await option.click();
    await page.getByTestId('calculator-quantity').fill('3');
    // 3 × 2.50 = 7.50, 9% VAT = 0.675 → 0.68 (half up), total 8.18.
    await expect.poll(() => page.getByTestId('calculator-result').textContent(), WAIT).toContain('€ 8,18');

    // Archive: still readable, gone from the active list and from the picker.
    await page.goto(productUrl);
    await page.getByTestId('product-archive').click();
    await expect.poll(() => page.getByTestId('product-archived-notice').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('product-archived-notice').textContent()).toContain(P.archivedNotice);
    await page.goto('/products');
    await expect.poll(() => page.getByTestId('products-empty').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('product-row').count()).toBe(0);
    await page.getByTestId('product-picker').fill('koffie');
    await expect.poll(() => page.getByText(P.pickerNothing).isVisible(), WAIT).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('products-status').getByText(P.archivedStatus).click();
    await expect.poll(() => rowCodes(page), WAIT).toEqual(['KOF-001']);

    // The form at phone width: nothing wider than the screen, the save button within reach.
    await page.setViewportSize(PHONE);
    await page.goto('/products/new');
    await expect.poll(() => page.getByTestId('product-form').isVisible(), WAIT).toBe(true);
    // Locators rather than test ids: each of these is on the page once, and fitsPhone fails if not.
    await fitsPhone(page, page.getByTestId('product-save'));
    await fitsPhone(page, page.getByTestId('product-margin'));
    await page.goto('/products');
    await expect.poll(() => page.getByTestId('products-new').isVisible(), WAIT).toBe(true);
    await fitsPhone(page, page.getByTestId('products-search'));

    expect(errors).toEqual([]);
    await context.close();
  });
});

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT } from './constants.ts';
import { callApi } from './page-api.ts';

/** The documents with a line editor; the test ids of each editor start with its kind. */
export type DocumentKind = 'invoice' | 'quote';

/** Advice by the hour at € 95.00 with the standard VAT rate (21%): the product the document journeys sell. */
export const ADVICE_PRODUCT = {
  code: 'ADV-UUR',
  name: 'Advies per uur',
  unit_code: 'HUR',
  unit_price: '95.00',
  vat_category: 'S',
  vat_rate_class: 'standard',
} as const;

/** Puts ADVICE_PRODUCT in the catalogue through the API. */
export async function createAdviceProduct(page: Page): Promise<void> {
  await callApi(page, 'POST', '/api/v1/products', ADVICE_PRODUCT);
}

/** In the editor of an invoice or a quote: picks the customer from the CRM by typing part of its name. */
export async function pickCustomer(page: Page, kind: DocumentKind, typed: string, name: string): Promise<void> {
  const customer = page.getByTestId(`${kind}-customer`);
  await customer.fill(typed);
  await page.getByRole('option', { name, exact: true }).click();
  await expect.poll(() => customer.inputValue(), WAIT).toBe(name);
}

/**
 * In the editor of an invoice or a quote: adds a product line with the product picker, typing
 * part of the product's name; the first product it offers must be that one.
 */
export async function addProductLine(page: Page, kind: DocumentKind, typed: string, name: string): Promise<void> {
  await page.getByTestId(`${kind}-product-picker`).fill(typed);
  const option = page.getByTestId('product-picker-option').first();
  await expect.poll(() => option.textContent(), WAIT).toContain(name);
  await option.click();
}

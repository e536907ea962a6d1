import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT } from './constants.ts';

/** Every screen must work at these widths: a desktop, and a small phone. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

/** How wide the whole document is: wider than the viewport means the page scrolls sideways. */
export const pageWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);

/** Whether the element lies within the phone's width where it stands now (it is not scrolled to). */
export async function isWithinPhoneWidth(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  return Boolean(box && box.x >= 0 && box.x + box.width <= PHONE.width);
}

/**
 * Nothing wider than the phone's screen, and the element within it once scrolled to. A test id
 * stands for the first element that has it; pass a locator to measure exactly that element (a
 * locator that matches more than one fails).
 */
export async function fitsPhone(page: Page, element: string | Locator): Promise<void> {
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  const locator = typeof element === 'string' ? page.getByTestId(element).first() : element;
  await locator.scrollIntoViewIfNeeded();
  expect(await isWithinPhoneWidth(locator), String(element)).toBe(true);
}

/**
 * Turns the page to phone width, waits until it is no wider than the screen, checks that each
 * element fits (see `fitsPhone`) and turns it back to desktop width.
 */
export async function checkAtPhoneWidth(page: Page, elements: (string | Locator)[]): Promise<void> {
  await page.setViewportSize(PHONE);
  await expect.poll(() => pageWidth(page), WAIT).toBeLessThanOrEqual(PHONE.width);
  for (const element of elements) await fitsPhone(page, element);
  await page.setViewportSize(DESKTOP);
}

import type { Page } from 'playwright-core';
import { LABELS } from './labels.ts';

export interface NewOwner {
  company: string;
  name: string;
  email: string;
  password: string;
}

/**
 * Fills the required fields of the sign-up form (as a business, in the Netherlands) without
 * submitting it: the journeys add their own choices before pressing "create account".
 */
export async function fillSignUpForm(page: Page, locale: keyof typeof LABELS, owner: NewOwner): Promise<void> {
  const L = LABELS[locale];
  await page.getByLabel(L.companyName).fill(owner.company);
  await page.getByLabel(L.street).fill('Stationsplein 1');
  await page.getByLabel(L.postalCode).fill('3511 ED');
  await page.getByLabel(L.city).fill('Utrecht');
  await page.getByLabel(L.yourName).fill(owner.name);
  await page.getByLabel(L.email).fill(owner.email);
  await page.getByLabel(L.password).first().fill(owner.password);
}

import type { Page } from 'playwright-core';
import { callApi } from './page-api.ts';

/** A Dutch company profile with all that an invoice or a quote must show: address, KvK and VAT numbers, IBAN. */
export const COMPLETE_COMPANY_PROFILE = {
  street: 'Stationsplein 1',
  postal_code: '3511 ED',
  city: 'Utrecht',
  kvk_number: '12345678',
  vat_number: 'NL004495445B01',
  iban: 'NL91ABNA0417164300',
};

/**
 * Fills in the company profile through the API as complete as documents need it, with `changes`
 * on top (a journey that is refused for a missing field leaves it out with `{ field: null }`).
 */
export async function fillCompanyProfile(page: Page, changes: Record<string, string | null> = {}): Promise<void> {
  await callApi(page, 'PATCH', '/api/v1/company', { ...COMPLETE_COMPANY_PROFILE, ...changes });
}

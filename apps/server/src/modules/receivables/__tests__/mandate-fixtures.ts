import { expect } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { apiOf } from '../../../test-support/api-requests.ts';
import type { TestApp } from '../../../test-support/test-app.ts';

export const CREDITOR = {
  legal_name: 'Incasso Werkplaats B.V.',
  street: 'Keizersgracht 1',
  postal_code: '1015 CJ',
  city: 'Amsterdam',
  kvk_number: '12345678',
  iban: 'NL91ABNA0417164300',
  sepa_creditor_id: 'NL69ZZZ123456780000',
};

/** A creditor with its incassant-ID, a business customer and a consumer; returns their ids. */
export async function readyCreditor(t: TestApp, tenant: ProvisionedTenant) {
  const api = apiOf(t);
  const company = await api(tenant.api_key, 'PATCH', '/api/v1/company', CREDITOR);
  expect(company.statusCode, company.body).toBe(200);
  const organization = await api(tenant.api_key, 'POST', '/api/v1/organizations', {
    name: 'Afnemer B.V.',
    is_customer: true,
  });
  expect(organization.statusCode, organization.body).toBe(201);
  const person = await api(tenant.api_key, 'POST', '/api/v1/persons', { first_name: 'Els', last_name: 'de Vries' });
  expect(person.statusCode, person.body).toBe(201);
  return { organizationId: organization.json().id as string, personId: person.json().id as string };
}

/** The signing link → its token. */
export function tokenOf(publicUrl: string): string {
  return publicUrl.split('/m/')[1]!;
}

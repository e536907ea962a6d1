import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
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

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** `app.inject` with the API key; a payload is sent as JSON. */
export function apiOf(t: TestApp) {
  return (key: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.api(key, {
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
}

/** No login: what the debtor's browser sends. */
export function publicOf(t: TestApp) {
  return (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

/** `errors[]` of a problem as { field: code }. */
export function fieldErrors(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(
    (response.json().errors as { field: string; code: string }[]).map((error) => [error.field, error.code]),
  );
}

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

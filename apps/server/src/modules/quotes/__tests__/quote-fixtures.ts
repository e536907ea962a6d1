import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import type { TestApp } from '../../../test-support/test-app.ts';

export const SUPPLIER = {
  legal_name: 'Offertebouw B.V.',
  street: 'Keizersgracht 1',
  postal_code: '1015 CJ',
  city: 'Amsterdam',
  kvk_number: '12345678',
  vat_number: 'NL004495445B01',
  iban: 'NL91ABNA0417164300',
  email: 'verkoop@offertebouw.test',
};
export const CUSTOMER_EMAIL = 'inkoop@afnemer.test';
export const CUSTOMER = {
  name: 'Afnemer B.V.',
  kvk_number: '87654321',
  vat_number: 'NL000099998B57',
  is_customer: true,
  invoice_email: CUSTOMER_EMAIL,
  addresses: [{ type: 'invoice', street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' }],
};

/**
 * A heading, 10 hours of design (850.00), two options — hosting 240.00 at 21% (index 2) and a
 * handbook 2 × 19.95 at 9% (index 3) — and a text line. Without options: 850.00 + 178.50 VAT =
 * 1028.50; with the hosting ticked: 1090.00 + 228.90 = 1318.90.
 */
export const QUOTE_LINES = [
  { kind: 'heading', description: 'Nieuwe website' },
  { description: 'Ontwerp', quantity: '10', unit_code: 'HUR', unit_price: '85.00', vat_rate: '21' },
  { description: 'Hosting per jaar', quantity: '1', unit_price: '240.00', vat_rate: '21', is_optional: true },
  { description: 'Handleiding (boek)', quantity: '2', unit_price: '19.95', vat_rate: '9', is_optional: true },
  { kind: 'text', description: 'Oplevering binnen vier weken na akkoord.' },
];

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

/** No login: what the customer's browser sends. */
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

/** Gives the tenant a complete company profile and a customer with an e-mail address; returns the customer's id. */
export async function readyTenant(t: TestApp, tenant: ProvisionedTenant): Promise<string> {
  const company = await t.api(tenant.api_key, { method: 'PATCH', url: '/api/v1/company', payload: SUPPLIER });
  expect(company.statusCode, company.body).toBe(200);
  const customer = await t.api(tenant.api_key, { method: 'POST', url: '/api/v1/organizations', payload: CUSTOMER });
  expect(customer.statusCode, customer.body).toBe(201);
  return customer.json().id;
}

export async function emailOf(t: TestApp, userId: string): Promise<string> {
  const result = await t.kernel.database.owner.execute(sql`SELECT email FROM users WHERE id = ${userId}`);
  return (result as unknown as { rows: { email: string }[] }).rows[0]!.email;
}

/** The customer's link → its token. */
export function tokenOf(publicUrl: string): string {
  return publicUrl.split('/q/')[1]!;
}

/** `pdftotext -layout` (poppler), as a person reading the PDF would see it. */
export function pdfText(bytes: Uint8Array): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'clientbox-quote-pdf-'));
  try {
    const file = path.join(folder, 'quote.pdf');
    writeFileSync(file, bytes);
    const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr || result.error?.message}`);
    return result.stdout.replace(/[ \t]+/g, ' ');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

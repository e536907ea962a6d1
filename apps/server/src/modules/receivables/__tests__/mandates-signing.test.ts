import { mandate as mandateSchema, publicMandate } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, fieldErrors, publicOf } from '../../../test-support/api-requests.ts';
import { CREDITOR, readyCreditor, tokenOf } from './mandate-fixtures.ts';

describe('mandates signed online: the request, the public page, the signature as evidence (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let anonymous: ReturnType<typeof publicOf>;
  let customers: { organizationId: string; personId: string };

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    anonymous = publicOf(t);
    acme = await t.createTenant();
    customers = await readyCreditor(t, acme);
  });
  afterAll(() => t?.close());

  async function request(payload: Record<string, unknown>) {
    const created = await api(acme.api_key, 'POST', '/api/v1/mandates/requests', payload);
    expect(created.statusCode, created.body).toBe(201);
    return mandateSchema.parse(created.json());
  }

  it('creates a pending request with a signing link; the page shows creditor, debtor, scheme and the legal text', async () => {
    const pending = await request({ customer_id: customers.organizationId, scheme: 'B2B' });
    expect(pending).toMatchObject({
      status: 'pending',
      scheme: 'B2B',
      signed_on: null,
      iban: null,
      expires_on: null,
      usable: false,
      public_url: expect.stringMatching(/\/m\/[A-Za-z0-9_-]{43}$/),
    });
    expectProblem(
      await api(acme.api_key, 'PATCH', `/api/v1/mandates/${pending.id}`, { debtor_name: 'x' }),
      409,
      'mandate_pending',
    );
    const page = await anonymous('GET', `/api/v1/public/mandates/${tokenOf(pending.public_url!)}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const shown = publicMandate.parse(page.json());
    expect(shown).toMatchObject({
      status: 'pending',
      can_sign: true,
      mandate_id: pending.mandate_id,
      scheme: 'B2B',
      creditor: { name: CREDITOR.legal_name, creditor_id: CREDITOR.sepa_creditor_id },
      customer_name: 'Afnemer B.V.',
      signed: null,
    });
    expect(shown.legal_text.nl).toContain(`toestemming aan ${CREDITOR.legal_name}`);
    expect(shown.legal_text.nl).toContain('geen recht op terugboeking');
    expect(shown.legal_text.en).toContain('only intended for business-to-business transactions');
  });

  it('records the signature with date, time, IP address and browser; signing twice is 409', async () => {
    const pending = await request({ customer_id: customers.personId });
    const token = tokenOf(pending.public_url!);
    const before = Date.now();
    const signed = await anonymous(
      'POST',
      `/api/v1/public/mandates/${token}/sign`,
      { name: 'Els de Vries', iban: 'nl20 ingb 0001 2345 67', place: 'Haarlem', accept: true },
      { 'user-agent': 'MandateTest/1.0' },
    );
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'active',
      can_sign: false,
      signed: { name: 'Els de Vries', iban: 'NL20INGB0001234567', place: 'Haarlem' },
    });
    expect(signed.json().legal_text.nl).toContain('binnen 8 weken');

    const stored = (await api(acme.api_key, 'GET', `/api/v1/mandates/${pending.id}`)).json();
    expect(stored).toMatchObject({
      status: 'active',
      usable: true,
      debtor_name: 'Els de Vries',
      iban: 'NL20INGB0001234567',
      signed_place: 'Haarlem',
      signed_online: { ip: '127.0.0.1', user_agent: 'MandateTest/1.0' },
      public_url: null,
    });
    expect(stored.signed_on).toBe(signed.json().signed.signed_on);
    expect(Date.parse(stored.signed_online.signed_at)).toBeGreaterThanOrEqual(before - 1000);
    const audit = (await api(acme.api_key, 'GET', '/api/v1/audit_events')).json().data;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'mandate.signed', target_id: pending.id, ip: '127.0.0.1' }),
    );

    const twice = await anonymous('POST', `/api/v1/public/mandates/${token}/sign`, {
      name: 'Iemand anders',
      iban: 'NL91ABNA0417164300',
      place: 'Delft',
      accept: true,
    });
    expectProblem(twice, 409, 'mandate_already_signed');
    // The page still shows what was signed.
    const page = (await anonymous('GET', `/api/v1/public/mandates/${token}`)).json();
    expect(page).toMatchObject({ can_sign: false, signed: { name: 'Els de Vries' } });
  });

  it('refuses an incomplete signature naming the fields; a withdrawn request cannot be signed', async () => {
    const pending = await request({ customer_id: customers.organizationId });
    const token = tokenOf(pending.public_url!);
    const refused = await anonymous('POST', `/api/v1/public/mandates/${token}/sign`, {
      name: '',
      iban: 'NL91ABNA0417164301',
      place: '',
      accept: false,
    });
    expectProblem(refused, 400, 'validation_failed');
    expect(fieldErrors(refused)).toEqual({
      name: 'required',
      iban: 'invalid_iban',
      place: 'required',
      accept: 'mandate_acceptance_required',
    });
    await api(acme.api_key, 'POST', `/api/v1/mandates/${pending.id}/revoke`, { reason: 'Niet meer nodig' });
    expectProblem(
      await anonymous('POST', `/api/v1/public/mandates/${token}/sign`, {
        name: 'Jan',
        iban: 'NL91ABNA0417164300',
        place: 'Delft',
        accept: true,
      }),
      409,
      'mandate_revoked',
    );
    expect((await anonymous('GET', `/api/v1/public/mandates/${token}`)).json()).toMatchObject({
      status: 'revoked',
      can_sign: false,
    });
  });

  it('answers 404 for unknown, cut-off and too long tokens, and for a tenant without the Invoices module', async () => {
    const pending = await request({ customer_id: customers.organizationId });
    const token = tokenOf(pending.public_url!);
    const unknown = 'A'.repeat(43);
    for (const candidate of [unknown, token.slice(0, 42), `${token}x`, `${token}${'x'.repeat(300)}`]) {
      expectProblem(await anonymous('GET', `/api/v1/public/mandates/${candidate}`), 404, 'mandate_not_found');
      expectProblem(
        await anonymous('POST', `/api/v1/public/mandates/${candidate}/sign`, {
          name: 'Jan',
          iban: 'NL91ABNA0417164300',
          place: 'Delft',
          accept: true,
        }),
        404,
        'mandate_not_found',
      );
    }
    expectProblem(await anonymous('GET', `/api/v1/public/mandates/${'x'.repeat(1200)}`), 404, 'not_found');

    const dropping = await provisionTenant(t.kernel, {
      name: 'Stopt met facturen BV',
      email: 'dropping@mandates.test',
      modules: ['crm', 'products', 'invoices', 'api'],
    });
    const { organizationId } = await readyCreditor(t, dropping);
    const theirs = await api(dropping.api_key, 'POST', '/api/v1/mandates/requests', { customer_id: organizationId });
    const theirToken = tokenOf(theirs.json().public_url);
    expect((await anonymous('GET', `/api/v1/public/mandates/${theirToken}`)).statusCode).toBe(200);
    // The tenant drops the Invoices module: the debtor's link answers as if unknown.
    await t.kernel.database.owner.execute(
      sql`UPDATE tenants SET modules = ${'{crm,products,api}'}::text[] WHERE id = ${dropping.tenant_id}`,
    );
    t.kernel.tenantAccess.forget(dropping.tenant_id);
    expectProblem(await anonymous('GET', `/api/v1/public/mandates/${theirToken}`), 404, 'mandate_not_found');
  });
  it('documents every mandate route in the OpenAPI document; the debtor’s routes need no login', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations: [string, string][] = [
      ['/api/v1/mandates', 'get'],
      ['/api/v1/mandates', 'post'],
      ['/api/v1/mandates/requests', 'post'],
      ['/api/v1/mandates/{id}', 'get'],
      ['/api/v1/mandates/{id}', 'patch'],
      ['/api/v1/mandates/{id}/revoke', 'post'],
      ['/api/v1/public/mandates/{token}', 'get'],
      ['/api/v1/public/mandates/{token}/sign', 'post'],
    ];
    for (const [path, method] of operations) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(document.paths['/api/v1/public/mandates/{token}/sign'].post.security).toEqual([]);
  });
});

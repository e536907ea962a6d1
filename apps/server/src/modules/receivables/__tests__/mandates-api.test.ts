import { amsterdamDate, mandate as mandateSchema } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, fieldErrors } from '../../../test-support/api-requests.ts';
import { readyCreditor } from './mandate-fixtures.ts';

describe('mandates: record, change, revoke, expiry, ids, tenant isolation and module access (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let customers: { organizationId: string; personId: string };

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    acme = await t.createTenant();
    customers = await readyCreditor(t, acme);
  });
  afterAll(() => t?.close());

  async function paperMandate(extra: Record<string, unknown> = {}) {
    const created = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: customers.organizationId,
      signed_on: '2026-01-15',
      debtor_name: 'Afnemer B.V.',
      iban: 'nl91 abna 0417 1643 00',
      ...extra,
    });
    expect(created.statusCode, created.body).toBe(201);
    return mandateSchema.parse(created.json());
  }

  it('records a paper mandate with a generated id, normalized IBAN, its expiry and an audit entry', async () => {
    const created = await paperMandate({ bic: 'abnanl2a', signed_place: 'Utrecht' });
    expect(created).toMatchObject({
      customer_id: customers.organizationId,
      customer_type: 'organization',
      scheme: 'CORE',
      type: 'recurrent',
      status: 'active',
      signed_on: '2026-01-15',
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
      signed_place: 'Utrecht',
      signed_online: null,
      last_collection_on: null,
      expires_on: '2029-01-15',
      usable: true,
      public_url: null,
      version: 1,
    });
    const prefix = customers.organizationId.replaceAll('-', '').slice(0, 8).toUpperCase();
    expect(created.mandate_id).toMatch(new RegExp(`^${prefix}-\\d+$`));
    const again = await paperMandate();
    expect(Number(again.mandate_id.split('-')[1])).toBe(Number(created.mandate_id.split('-')[1]) + 1);

    const fetched = await api(acme.api_key, 'GET', `/api/v1/mandates/${created.id}`);
    expect(fetched.json()).toEqual(created);
    expect(fetched.headers.etag).toBe('"1"');
    const audit = await api(acme.api_key, 'GET', '/api/v1/audit_events');
    expect(audit.json().data).toContainEqual(
      expect.objectContaining({ action: 'mandate.created', target_type: 'mandate', target_id: created.id }),
    );
  });

  it('refuses bad input with problem+json naming each field', async () => {
    const refused = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: customers.organizationId,
      mandate_id: 'MANDAAT 1',
      scheme: 'SDD',
      signed_on: '15-01-2026',
      debtor_name: '',
      iban: 'NL91ABNA0417164301',
      bic: 'ABNANL2',
    });
    expectProblem(refused, 400, 'validation_failed');
    expect(fieldErrors(refused)).toEqual({
      mandate_id: 'invalid_sepa_characters',
      scheme: 'invalid_scheme',
      signed_on: 'invalid_date',
      debtor_name: 'required',
      iban: 'invalid_iban',
      bic: 'invalid_bic',
    });
    expect(
      fieldErrors(
        await api(acme.api_key, 'POST', '/api/v1/mandates', {
          customer_id: customers.organizationId,
          mandate_id: 'X'.repeat(36),
          signed_on: '2026-01-15',
          debtor_name: 'A',
          iban: 'NL91ABNA0417164300',
        }),
      ),
    ).toEqual({ mandate_id: 'too_long' });
    // B2B is for business debtors only; an unknown customer is named as such.
    const b2bConsumer = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: customers.personId,
      scheme: 'B2B',
      signed_on: '2026-01-15',
      debtor_name: 'Els de Vries',
      iban: 'NL91ABNA0417164300',
    });
    expectProblem(b2bConsumer, 400, 'validation_failed');
    expect(fieldErrors(b2bConsumer)).toEqual({ scheme: 'b2b_requires_organization' });
    const unknown = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: '00000000-0000-4000-8000-000000000000',
      signed_on: '2026-01-15',
      debtor_name: 'Niemand',
      iban: 'NL91ABNA0417164300',
    });
    expect(fieldErrors(unknown)).toEqual({ customer_id: 'customer_not_found' });
  });

  it('never gives a mandate id twice, also not after the mandate is revoked', async () => {
    const first = await paperMandate({ mandate_id: 'AFN-2026/001' });
    const revoked = await api(acme.api_key, 'POST', `/api/v1/mandates/${first.id}/revoke`, { reason: 'Opgezegd' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const twice = await api(acme.api_key, 'POST', '/api/v1/mandates', {
      customer_id: customers.personId,
      mandate_id: 'AFN-2026/001',
      signed_on: '2026-02-01',
      debtor_name: 'Els de Vries',
      iban: 'NL91ABNA0417164300',
    });
    expectProblem(twice, 409, 'mandate_id_taken');
    expect(fieldErrors(twice)).toEqual({ mandate_id: 'mandate_id_taken' });
    const requested = await api(acme.api_key, 'POST', '/api/v1/mandates/requests', {
      customer_id: customers.personId,
      mandate_id: 'AFN-2026/001',
    });
    expectProblem(requested, 409, 'mandate_id_taken');
  });

  it('changes a mandate with If-Match, keeps the old IBAN after a collection for the amendment, and answers 412 when stale', async () => {
    const created = await paperMandate();
    const stale = await api(
      acme.api_key,
      'PATCH',
      `/api/v1/mandates/${created.id}`,
      { debtor_name: 'X' },
      { 'if-match': '"7"' },
    );
    expectProblem(stale, 412, 'version_conflict');
    await t.kernel.database.owner.execute(
      sql`UPDATE mandates SET last_collection_on = '2026-02-01' WHERE id = ${created.id}`,
    );
    const changed = await api(
      acme.api_key,
      'PATCH',
      `/api/v1/mandates/${created.id}`,
      { iban: 'NL20INGB0001234567', bic: null, scheme: 'B2B' },
      { 'if-match': `"${created.version}"` },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ iban: 'NL20INGB0001234567', bic: null, scheme: 'B2B', version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    const stored = await t.kernel.database.owner.execute(
      sql`SELECT original_iban FROM mandates WHERE id = ${created.id}`,
    );
    expect((stored as unknown as { rows: { original_iban: string }[] }).rows[0]!.original_iban).toBe(
      'NL91ABNA0417164300',
    );
    const audit = await api(acme.api_key, 'GET', '/api/v1/audit_events');
    expect(audit.json().data).toContainEqual(
      expect.objectContaining({
        action: 'mandate.updated',
        target_id: created.id,
        details: expect.objectContaining({ fields: ['scheme', 'iban', 'bic'] }),
      }),
    );
  });

  it('computes the 36-month expiry from the last collection, else the signature, and filters on it', async () => {
    const old = await paperMandate({ signed_on: '2020-01-15' });
    expect(old).toMatchObject({ status: 'expired', expires_on: '2023-01-15', usable: false });
    const collected = await paperMandate({ signed_on: '2020-01-15' });
    await t.kernel.database.owner.execute(
      sql`UPDATE mandates SET last_collection_on = '2023-03-15' WHERE id = ${collected.id}`,
    );
    const recent = (await api(acme.api_key, 'GET', `/api/v1/mandates/${collected.id}`)).json();
    expect(recent).toMatchObject({ last_collection_on: '2023-03-15', expires_on: '2026-03-15' });
    expect(recent.status).toBe(amsterdamDate() > '2026-03-15' ? 'expired' : 'active');

    const expired = (await api(acme.api_key, 'GET', '/api/v1/mandates?status=expired&limit=100')).json().data;
    expect(expired.map((row: { id: string }) => row.id)).toContain(old.id);
    const active = (await api(acme.api_key, 'GET', '/api/v1/mandates?status=active&limit=100')).json().data;
    expect(active.map((row: { id: string }) => row.id)).not.toContain(old.id);
    expect(active.every((row: { status: string; usable: boolean }) => row.status === 'active' && row.usable)).toBe(
      true,
    );
  });

  it('revokes: kept, no longer usable or changeable; lists by customer and status, newest first, paged', async () => {
    const created = await paperMandate({ customer_id: customers.personId, debtor_name: 'Els de Vries' });
    const revoked = await api(acme.api_key, 'POST', `/api/v1/mandates/${created.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      usable: false,
      revoked_at: expect.any(String),
      revoked_reason: null,
    });
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/mandates/${created.id}/revoke`), 409, 'mandate_revoked');
    expectProblem(
      await api(acme.api_key, 'PATCH', `/api/v1/mandates/${created.id}`, { debtor_name: 'E. de Vries' }),
      409,
      'mandate_revoked',
    );
    const ofPerson = (await api(acme.api_key, 'GET', `/api/v1/mandates?customer_id=${customers.personId}`)).json();
    expect(ofPerson.data.map((row: { id: string }) => row.id)).toContain(created.id);
    expect(ofPerson.data.every((row: { customer_id: string }) => row.customer_id === customers.personId)).toBe(true);
    const revokedList = (await api(acme.api_key, 'GET', '/api/v1/mandates?status=revoked&limit=100')).json().data;
    expect(revokedList.every((row: { status: string }) => row.status === 'revoked')).toBe(true);

    const page1 = (await api(acme.api_key, 'GET', '/api/v1/mandates?limit=2')).json();
    expect(page1).toMatchObject({ object: 'list', has_more: true });
    expect(page1.data).toHaveLength(2);
    expect(page1.data[0].id).toBe(created.id);
    const page2 = (
      await api(acme.api_key, 'GET', `/api/v1/mandates?limit=2&starting_after=${page1.data[1].id}`)
    ).json();
    expect(page2.data[0].id).not.toBe(page1.data[1].id);
    const badCursor = await api(acme.api_key, 'GET', '/api/v1/mandates?starting_after=nope');
    expect(fieldErrors(badCursor)).toEqual({ starting_after: 'invalid_cursor' });
  });

  it('keeps tenants apart: another tenant gets 404 on every route and cannot use this tenant’s customer', async () => {
    const created = await paperMandate();
    const other = await t.createTenant();
    const requests: [Parameters<typeof api>[1], string, unknown?][] = [
      ['GET', `/api/v1/mandates/${created.id}`],
      ['PATCH', `/api/v1/mandates/${created.id}`, { debtor_name: 'x' }],
      ['POST', `/api/v1/mandates/${created.id}/revoke`],
    ];
    for (const [method, url, payload] of requests)
      expectProblem(await api(other.api_key, method, url, payload), 404, 'mandate_not_found');
    expect((await api(other.api_key, 'GET', '/api/v1/mandates')).json().data).toEqual([]);
    const borrowed = await api(other.api_key, 'POST', '/api/v1/mandates/requests', {
      customer_id: customers.organizationId,
    });
    expect(fieldErrors(borrowed)).toEqual({ customer_id: 'customer_not_found' });
    expect((await api(acme.api_key, 'GET', `/api/v1/mandates/${created.id}`)).statusCode).toBe(200);
  });

  it('answers 403 module_not_enabled on every route for a tenant without the Invoices module', async () => {
    const without = await provisionTenant(t.kernel, {
      name: 'Zonder facturen BV',
      email: 'no-invoices@mandates.test',
      modules: ['crm', 'api'],
    });
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: [Parameters<typeof api>[1], string, unknown?][] = [
      ['GET', '/api/v1/mandates'],
      [
        'POST',
        '/api/v1/mandates',
        { customer_id: id, signed_on: '2026-01-01', debtor_name: 'x', iban: 'NL91ABNA0417164300' },
      ],
      ['POST', '/api/v1/mandates/requests', { customer_id: id }],
      ['GET', `/api/v1/mandates/${id}`],
      ['PATCH', `/api/v1/mandates/${id}`, { debtor_name: 'x' }],
      ['POST', `/api/v1/mandates/${id}/revoke`],
    ];
    for (const [method, url, payload] of requests)
      expectProblem(await api(without.api_key, method, url, payload), 403, 'module_not_enabled');
  });
});

import { organization, organizationDuplicates } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

describe('CRM: duplicate suggestions and merging organizations', () => {
  let t: TestApp;
  let a: ProvisionedTenant;
  let b: ProvisionedTenant;
  const api = (tenant: ProvisionedTenant, options: Parameters<TestApp['api']>[1]) => t.api(tenant.api_key, options);
  const post = async (tenant: ProvisionedTenant, url: string, payload: Record<string, unknown>) => {
    const response = await api(tenant, { method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const duplicates = async (tenant: ProvisionedTenant, query: string) => {
    const response = await api(tenant, { method: 'GET', url: `/api/v1/organizations/duplicates?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return organizationDuplicates.parse(response.json()).data;
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await t.createTenant('Dubbel A BV');
    b = await t.createTenant('Dubbel B BV');
  });
  afterAll(() => t?.close());

  it('suggests candidates with the reason: KvK, VAT, e-mail, phone or a very similar name', async () => {
    const vries = await post(a, '/api/v1/organizations', {
      name: 'Bakkerij De Vries',
      kvk_number: '87654321',
      vat_number: 'NL004495445B01',
      emails: [{ address: 'info@devries.test' }],
      phones: [{ number: '030 123 4567' }],
    });
    await post(a, '/api/v1/organizations', { name: 'Bakker Jansen', invoice_email: 'factuur@jansen.test' });
    await post(b, '/api/v1/organizations', { name: 'Bakkerij De Vries', kvk_number: '87654321' });

    const reasons = async (query: string) =>
      (await duplicates(a, query)).map((candidate) => [candidate.name, candidate.reasons]);
    expect(await reasons('kvk_number=8765%204321')).toEqual([['Bakkerij De Vries', ['kvk_number']]]);
    expect(await reasons('vat_number=nl004495445b01')).toEqual([['Bakkerij De Vries', ['vat_number']]]);
    expect(await reasons('email=INFO@devries.test')).toEqual([['Bakkerij De Vries', ['email']]]);
    expect(await reasons('email=factuur@jansen.test')).toEqual([['Bakker Jansen', ['email']]]);
    expect(await reasons('phone=%2B31301234567')).toEqual([['Bakkerij De Vries', ['phone']]]);
    const similar = await duplicates(a, 'name=Bakkerij de Vries B.V.');
    expect(similar.map((candidate) => candidate.name)).toEqual(['Bakkerij De Vries']);
    expect(similar[0]!.name_similarity).toBeGreaterThanOrEqual(0.6);
    expect(await reasons('name=Bakkerij Pietersen')).toEqual([]);
    expect(await reasons('name=Bakkerij De Vries&kvk_number=87654321&phone=0301234567')).toEqual([
      ['Bakkerij De Vries', ['kvk_number', 'phone', 'similar_name']],
    ]);
    expect(await reasons(`name=Bakkerij De Vries&exclude_id=${vries.id}`)).toEqual([]);
    expect(await reasons('')).toEqual([]);
  });

  it('merges: moves links, contact details, timeline, tasks and deals, fills empty fields, deletes the duplicate', async () => {
    const kept = await post(a, '/api/v1/organizations', {
      name: 'Installatiebedrijf Smit',
      kvk_number: '11223344',
      is_customer: true,
      tags: ['warmte'],
      emails: [{ address: 'info@smit.test' }],
      phones: [{ number: '010 123 4567' }],
      addresses: [{ type: 'visiting', street: 'Kade 1', postal_code: '3011 AA', city: 'Rotterdam' }],
    });
    const duplicate = await post(a, '/api/v1/organizations', {
      name: 'Installatiebedrijf Smit BV',
      vat_number: 'NL004495445B01',
      website: 'smit.test',
      is_customer: true,
      is_supplier: true,
      tags: ['koeling', 'warmte'],
      emails: [{ address: 'info@smit.test' }, { address: 'verkoop@smit.test' }],
      phones: [{ number: '+31 10 123 4567' }, { number: '06 12345678' }],
      addresses: [
        { type: 'visiting', street: 'Kade 1', postal_code: '3011 AA', city: 'Rotterdam' },
        { type: 'postal', street: 'Postbus 9', postal_code: '3000 AA', city: 'Rotterdam' },
      ],
    });
    const both = await post(a, '/api/v1/persons', {
      last_name: 'Smit',
      organizations: [
        { organization_id: kept.id, role: 'Eigenaar' },
        { organization_id: duplicate.id, role: 'Directeur' },
      ],
    });
    const onlyDuplicate = await post(a, '/api/v1/persons', {
      first_name: 'Ria',
      last_name: 'Veld',
      organizations: [{ organization_id: duplicate.id, role: 'Inkoop', email: 'ria@smit.test' }],
    });
    await post(a, '/api/v1/notes', { organization_id: duplicate.id, body: 'Belde over offerte' });
    await post(a, '/api/v1/tasks', {
      title: 'Terugbellen',
      organization_id: duplicate.id,
      assignee_user_id: a.user_id,
    });
    const deal = await post(a, '/api/v1/deals', {
      title: 'Nieuwe ketel',
      organization_id: duplicate.id,
      value: '1200.00',
    });

    const response = await api(a, {
      method: 'POST',
      url: `/api/v1/organizations/${kept.id}/merge`,
      payload: { duplicate_id: duplicate.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    const merged = organization.parse(response.json());
    expect(merged).toMatchObject({
      name: 'Installatiebedrijf Smit',
      kvk_number: '11223344',
      vat_number: 'NL004495445B01',
      website: 'smit.test',
      is_customer: true,
      is_supplier: true,
      debtor_number: kept.debtor_number,
      creditor_number: duplicate.creditor_number,
      tags: ['warmte', 'koeling'],
    });
    expect(merged.emails.map((email) => email.address)).toEqual(['info@smit.test', 'verkoop@smit.test']);
    expect(merged.phones.map((phone) => phone.e164)).toEqual(['+31101234567', '+31612345678']);
    expect(merged.addresses.map((address) => address.type)).toEqual(['visiting', 'postal']);
    expect(merged.persons.map((person) => [person.person_id, person.role]).sort()).toEqual(
      [
        [both.id, 'Eigenaar'],
        [onlyDuplicate.id, 'Inkoop'],
      ].sort(),
    );

    expect((await api(a, { method: 'GET', url: `/api/v1/organizations/${duplicate.id}` })).statusCode).toBe(404);
    const timeline = (await api(a, { method: 'GET', url: `/api/v1/organizations/${kept.id}/timeline` })).json().data;
    expect(timeline.map((item: { kind: string }) => item.kind)).toEqual(
      expect.arrayContaining(['organization.merged', 'note']),
    );
    const tasks = (await api(a, { method: 'GET', url: `/api/v1/tasks?organization_id=${kept.id}` })).json().data;
    expect(tasks.map((task: { title: string }) => task.title)).toEqual(['Terugbellen']);
    const movedDeal = (await api(a, { method: 'GET', url: `/api/v1/deals/${deal.id}` })).json();
    expect(movedDeal.organization_id ?? movedDeal.organization?.id).toBe(kept.id);
    const audit = (await api(a, { method: 'GET', url: '/api/v1/audit_events?limit=20' })).json().data;
    expect(audit.map((event: { action: string }) => event.action)).toContain('organization.merged');
    const search = (await api(a, { method: 'GET', url: '/api/v1/relations/search?q=verkoop@smit.test' })).json();
    expect(search.data.map((hit: { id: string }) => hit.id)).toEqual([kept.id]);
  });

  it('refuses another tenant’s ids (404) and merging with itself (400)', async () => {
    const mine = await post(a, '/api/v1/organizations', { name: 'Eigen BV' });
    const theirs = await post(b, '/api/v1/organizations', { name: 'Vreemd BV' });
    const merge = (tenant: ProvisionedTenant, id: string, duplicateId: string) =>
      api(tenant, { method: 'POST', url: `/api/v1/organizations/${id}/merge`, payload: { duplicate_id: duplicateId } });
    const foreignDuplicate = await merge(a, mine.id, theirs.id);
    expect(foreignDuplicate.statusCode).toBe(404);
    expect(foreignDuplicate.json()).toMatchObject({ code: 'organization_not_found' });
    expect((await merge(a, theirs.id, mine.id)).statusCode).toBe(404);
    expect((await api(b, { method: 'GET', url: `/api/v1/organizations/${theirs.id}` })).statusCode).toBe(200);
    const itself = await merge(a, mine.id, mine.id);
    expect(itself.statusCode).toBe(400);
    expect(itself.json().errors).toEqual([
      expect.objectContaining({ field: 'duplicate_id', code: 'merge_with_itself' }),
    ]);
  });
});

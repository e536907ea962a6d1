import { person, personalData } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { addColleague, tenantWithOwner } from './activities-fixtures.ts';

describe('CRM: GDPR personal-data export and erasure of a person', () => {
  let t: TestApp;
  let a: ProvisionedTenant & { cookie: string };
  let b: ProvisionedTenant;
  let personId: string;
  let organizationId: string;
  const api = (tenant: ProvisionedTenant, options: Parameters<TestApp['api']>[1]) => t.api(tenant.api_key, options);
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await api(a, { method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const searchIds = async (q: string) =>
    (await api(a, { method: 'GET', url: `/api/v1/relations/search?q=${encodeURIComponent(q)}` }))
      .json()
      .data.map((hit: { id: string }) => hit.id);
  const auditActions = async () =>
    (await api(a, { method: 'GET', url: '/api/v1/audit_events?limit=100' }))
      .json()
      .data.map((event: { action: string }) => event.action);

  beforeAll(async () => {
    t = await createTestApp();
    a = await tenantWithOwner(t, 'Privacy A BV');
    b = await t.createTenant('Privacy B BV');
    organizationId = (await post('/api/v1/organizations', { name: 'Werkgever BV' })).id;
    personId = (
      await post('/api/v1/persons', {
        first_name: 'Annemarie',
        last_name: 'Klaassen',
        tags: ['nieuwsbrief'],
        emails: [{ address: 'annemarie@prive.test' }],
        phones: [{ number: '06 11223344' }],
        addresses: [{ type: 'postal', street: 'Dorpsstraat 5', postal_code: '1234 AB', city: 'Ergens' }],
        organizations: [
          {
            organization_id: organizationId,
            role: 'Inkoper',
            email: 'a.klaassen@werkgever.test',
            phone: '020 765 4321',
          },
        ],
      })
    ).id;
    await post('/api/v1/notes', { person_id: personId, kind: 'call', body: 'Belde over haar zieke zoon' });
    await post('/api/v1/tasks', { title: 'Offerte sturen', person_id: personId, assignee_user_id: a.user_id });
  });
  afterAll(() => t?.close());

  it('exports everything stored about the person as JSON, audited', async () => {
    const response = await api(a, { method: 'GET', url: `/api/v1/persons/${personId}/personal-data` });
    expect(response.statusCode, response.body).toBe(200);
    const data = personalData.parse(response.json());
    expect(data.person).toMatchObject({
      first_name: 'Annemarie',
      last_name: 'Klaassen',
      tags: ['nieuwsbrief'],
      emails: [{ address: 'annemarie@prive.test' }],
      phones: [{ e164: '+31611223344' }],
      addresses: [{ street: 'Dorpsstraat 5', city: 'Ergens' }],
      organizations: [{ organization_name: 'Werkgever BV', role: 'Inkoper', email: 'a.klaassen@werkgever.test' }],
      erased_at: null,
    });
    expect(data.timeline_items.map((item) => [item.kind, item.body])).toEqual([['call', 'Belde over haar zieke zoon']]);
    expect(data.tasks.map((task) => task.title)).toEqual(['Offerte sturen']);
    expect(await auditActions()).toContain('person.personal_data_exported');
  });

  it('only admins use the tools; another tenant gets 404', async () => {
    const colleague = await addColleague(t, a);
    for (const [method, url] of [
      ['GET', `/api/v1/persons/${personId}/personal-data`],
      ['POST', `/api/v1/persons/${personId}/erase`],
    ] as const) {
      expect((await t.session(colleague.cookie, { method, url })).statusCode).toBe(403);
      const foreign = await api(b, { method, url });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toMatchObject({ code: 'person_not_found' });
    }
  });

  it('erases: names, contact details, link e-mail/phone and note bodies go; no longer found; idempotent', async () => {
    expect(await searchIds('Klaassen')).toEqual([personId]);
    expect(await searchIds('+31611223344')).toEqual([personId]);

    const response = await api(a, { method: 'POST', url: `/api/v1/persons/${personId}/erase` });
    expect(response.statusCode, response.body).toBe(200);
    const erased = person.parse(response.json());
    expect(erased).toMatchObject({
      first_name: '',
      last_name: '[erased]',
      name: '[erased]',
      tags: [],
      emails: [],
      phones: [],
      addresses: [],
      organizations: [{ organization_id: organizationId, role: 'Inkoper', email: null, phone: null, phone_e164: null }],
    });
    expect(erased.erased_at).not.toBeNull();

    const timeline = (await api(a, { method: 'GET', url: `/api/v1/persons/${personId}/timeline` })).json().data;
    expect(timeline.map((item: { body: string }) => item.body)).toEqual(['[erased]']);
    for (const query of [
      'Klaassen',
      'Annemarie',
      'annemarie@prive.test',
      '0611223344',
      'a.klaassen@werkgever.test',
      'erased',
      '[erased]',
    ])
      expect(await searchIds(query), query).toEqual([]);
    const listed = (await api(a, { method: 'GET', url: '/api/v1/persons?q=klaassen' })).json().data;
    expect(listed).toEqual([]);

    const again = await api(a, { method: 'POST', url: `/api/v1/persons/${personId}/erase` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ erased_at: erased.erased_at, version: erased.version });
    expect((await auditActions()).filter((action: string) => action === 'person.erased')).toHaveLength(1);

    const patch = await api(a, {
      method: 'PATCH',
      url: `/api/v1/persons/${personId}`,
      payload: { last_name: 'Klaassen' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json()).toMatchObject({ code: 'person_erased' });
  });
});

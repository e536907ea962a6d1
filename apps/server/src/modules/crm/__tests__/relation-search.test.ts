import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

type Hit = { type: string; id: string; name: string; description: string | null; match: string };

describe('CRM relations: one search box and the phone lookup', () => {
  let t: TestApp;
  let tenant: ProvisionedTenant;
  const ids: Record<string, string> = {};

  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await t.api(tenant.api_key, { method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const search = async (q: string, extra = '') => {
    const response = await t.api(tenant.api_key, {
      method: 'GET',
      url: `/api/v1/relations/search?q=${encodeURIComponent(q)}${extra}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Hit[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await provisionTenant(t.kernel, { name: 'Zoek BV', email: 'owner@search.test', modules: ['api'] });
    ids.jansen = await post('/api/v1/organizations', {
      name: 'Jansen Installatietechniek B.V.',
      kvk_number: '87654321',
      vat_number: 'NL000099998B57',
      is_customer: true,
      emails: [{ address: 'info@jansen-installatie.test' }],
      phones: [{ number: '+31612345678' }],
      addresses: [{ type: 'visiting', city: 'Amersfoort' }],
    });
    ids.exact = await post('/api/v1/organizations', { name: 'Jansen' });
    ids.bakery = await post('/api/v1/organizations', {
      name: 'Bakkerij Van den Berg',
      trading_name: 'De Korenbloem',
      phones: [{ number: '020 123 4567' }],
    });
    ids.other = await post('/api/v1/organizations', { name: 'Hoveniersbedrijf Groen', is_supplier: true });
    ids.person = await post('/api/v1/persons', {
      first_name: 'Karin',
      last_name: 'Jansen',
      phones: [{ number: '+32 470 12 34 56' }],
      organizations: [{ organization_id: ids.bakery, role: 'Bedrijfsleider', phone: '030 222 3344' }],
    });
  });
  afterAll(() => t?.close());

  it('finds by a name fragment, exact and prefix matches first', async () => {
    const hits = await search('jansen');
    expect(hits.slice(0, 3).map((hit) => [hit.type, hit.name, hit.match])).toEqual([
      ['organization', 'Jansen', 'exact'],
      ['organization', 'Jansen Installatietechniek B.V.', 'prefix'],
      ['person', 'Karin Jansen', 'prefix'],
    ]);
    expect(hits.find((hit) => hit.id === ids.person)?.description).toBe('Bakkerij Van den Berg');
    expect(hits.find((hit) => hit.id === ids.jansen)?.description).toMatch(/^D\d{5} · Amersfoort$/);
    expect((await search('korenbloem')).map((hit) => hit.id)).toEqual([ids.bakery]);
    expect((await search('berg bakkerij')).map((hit) => hit.id)).toEqual([ids.bakery]);
  });

  it('tolerates a typo in a name', async () => {
    const hits = await search('jansne installatie');
    expect(hits[0]).toMatchObject({ id: ids.jansen, match: 'similar' });
    expect((await search('Hoveniersbedrijf Grein'))[0]).toMatchObject({ id: ids.other, match: 'similar' });
    expect((await search('Bakkerei'))[0]?.id).toBe(ids.bakery);
  });

  it.each([
    ['06 12345678', 'jansen'],
    ['06-1234 5678', 'jansen'],
    ['+31 6 1234 5678', 'jansen'],
    ['0031612345678', 'jansen'],
    ['020-1234567', 'bakery'],
    ['0201234567', 'bakery'],
    ['+32470123456', 'person'],
    ['0302223344', 'person'],
  ])('finds the phone number typed as %s', async (q, key) => {
    const hits = await search(q);
    expect(hits[0]).toMatchObject({ id: ids[key], match: 'exact' });
  });

  it('finds a phone number by its first digits, and by KvK, VAT, debtor number and e-mail', async () => {
    expect((await search('0612 34')).map((hit) => hit.id)).toContain(ids.jansen);
    expect((await search('87654321'))[0]).toMatchObject({ id: ids.jansen, match: 'exact' });
    expect((await search('8765 4321'))[0]).toMatchObject({ id: ids.jansen, match: 'exact' });
    expect((await search('NL000099998B57'))[0]).toMatchObject({ id: ids.jansen, match: 'exact' });
    expect((await search('nl 0000.99998.b57'))[0]).toMatchObject({ id: ids.jansen, match: 'exact' });
    const debtor = (await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/organizations/${ids.jansen}` })).json()
      .debtor_number;
    expect((await search(debtor))[0]).toMatchObject({ id: ids.jansen, match: 'exact' });
    expect((await search('info@jansen-installatie.test'))[0]).toMatchObject({ id: ids.jansen, match: 'exact' });
    expect((await search('jansen-installatie')).map((hit) => hit.id)).toContain(ids.jansen);
  });

  it('does not guess at numbers, limits and filters by type, and asks for two characters', async () => {
    expect(await search('0612345679')).toEqual([]);
    expect((await search('jansen', '&type=person')).map((hit) => hit.id)).toEqual([ids.person]);
    expect(await search('jansen', '&limit=1')).toHaveLength(1);
    expect(await search('100%_\\')).toEqual([]);
    const short = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/relations/search?q=j' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'query.q', code: 'too_short' });
  });

  it('uses the same rules for the q filter of the lists', async () => {
    const list = async (url: string) =>
      (await t.api(tenant.api_key, { method: 'GET', url })).json().data.map((item: { id: string }) => item.id);
    expect(await list('/api/v1/organizations?q=jansen')).toEqual([ids.exact, ids.jansen]);
    expect(await list(`/api/v1/organizations?q=${encodeURIComponent('06 1234 5678')}`)).toEqual([ids.jansen]);
    expect(await list('/api/v1/organizations?q=87654321')).toEqual([ids.jansen]);
    expect(await list('/api/v1/persons?q=0302223344')).toEqual([ids.person]);
  });

  it('looks up who has a number, in any format: organization phones, person phones and link phones', async () => {
    const lookup = async (phone: string) => {
      const response = await t.api(tenant.api_key, {
        method: 'GET',
        url: `/api/v1/relations/lookup?phone=${encodeURIComponent(phone)}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const organizationHit = await lookup('06-1234 5678');
    expect(organizationHit).toMatchObject({ object: 'phone_lookup', e164: '+31612345678', persons: [] });
    expect(organizationHit.organizations.map((item: { id: string }) => item.id)).toEqual([ids.jansen]);
    expect((await lookup('0032 470 12 34 56')).persons.map((item: { id: string }) => item.id)).toEqual([ids.person]);
    const link = await lookup('+31302223344');
    expect(link.persons.map((item: { id: string }) => item.id)).toEqual([ids.person]);
    expect(link.organizations).toEqual([]);
    expect(await lookup('010 000 0000')).toMatchObject({ organizations: [], persons: [] });
    const invalid = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/relations/lookup?phone=06%201234567' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0]).toMatchObject({ field: 'phone', code: 'invalid_phone' });
  });

  it('keeps the search text current when contact details change', async () => {
    await t.api(tenant.api_key, {
      method: 'PATCH',
      url: `/api/v1/organizations/${ids.other}`,
      payload: { phones: [{ number: '0499 123456' }] },
    });
    expect((await search('0499123456'))[0]?.id).toBe(ids.other);
    await t.api(tenant.api_key, {
      method: 'PATCH',
      url: `/api/v1/organizations/${ids.other}`,
      payload: { phones: [] },
    });
    expect(await search('0499123456')).toEqual([]);
  });
});

import { organization, person } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

const ACME = {
  name: 'Acme Installatietechniek B.V.',
  kvk_number: '12345678',
  vat_number: 'nl004495445b01',
  iban: 'nl91 abna 0417 1643 00',
  bic: 'abnanl2a',
  emails: [{ address: 'Info@Acme.test', label: 'algemeen' }],
  phones: [{ number: '020 123 4567', label: 'kantoor' }],
  addresses: [{ type: 'visiting', street: 'Oudegracht 1', postal_code: '3511 AA', city: 'Utrecht', country: 'nl' }],
  is_customer: true,
};

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('CRM relations: organizations and persons', () => {
  let t: TestApp;
  let a: ProvisionedTenant;
  let b: ProvisionedTenant;
  const api = (tenant: ProvisionedTenant, options: Parameters<TestApp['api']>[1]) => t.api(tenant.api_key, options);
  const createOrganization = async (tenant: ProvisionedTenant, payload: Record<string, unknown>) => {
    const response = await api(tenant, { method: 'POST', url: '/api/v1/organizations', payload });
    expect(response.statusCode, response.body).toBe(201);
    return organization.parse(response.json());
  };
  const createPerson = async (tenant: ProvisionedTenant, payload: Record<string, unknown>) => {
    const response = await api(tenant, { method: 'POST', url: '/api/v1/persons', payload });
    expect(response.statusCode, response.body).toBe(201);
    return person.parse(response.json());
  };
  const auditActions = async (tenant: ProvisionedTenant) =>
    (await api(tenant, { method: 'GET', url: '/api/v1/audit_events?limit=100' }))
      .json()
      .data.map((event: { action: string }) => event.action);

  beforeAll(async () => {
    t = await createTestApp();
    // API keys need the API module; CRM is in the base package.
    a = await provisionTenant(t.kernel, { name: 'Relaties A BV', email: 'owner@relations-a.test', modules: ['api'] });
    b = await provisionTenant(t.kernel, { name: 'Relaties B BV', email: 'owner@relations-b.test', modules: ['api'] });
  });
  afterAll(() => t?.close());

  describe('organizations', () => {
    it('creates one with normalized identifiers, typed and E.164 phones, and a debtor number', async () => {
      const response = await api(a, { method: 'POST', url: '/api/v1/organizations', payload: ACME });
      expect(response.statusCode, response.body).toBe(201);
      const created = organization.parse(response.json());
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/v1/organizations/${created.id}`);
      expect(created).toMatchObject({
        name: ACME.name,
        kvk_number: '12345678',
        vat_number: 'NL004495445B01',
        iban: 'NL91ABNA0417164300',
        bic: 'ABNANL2A',
        is_customer: true,
        is_supplier: false,
        debtor_number: expect.stringMatching(/^D\d{5}$/),
        creditor_number: null,
        payment_term_days: null,
        payment_term_days_effective: 14,
        emails: [{ address: 'info@acme.test', label: 'algemeen' }],
        phones: [{ number: '020 123 4567', e164: '+31201234567', label: 'kantoor' }],
        addresses: [{ type: 'visiting', city: 'Utrecht', country: 'NL' }],
        persons: [],
        version: 1,
      });
      const fetched = await api(a, { method: 'GET', url: `/api/v1/organizations/${created.id}` });
      expect(fetched.json()).toEqual(created);
      expect(fetched.headers.etag).toBe('"1"');
      expect(await auditActions(a)).toContain('organization.created');
    });

    it('updates only the fields sent, replaces a list that is sent, and answers 412 on a stale version', async () => {
      const created = await createOrganization(a, {
        name: 'Bakkerij De Korenschoof',
        phones: [{ number: '0301234567' }],
      });
      const patched = await api(a, {
        method: 'PATCH',
        url: `/api/v1/organizations/${created.id}`,
        headers: { 'if-match': '"1"' },
        payload: { trading_name: 'De Korenschoof', phones: [{ number: '06-1234 5678', label: 'mobiel' }] },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.headers.etag).toBe('"2"');
      expect(patched.json()).toMatchObject({
        name: 'Bakkerij De Korenschoof',
        trading_name: 'De Korenschoof',
        phones: [{ number: '06-1234 5678', e164: '+31612345678', label: 'mobiel' }],
        version: 2,
      });
      const stale = await api(a, {
        method: 'PATCH',
        url: `/api/v1/organizations/${created.id}`,
        headers: { 'if-match': '"1"' },
        payload: { name: 'Lost update' },
      });
      expectProblem(stale, 412, 'version_conflict');
      const staleDelete = await api(a, {
        method: 'DELETE',
        url: `/api/v1/organizations/${created.id}`,
        headers: { 'if-match': '"1"' },
      });
      expectProblem(staleDelete, 412, 'version_conflict');
      expect((await api(a, { method: 'GET', url: `/api/v1/organizations/${created.id}` })).json().name).toBe(
        'Bakkerij De Korenschoof',
      );
      const audit = (await api(a, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
      expect(
        audit.find(
          (event: { action: string; target_id: string }) =>
            event.action === 'organization.updated' && event.target_id === created.id,
        ),
      ).toMatchObject({ details: { fields: expect.arrayContaining(['tradingName', 'phones']) } });
    });

    it('gives debtor and creditor numbers once, from per-tenant counters, never twice', async () => {
      const first = await createOrganization(b, { name: 'Klant Een', is_customer: true });
      const second = await createOrganization(b, { name: 'Klant Twee', is_customer: true, is_supplier: true });
      expect(first.debtor_number).toBe('D00001');
      expect(second).toMatchObject({ debtor_number: 'D00002', creditor_number: 'C00001' });
      // Another tenant counts on its own.
      expect((await createOrganization(a, { name: 'A-klant', is_customer: true })).debtor_number).not.toBe('D00001');

      const supplier = await createOrganization(b, { name: 'Leverancier', is_supplier: false });
      expect(supplier).toMatchObject({ debtor_number: null, creditor_number: null });
      const becomes = await api(b, {
        method: 'PATCH',
        url: `/api/v1/organizations/${supplier.id}`,
        payload: { is_supplier: true },
      });
      expect(becomes.json().creditor_number).toBe('C00002');
      // Off and on again: the number stays what it was.
      await api(b, { method: 'PATCH', url: `/api/v1/organizations/${supplier.id}`, payload: { is_supplier: false } });
      const again = await api(b, {
        method: 'PATCH',
        url: `/api/v1/organizations/${supplier.id}`,
        payload: { is_supplier: true },
      });
      expect(again.json().creditor_number).toBe('C00002');
      // A deleted customer's number is not handed out again.
      expect((await api(b, { method: 'DELETE', url: `/api/v1/organizations/${second.id}` })).statusCode).toBe(204);
      expect((await createOrganization(b, { name: 'Klant Drie', is_customer: true })).debtor_number).toBe('D00003');
    });

    it('converts a lead into a customer and keeps the history on the timeline and in the audit log', async () => {
      const lead = await createOrganization(a, { name: 'Prospect Zonnepanelen', is_lead: true });
      expect(lead).toMatchObject({ is_lead: true, is_customer: false, debtor_number: null });
      const converted = await api(a, {
        method: 'POST',
        url: `/api/v1/organizations/${lead.id}/convert`,
        headers: { 'if-match': `"${lead.version}"` },
      });
      expect(converted.statusCode, converted.body).toBe(200);
      expect(converted.json()).toMatchObject({
        is_lead: false,
        is_customer: true,
        debtor_number: expect.stringMatching(/^D\d{5}$/),
      });
      const items = await t.kernel.database.withTenant(a.tenant_id, (tx) =>
        tx.execute(
          sql`SELECT kind, details FROM crm_timeline_items WHERE tenant_id = ${a.tenant_id} AND organization_id = ${lead.id}`,
        ),
      );
      expect((items as unknown as { rows: unknown[] }).rows).toEqual([
        {
          kind: 'status_changed',
          details: expect.objectContaining({
            change: 'lead_to_customer',
            from: { is_lead: true, is_customer: false, is_supplier: false },
            to: { is_lead: false, is_customer: true, is_supplier: false },
            debtor_number: converted.json().debtor_number,
          }),
        },
      ]);
      expect(await auditActions(a)).toEqual(expect.arrayContaining(['organization.converted', 'organization.updated']));
      const notALead = await api(a, { method: 'POST', url: `/api/v1/organizations/${lead.id}/convert` });
      expectProblem(notALead, 409, 'organization_not_a_lead');
    });

    it('deletes an organization with its contact details and links, and keeps its deals without it', async () => {
      const doomed = await createOrganization(a, { ...ACME, name: 'Weg BV', kvk_number: undefined });
      const contact = await createPerson(a, {
        first_name: 'Dirk',
        last_name: 'Doorn',
        organizations: [{ organization_id: doomed.id, role: 'Inkoper', phone: '06 87654321' }],
      });
      const dealId = await t.kernel.database.withTenant(a.tenant_id, async (tx) => {
        const stage = await tx.execute(
          sql`INSERT INTO crm_deal_stages (tenant_id, name, position) VALUES (${a.tenant_id}, 'Nieuw', 99) RETURNING id`,
        );
        const stageId = (stage as unknown as { rows: { id: string }[] }).rows[0]!.id;
        const deal = await tx.execute(
          sql`INSERT INTO crm_deals (tenant_id, title, organization_id, stage_id) VALUES (${a.tenant_id}, 'Offerte', ${doomed.id}, ${stageId}) RETURNING id`,
        );
        return (deal as unknown as { rows: { id: string }[] }).rows[0]!.id;
      });
      const deleted = await api(a, { method: 'DELETE', url: `/api/v1/organizations/${doomed.id}` });
      expect(deleted.statusCode, deleted.body).toBe(204);
      expectProblem(
        await api(a, { method: 'GET', url: `/api/v1/organizations/${doomed.id}` }),
        404,
        'organization_not_found',
      );
      const left = await t.kernel.database.withTenant(a.tenant_id, (tx) =>
        tx.execute(sql`SELECT
          (SELECT count(*)::int FROM crm_emails WHERE organization_id = ${doomed.id}) AS emails,
          (SELECT count(*)::int FROM crm_phones WHERE organization_id = ${doomed.id}) AS phones,
          (SELECT count(*)::int FROM crm_addresses WHERE organization_id = ${doomed.id}) AS addresses,
          (SELECT count(*)::int FROM crm_person_organization_links WHERE organization_id = ${doomed.id}) AS links,
          (SELECT organization_id FROM crm_deals WHERE id = ${dealId}) AS deal_organization`),
      );
      expect((left as unknown as { rows: unknown[] }).rows[0]).toEqual({
        emails: 0,
        phones: 0,
        addresses: 0,
        links: 0,
        deal_organization: null,
      });
      const still = await api(a, { method: 'GET', url: `/api/v1/persons/${contact.id}` });
      expect(still.json().organizations).toEqual([]);
      // The link's phone went with the link: the lookup no longer finds the person by it.
      const lookup = await api(a, { method: 'GET', url: '/api/v1/relations/lookup?phone=0687654321' });
      expect(lookup.json().persons).toEqual([]);
      expect(await auditActions(a)).toContain('organization.deleted');
    });
  });

  describe('validation (domain rules §6)', () => {
    it.each([
      ['kvk_number', '1234567', 'kvk_number', 'invalid_kvk_number'],
      ['kvk_number', '123456789', 'kvk_number', 'invalid_kvk_number'],
      ['vat_number', 'NL123456789B01', 'vat_number', 'invalid_vat_number'],
      ['vat_number', 'NL004495445B00', 'vat_number', 'invalid_vat_number'],
      ['iban', 'NL50BANK1234567890', 'iban', 'invalid_iban'],
      ['iban', 'NL91ABNA041716430', 'iban', 'invalid_iban'],
      ['bic', 'ABNANL2', 'bic', 'invalid_bic'],
      ['bic', 'ABN1NL2A', 'bic', 'invalid_bic'],
      ['phones', [{ number: '06 1234567' }], 'phones.0.number', 'invalid_phone'],
      ['phones', [{ number: '020 123 4567' }, { number: '+31 20 123 45 678' }], 'phones.1.number', 'invalid_phone'],
      ['phones', [{ number: '123' }], 'phones.0.number', 'invalid_phone'],
      ['emails', [{ address: 'geen-adres' }], 'emails.0.address', 'invalid_email'],
      ['addresses', [{ type: 'home', city: 'Utrecht' }], 'addresses.0.type', 'invalid_value'],
      ['addresses', [{ type: 'postal', country: 'NLD' }], 'addresses.0.country', 'invalid_country'],
      ['name', '', 'name', 'required'],
    ])('refuses %s = %j with the field %s and code %s', async (field, value, errorField, code) => {
      const response = await api(a, {
        method: 'POST',
        url: '/api/v1/organizations',
        payload: { name: 'Valid BV', [field]: value },
      });
      expectProblem(response, 400, 'validation_failed');
      expect(response.json().errors).toEqual([expect.objectContaining({ field: errorField, code })]);
    });

    it.each([
      ['020 123 4567', '+31201234567'],
      ['0201234567', '+31201234567'],
      ['06-1234 5678', '+31612345678'],
      ['+31 (0)6 1234 5678', '+31612345678'],
      ['0031 6 12345678', '+31612345678'],
      ['+32 470 12 34 56', '+32470123456'],
    ])('stores the phone %s as typed and as %s', async (number, e164) => {
      const created = await createOrganization(b, { name: `Telefoon ${number}`, phones: [{ number }] });
      expect(created.phones).toEqual([expect.objectContaining({ number, e164 })]);
    });

    it('refuses a person link to an unknown organization and an owner from elsewhere, naming the field', async () => {
      const foreign = await createOrganization(b, { name: 'Van B' });
      const link = await api(a, {
        method: 'POST',
        url: '/api/v1/persons',
        payload: { last_name: 'Jansen', organizations: [{ organization_id: foreign.id }] },
      });
      expectProblem(link, 400, 'validation_failed');
      expect(link.json().errors).toEqual([
        expect.objectContaining({ field: 'organizations.0.organization_id', code: 'unknown_organization' }),
      ]);
      const owner = await api(a, {
        method: 'POST',
        url: '/api/v1/organizations',
        payload: { name: 'X', owner_user_id: b.user_id },
      });
      expect(owner.json().errors).toEqual([expect.objectContaining({ field: 'owner_user_id', code: 'unknown_user' })]);
      const phone = await api(a, {
        method: 'POST',
        url: '/api/v1/persons',
        payload: { last_name: 'Jansen', organizations: [{ organization_id: foreign.id, phone: '06 1234567' }] },
      });
      expect(phone.json().errors).toEqual([
        expect.objectContaining({ field: 'organizations.0.phone', code: 'invalid_phone' }),
      ]);
    });
  });

  describe('persons', () => {
    it('links a person to several organizations, each with its own role, e-mail and phone', async () => {
      const first = await createOrganization(a, { name: 'Eerste Werkgever BV' });
      const second = await createOrganization(a, { name: 'Tweede Stichting' });
      const response = await api(a, {
        method: 'POST',
        url: '/api/v1/persons',
        payload: {
          first_name: 'Petra',
          last_name: 'de Vries',
          emails: [{ address: 'petra@prive.test' }],
          phones: [{ number: '06 11122233', label: 'mobiel' }],
          organizations: [
            { organization_id: first.id, role: 'Directeur', email: 'petra@eerste.test', phone: '030 765 4321' },
            { organization_id: second.id, role: 'Bestuurslid', email: 'p.devries@tweede.test' },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = person.parse(response.json());
      expect(created).toMatchObject({ name: 'Petra de Vries', phones: [{ e164: '+31611122233' }] });
      expect(created.organizations).toEqual([
        expect.objectContaining({
          organization_id: first.id,
          organization_name: 'Eerste Werkgever BV',
          role: 'Directeur',
          email: 'petra@eerste.test',
          phone: '030 765 4321',
          phone_e164: '+31307654321',
        }),
        expect.objectContaining({ organization_id: second.id, role: 'Bestuurslid', phone: null }),
      ]);
      const organizationView = (await api(a, { method: 'GET', url: `/api/v1/organizations/${first.id}` })).json();
      expect(organizationView.persons).toEqual([
        expect.objectContaining({
          person_id: created.id,
          first_name: 'Petra',
          last_name: 'de Vries',
          role: 'Directeur',
          email: 'petra@eerste.test',
          phone_e164: '+31307654321',
        }),
      ]);

      // Links are kept by organization: changing the role keeps the link id; leaving one out removes it.
      const linkId = created.organizations[0]!.link_id;
      const patched = await api(a, {
        method: 'PATCH',
        url: `/api/v1/persons/${created.id}`,
        headers: { 'if-match': '"1"' },
        payload: { organizations: [{ organization_id: first.id, role: 'Eigenaar' }] },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().organizations).toEqual([
        expect.objectContaining({ link_id: linkId, role: 'Eigenaar', email: null }),
      ]);
      expectProblem(
        await api(a, {
          method: 'PATCH',
          url: `/api/v1/persons/${created.id}`,
          headers: { 'if-match': '"1"' },
          payload: { first_name: 'P.' },
        }),
        412,
        'version_conflict',
      );
      const listed = await api(a, { method: 'GET', url: `/api/v1/persons?organization_id=${first.id}` });
      expect(listed.json().data.map((item: { id: string }) => item.id)).toEqual([created.id]);

      expect((await api(a, { method: 'DELETE', url: `/api/v1/persons/${created.id}` })).statusCode).toBe(204);
      expectProblem(await api(a, { method: 'GET', url: `/api/v1/persons/${created.id}` }), 404, 'person_not_found');
      expect((await api(a, { method: 'GET', url: `/api/v1/organizations/${first.id}` })).json().persons).toEqual([]);
      expect(await auditActions(a)).toEqual(
        expect.arrayContaining(['person.created', 'person.updated', 'person.deleted']),
      );
    });
  });

  describe('lists', () => {
    it('pages with a cursor without gaps or repeats, in every sort order, with filters', async () => {
      const tenant = await provisionTenant(t.kernel, {
        name: 'Paging BV',
        email: 'owner@paging.test',
        modules: ['api'],
      });
      const names = [
        'delta',
        'Alfa',
        'charlie',
        'Bravo',
        'echo',
        'foxtrot',
        'golf',
        'hotel',
        'india',
        'juliett',
        'kilo',
      ];
      for (const [index, name] of names.entries())
        await createOrganization(tenant, {
          name: `${name} BV`,
          is_customer: index % 2 === 0,
          is_lead: index % 2 === 1,
          tags: index < 3 ? ['vip'] : [],
        });
      // With a search word the page is sorted among the matches; without one, along the index.
      const orders = new Map<string, string[]>();
      for (const search of ['', '&q=bv'])
        for (const sort of ['name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at']) {
          const seen: string[] = [];
          let after: string | undefined;
          for (let page = 0; page < 10; page++) {
            const response = await api(tenant, {
              method: 'GET',
              url: `/api/v1/organizations?limit=3&sort=${sort}${search}${after ? `&starting_after=${after}` : ''}`,
            });
            expect(response.statusCode, response.body).toBe(200);
            const body = response.json();
            expect(body.object).toBe('list');
            seen.push(...body.data.map((item: { id: string }) => item.id));
            after = body.data.at(-1)?.id;
            if (!body.has_more) break;
          }
          expect(seen.length, sort + search).toBe(names.length);
          expect(new Set(seen).size, sort + search).toBe(names.length);
          orders.set(sort + search, seen);
        }
      for (const sort of ['name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at'])
        expect(orders.get(`${sort}&q=bv`), sort).toEqual(orders.get(sort));
      const byName = await api(tenant, { method: 'GET', url: '/api/v1/organizations?limit=100' });
      const sortedNames = byName.json().data.map((item: { name: string }) => item.name);
      expect(sortedNames.length).toBe(names.length);
      const customers = await api(tenant, { method: 'GET', url: '/api/v1/organizations?is_customer=true&limit=100' });
      expect(customers.json().data).toHaveLength(6);
      expect(customers.json().data.every((item: { is_customer: boolean }) => item.is_customer)).toBe(true);
      const leads = await api(tenant, { method: 'GET', url: '/api/v1/organizations?is_lead=true&tag=vip' });
      expect(leads.json().data.map((item: { name: string }) => item.name)).toEqual(['Alfa BV']);
      const since = await api(tenant, {
        method: 'GET',
        url: `/api/v1/organizations?updated_since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      });
      expect(since.json().data).toEqual([]);
      const unknownCursor = await api(tenant, {
        method: 'GET',
        url: '/api/v1/organizations?starting_after=00000000-0000-4000-8000-000000000000',
      });
      expectProblem(unknownCursor, 400, 'validation_failed');
      expect(unknownCursor.json().errors[0]).toMatchObject({ field: 'starting_after', code: 'invalid_cursor' });
      const badQuery = await api(tenant, { method: 'GET', url: '/api/v1/organizations?limit=101&sort=size' });
      expect(
        badQuery
          .json()
          .errors.map((error: { field: string }) => error.field)
          .sort(),
      ).toEqual(['query.limit', 'query.sort']);
    });
  });

  describe('saved views', () => {
    it('keeps named list views per user', async () => {
      const cookie = await t.login(a.user_id);
      const created = await t.session(cookie, {
        method: 'POST',
        url: '/api/v1/saved_views',
        payload: { list: 'organizations', name: 'Klanten', query: { is_customer: 'true', sort: '-updated_at' } },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ object: 'saved_view', name: 'Klanten', list: 'organizations' });
      const listed = await t.session(cookie, { method: 'GET', url: '/api/v1/saved_views?list=organizations' });
      expect(listed.json().data.map((view: { name: string }) => view.name)).toEqual(['Klanten']);
      expect((await t.session(cookie, { method: 'GET', url: '/api/v1/saved_views?list=persons' })).json().data).toEqual(
        [],
      );
      // Another user of another tenant does not see or delete it.
      const other = await t.login(b.user_id);
      expect(
        (await t.session(other, { method: 'GET', url: '/api/v1/saved_views?list=organizations' })).json().data,
      ).toEqual([]);
      expectProblem(
        await t.session(other, { method: 'DELETE', url: `/api/v1/saved_views/${created.json().id}` }),
        404,
        'saved_view_not_found',
      );
      expect(
        (await t.session(cookie, { method: 'DELETE', url: `/api/v1/saved_views/${created.json().id}` })).statusCode,
      ).toBe(204);
    });
  });

  describe('tenant isolation and access', () => {
    it("answers 404 for another tenant's organization, person and saved view on every route", async () => {
      const theirs = await createOrganization(a, { name: 'Alleen van A', is_lead: true });
      const theirPerson = await createPerson(a, { last_name: 'Alleen-van-A' });
      const cookie = await t.login(a.user_id);
      const view = await t.session(cookie, {
        method: 'POST',
        url: '/api/v1/saved_views',
        payload: { list: 'persons', name: 'Mijn', query: {} },
      });
      const organizationRoutes = [
        { method: 'GET' as const, url: `/api/v1/organizations/${theirs.id}` },
        { method: 'PATCH' as const, url: `/api/v1/organizations/${theirs.id}`, payload: { name: 'Overgenomen' } },
        { method: 'POST' as const, url: `/api/v1/organizations/${theirs.id}/convert` },
        { method: 'DELETE' as const, url: `/api/v1/organizations/${theirs.id}` },
      ];
      for (const request of organizationRoutes) expectProblem(await api(b, request), 404, 'organization_not_found');
      const personRoutes = [
        { method: 'GET' as const, url: `/api/v1/persons/${theirPerson.id}` },
        { method: 'PATCH' as const, url: `/api/v1/persons/${theirPerson.id}`, payload: { last_name: 'Anders' } },
        { method: 'DELETE' as const, url: `/api/v1/persons/${theirPerson.id}` },
      ];
      for (const request of personRoutes) expectProblem(await api(b, request), 404, 'person_not_found');
      const otherCookie = await t.login(b.user_id);
      expectProblem(
        await t.session(otherCookie, { method: 'DELETE', url: `/api/v1/saved_views/${view.json().id}` }),
        404,
        'saved_view_not_found',
      );
      // Not in B's lists, search or lookup either; A's records are unchanged.
      const listed = await api(b, { method: 'GET', url: '/api/v1/organizations?limit=100&q=alleen' });
      expect(listed.json().data).toEqual([]);
      expect((await api(b, { method: 'GET', url: '/api/v1/persons?q=alleen' })).json().data).toEqual([]);
      expect((await api(b, { method: 'GET', url: '/api/v1/relations/search?q=alleen' })).json().data).toEqual([]);
      expect(
        (await api(b, { method: 'GET', url: `/api/v1/persons?limit=1&starting_after=${theirPerson.id}` })).statusCode,
      ).toBe(400);
      expect((await api(a, { method: 'GET', url: `/api/v1/organizations/${theirs.id}` })).json()).toMatchObject({
        name: 'Alleen van A',
        version: 1,
      });
    });

    it('refuses an API key of a tenant without the API module (kernel rule), and anonymous requests', async () => {
      const crmOnly = await provisionTenant(t.kernel, {
        name: 'Zonder API BV',
        email: 'owner@no-api.test',
        modules: ['crm'],
      });
      expectProblem(
        await t.api(crmOnly.api_key, { method: 'GET', url: '/api/v1/organizations' }),
        403,
        'module_not_enabled',
      );
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/relations/search?q=acme' }), 401, 'unauthorized');
      // The same tenant's people use CRM through the web app: it is in the base package.
      const cookie = await t.login(crmOnly.user_id);
      expect((await t.session(cookie, { method: 'GET', url: '/api/v1/organizations' })).statusCode).toBe(200);
    });

    it('documents every route in the OpenAPI document', async () => {
      const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/organizations',
          '/api/v1/organizations/{id}',
          '/api/v1/organizations/{id}/convert',
          '/api/v1/persons',
          '/api/v1/persons/{id}',
          '/api/v1/relations/search',
          '/api/v1/relations/lookup',
          '/api/v1/saved_views',
          '/api/v1/saved_views/{id}',
        ]),
      );
    });
  });
});

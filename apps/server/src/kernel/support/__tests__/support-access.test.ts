import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { operatorSession } from '../../operator/__tests__/console-test-helpers.ts';

describe('terms art. 16: operator staff reach tenant data only through a grant of that tenant', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function setUp() {
    const tenant = await t.createTenant();
    const owner = await t.login(tenant.user_id);
    const staff = await operatorSession(t, 'support', `Sam Support ${Date.now()}`);
    const asStaff = (options: Parameters<TestApp['session']>[1], tenantId = tenant.tenant_id) =>
      t.session(staff.cookie, { ...options, headers: { 'x-support-tenant': tenantId, ...(options.headers ?? {}) } });
    return { tenant, owner, staff, asStaff };
  }

  it('without a grant the operator sees nothing; the tenant sees who can be granted access', async () => {
    const { owner, staff, asStaff } = await setUp();
    const refused = await asStaff({ method: 'GET', url: '/api/v1/company' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('support_access_required');
    const staffList = (await t.session(owner, { method: 'GET', url: '/api/v1/support/staff' })).json().data;
    expect(staffList).toEqual(expect.arrayContaining([{ id: staff.id, name: staff.name, role: 'support' }]));
  });

  it('a read-only grant lets the operator read, not write; every access is in the tenant’s audit log; revoking ends it', async () => {
    const { owner, staff, asStaff } = await setUp();
    const granted = await t.session(owner, {
      method: 'POST',
      url: '/api/v1/support/grants',
      payload: { operator_user_id: staff.id, access: 'read', reason: 'Vraag over het logo (ticket 123)', hours: 2 },
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ access: 'read', is_active: true, operator: { id: staff.id } });
    expect((await asStaff({ method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
    const write = await asStaff({ method: 'PATCH', url: '/api/v1/company', payload: { city: 'Nope' } });
    expect(write.statusCode).toBe(403);
    // Grants, members and API keys stay the tenant's own business, whatever the grant.
    expect((await asStaff({ method: 'GET', url: '/api/v1/support/grants' })).statusCode).toBe(403);

    const audit = (await t.session(owner, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
    const support = audit.filter((event: { action: string }) => event.action === 'support.request');
    expect(support).toEqual([
      expect.objectContaining({
        actor_type: 'operator',
        actor_name: `${staff.name} (support)`,
        details: { method: 'GET', path: '/api/v1/company' },
      }),
    ]);
    expect(audit.map((event: { action: string }) => event.action)).toContain('support.granted');

    const revoked = await t.session(owner, { method: 'DELETE', url: `/api/v1/support/grants/${granted.json().id}` });
    expect(revoked.json()).toMatchObject({ is_active: false });
    expect((await asStaff({ method: 'GET', url: '/api/v1/company' })).json().code).toBe('support_access_required');
  });

  it('a write grant lets the operator change data, recorded under the operator’s name', async () => {
    const { owner, staff, asStaff } = await setUp();
    await t.session(owner, {
      method: 'POST',
      url: '/api/v1/support/grants',
      payload: { operator_user_id: staff.id, access: 'write', reason: 'Adres corrigeren', hours: 1 },
    });
    const changed = await asStaff({ method: 'PATCH', url: '/api/v1/company', payload: { city: 'Zwolle' } });
    expect(changed.statusCode).toBe(200);
    const audit = (await t.session(owner, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'company.updated',
          actor_type: 'operator',
          actor_name: `${staff.name} (support)`,
        }),
      ]),
    );
    const mine = (await t.session(staff.cookie, { method: 'GET', url: '/api/v1/operator/support-grants' })).json().data;
    expect(mine).toEqual([expect.objectContaining({ access: 'write', reason: 'Adres corrigeren' })]);
  });

  it('a grant of one tenant opens no other tenant, and another tenant cannot see or revoke it', async () => {
    const first = await setUp();
    const other = await t.createTenant();
    const otherOwner = await t.login(other.user_id);
    const granted = await t.session(first.owner, {
      method: 'POST',
      url: '/api/v1/support/grants',
      payload: { operator_user_id: first.staff.id, access: 'write', reason: 'Hulp bij instellen', hours: 1 },
    });
    const elsewhere = await first.asStaff({ method: 'GET', url: '/api/v1/company' }, other.tenant_id);
    expect(elsewhere.json().code).toBe('support_access_required');
    expect((await t.session(otherOwner, { method: 'GET', url: '/api/v1/support/grants' })).json().data).toEqual([]);
    const revoke = await t.session(otherOwner, {
      method: 'DELETE',
      url: `/api/v1/support/grants/${granted.json().id}`,
    });
    expect(revoke.statusCode).toBe(404);
  });

  it('only a listed staff member can be granted access; members cannot grant', async () => {
    const { owner } = await setUp();
    const unknown = await t.session(owner, {
      method: 'POST',
      url: '/api/v1/support/grants',
      payload: { operator_user_id: '00000000-0000-4000-8000-000000000000', reason: 'x y z', hours: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'operator_user_id' });
  });
});

describe('terms art. 7: a tenant reports misuse of a login to the operator', () => {
  it('sends the report to the operator’s support address and records it in the audit log', async () => {
    const { startSmtpSink } = await import('../../../test-support/smtp-sink.ts');
    const smtp = await startSmtpSink();
    const t = await createTestApp({ SMTP_URL: smtp.url, OPERATOR_SUPPORT_EMAIL: 'helpdesk@operator.test' });
    try {
      const tenant = await t.createTenant('Misbruik BV');
      const owner = await t.login(tenant.user_id);
      const tooShort = await t.session(owner, {
        method: 'POST',
        url: '/api/v1/support/misuse-reports',
        payload: { description: 'kort' },
      });
      expect(tooShort.statusCode).toBe(400);
      const reported = await t.session(owner, {
        method: 'POST',
        url: '/api/v1/support/misuse-reports',
        payload: { description: 'Iemand logt in met het account van een oud-medewerker.' },
      });
      expect(reported.statusCode).toBe(202);
      const mail = await smtp.waitFor((m) => m.to.includes('helpdesk@operator.test'));
      expect(mail.subject).toContain('Misbruik BV');
      expect(mail.text).toContain('oud-medewerker');
      const audit = (await t.session(owner, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
      expect(audit.map((event: { action: string }) => event.action)).toContain('misuse.reported');
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

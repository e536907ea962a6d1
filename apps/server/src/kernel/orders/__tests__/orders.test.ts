import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { setPlatformSetting } from '../platform-settings.ts';

const ORDER = { modules: ['quotes', 'invoices'], users: 3, period: 'quarter', accept_terms: true };

describe('orders (terms art. 6, 10, 11)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function demoWithOwner() {
    const tenant = await t.createTenant();
    return { ...tenant, cookie: await t.login(tenant.user_id) };
  }

  it('art. 6, 11: an order from the demo is accepted at once and becomes the contract with the agreed prices', async () => {
    const tenant = await demoWithOwner();
    const placed = await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER });
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({
      status: 'accepted',
      modules: ['crm', 'hrm', 'invoices', 'quotes'],
      users: 3,
      period: 'quarter',
      terms_version: '2026-1',
      // Launch prices: base 25.00 + quotes 7.00 + invoices 9.00 + 2 extra users × 7.50.
      monthly_total: '56.00',
      period_total: '168.00',
    });
    const me = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/me' });
    expect(me.json().access).toMatchObject({ state: 'active', seats: 3 });
    expect(me.json().access.modules).toEqual(['crm', 'hrm', 'quotes', 'invoices']);
    const overview = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/order' });
    expect(overview.json().contract).toMatchObject({ id: placed.json().id, monthly_total: '56.00' });
    const audit = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/audit_events?limit=100' });
    expect(audit.json().data.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['order.placed', 'order.accepted']),
    );
  });

  it('art. 6: an order needs accepted terms, a period and at least the users there are', async () => {
    const tenant = await demoWithOwner();
    const invalid = await t.session(tenant.cookie, {
      method: 'POST',
      url: '/api/v1/order',
      payload: { modules: ['nope'], users: 0, period: 'week', accept_terms: false },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(
      invalid
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['accept_terms', 'modules.0', 'period', 'users']);
  });

  it('art. 10: an expired demo can still order, and is active again afterwards', async () => {
    const tenant = await demoWithOwner();
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const { changeTenantState } = await import('../../entitlements/change-tenant-state.ts');
    await changeTenantState(t.kernel.database, tenant.tenant_id, 'expire_demo');
    t.kernel.tenantAccess.forget(tenant.tenant_id);
    const company = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/company' });
    expect(company.json().code).toBe('tenant_expired');
    const placed = await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER });
    expect(placed.statusCode).toBe(201);
    expect((await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
  });

  it('art. 6: with the review queue on, an order waits and the demo goes on', async () => {
    await setPlatformSetting(t.kernel.database.owner, 'orders.review_queue', true);
    try {
      const tenant = await demoWithOwner();
      const placed = await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER });
      expect(placed.json().status).toBe('pending');
      const me = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/me' });
      expect(me.json().access.state).toBe('demo');
      const overview = (await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/order' })).json();
      expect(overview.pending.id).toBe(placed.json().id);
      expect(overview.contract).toBeNull();
    } finally {
      await setPlatformSetting(t.kernel.database.owner, 'orders.review_queue', false);
    }
  });

  it('only the owner orders; an API key or an admin cannot', async () => {
    const tenant = await demoWithOwner();
    const byKey = await t.api(tenant.api_key, { method: 'POST', url: '/api/v1/order', payload: ORDER });
    expect(byKey.statusCode).toBe(403);
  });

  it('art. 11: an order covers every user and open invitation, and an invitation is not accepted beyond the seats', async () => {
    const tenant = await demoWithOwner();
    for (const email of ['one@seats.test', 'two@seats.test'])
      expect(
        (await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/invitations', payload: { email } })).statusCode,
      ).toBe(201);
    const tooFew = await t.session(tenant.cookie, {
      method: 'POST',
      url: '/api/v1/order',
      payload: { ...ORDER, users: 2 },
    });
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json()).toMatchObject({ code: 'order_users_below_members', errors: [{ field: 'users' }] });
    expect(
      (await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER })).json().status,
    ).toBe('accepted');

    // Seats lowered by the operator after the invitations went out: accepting one more is refused.
    const { applyContract } = await import('../../entitlements/change-tenant-state.ts');
    await applyContract(t.kernel.database, tenant.tenant_id, { modules: ['quotes'], seats: 1 });
    const invitations = (await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/invitations' })).json().data;
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${invitations[0].id}/accept`,
      payload: { name: 'Late Colleague', password: 'correct horse battery' },
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe('seat_limit_reached');
  });
});

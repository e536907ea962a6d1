import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant } from '../../accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { changeTenantState, type StateChange } from '../change-tenant-state.ts';
import { expireEndedDemos } from '../expire-ended-demos.ts';

describe('tenant lifecycle enforced on the server (terms art. 10, 11)', () => {
  let t: TestApp;
  let counter = 0;
  const tenant = (modules?: Parameters<typeof provisionTenant>[1]['modules'], seats?: number) =>
    provisionTenant(t.kernel, {
      name: `Lifecycle ${++counter} BV`,
      email: `owner${counter}@lifecycle.test`,
      modules,
      seats,
    });
  const change = async (tenantId: string, step: StateChange) => {
    await changeTenantState(t.kernel.database, tenantId, step);
    t.kernel.tenantAccess.forget(tenantId);
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('art. 11: an API key works only with the API module', async () => {
    const withoutApi = await tenant(['crm']);
    const refused = await t.api(withoutApi.api_key, { method: 'GET', url: '/api/v1/company' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('module_not_enabled');
    const withApi = await tenant(['api']);
    expect((await t.api(withApi.api_key, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
    const demo = await tenant();
    expect((await t.api(demo.api_key, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
  });

  it('art. 10: an expired demo can neither read nor write', async () => {
    const demo = await tenant();
    await change(demo.tenant_id, 'expire_demo');
    for (const method of ['GET', 'PATCH'] as const) {
      const response = await t.api(demo.api_key, {
        method,
        url: '/api/v1/company',
        ...(method === 'PATCH' ? { payload: { city: 'X' } } : {}),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('tenant_expired');
    }
  });

  it('art. 13: a suspended tenant reads but does not write; reactivation restores it', async () => {
    const active = await tenant('all', 5);
    await change(active.tenant_id, 'suspend');
    expect((await t.api(active.api_key, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
    const write = await t.api(active.api_key, { method: 'PATCH', url: '/api/v1/company', payload: { city: 'Nope' } });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('tenant_suspended');
    await change(active.tenant_id, 'reactivate');
    expect(
      (await t.api(active.api_key, { method: 'PATCH', url: '/api/v1/company', payload: { city: 'Yes' } })).statusCode,
    ).toBe(200);
  });

  it('art. 15: a deactivated tenant is locked; the change is in its audit log', async () => {
    const active = await tenant('all', 5);
    await change(active.tenant_id, 'deactivate');
    expect((await t.api(active.api_key, { method: 'GET', url: '/api/v1/company' })).json().code).toBe(
      'tenant_deactivated',
    );
    await change(active.tenant_id, 'reactivate');
    const audit = (await t.api(active.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
    expect(
      audit
        .filter((event: { action: string }) => event.action === 'tenant.state_changed')
        .map((event: { details: { to: string } }) => event.details.to),
    ).toEqual(['active', 'deactivated']);
  });

  it('art. 11: inviting beyond the ordered seats is refused with a clear message', async () => {
    const small = await tenant('all', 2);
    expect(
      (
        await t.api(small.api_key, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: 'second@seats.test' },
        })
      ).statusCode,
    ).toBe(201);
    const third = await t.api(small.api_key, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: 'third@seats.test' },
      headers: { 'accept-language': 'nl' },
    });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'seat_limit_reached', title: 'Alle gebruikersplaatsen zijn bezet' });
  });

  it('refuses lifecycle steps that make no sense', async () => {
    const demo = await tenant();
    await expect(changeTenantState(t.kernel.database, demo.tenant_id, 'suspend')).rejects.toThrow(
      /demo tenant cannot suspend/,
    );
    await expect(changeTenantState(t.kernel.database, demo.tenant_id, 'reactivate')).rejects.toThrow();
  });

  it('me tells the web app the state, the modules and the days left', async () => {
    const demo = await tenant();
    const access = await t.kernel.tenantAccess.get(demo.tenant_id);
    expect(access).toMatchObject({ state: 'demo', demo_days_left: 14, seats: null });
  });
});

describe('demo expiry sweep (terms art. 10)', () => {
  it('stores the end of every demo whose 14 days are over, once, with an audit entry', async () => {
    const t = await createTestApp();
    try {
      const ended = await provisionTenant(t.kernel, { name: 'Ended BV', email: 'owner@ended.test' });
      const running = await provisionTenant(t.kernel, { name: 'Running BV', email: 'owner@running.test' });
      await t.kernel.database.query(`UPDATE tenants SET demo_ends_at = now() - interval '1 minute' WHERE id = $1`, [
        ended.tenant_id,
      ]);
      expect(await expireEndedDemos(t.kernel.database)).toEqual([ended.tenant_id]);
      expect(await expireEndedDemos(t.kernel.database)).toEqual([]);
      const states = await t.kernel.database.query<{ id: string; state: string }>(
        'SELECT id, state FROM tenants WHERE id = ANY($1)',
        [[ended.tenant_id, running.tenant_id]],
      );
      expect(Object.fromEntries(states.map((row) => [row.id, row.state]))).toEqual({
        [ended.tenant_id]: 'expired',
        [running.tenant_id]: 'demo',
      });
    } finally {
      await t.close();
    }
  });
});

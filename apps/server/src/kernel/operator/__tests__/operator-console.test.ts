import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { deactivateDueTenants } from '../../entitlements/expire-ended-demos.ts';
import { setPlatformSetting } from '../../orders/platform-settings.ts';
import { operatorSession } from './console-test-helpers.ts';

const ORDER = { modules: ['quotes', 'invoices'], users: 3, period: 'quarter', accept_terms: true };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('operator console (a realm of its own)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: Awaited<ReturnType<typeof operatorSession>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url });
    admin = await operatorSession(t, 'admin', 'Olga Operator');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const consoleCall = (options: Parameters<TestApp['session']>[1], cookie = admin.cookie) => t.session(cookie, options);

  async function tenantWithOwner() {
    const tenant = await t.createTenant();
    return { ...tenant, cookie: await t.login(tenant.user_id) };
  }

  it('operator staff are not tenant users: a tenant session opens no console route, a console session no tenant data', async () => {
    const tenant = await tenantWithOwner();
    expect((await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/operator/tenants' })).statusCode).toBe(401);
    expect((await consoleCall({ method: 'GET', url: '/api/v1/company' })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/login',
      payload: { email: admin.email, password: 'wrong-password-123' },
    });
    expect(wrong.statusCode).toBe(401);
    // The tenant's own use shows as last activity (written after the request).
    await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/company' });
    await expect
      .poll(async () => {
        const list = await consoleCall({ method: 'GET', url: '/api/v1/operator/tenants' });
        return list.json().data.find((row: { id: string }) => row.id === tenant.tenant_id);
      })
      .toMatchObject({ state: 'demo', active_users: 1, last_activity_at: expect.any(String) });
    // Found by name or by the owner's e-mail address; a % in the search is a plain character.
    const all = (await consoleCall({ method: 'GET', url: '/api/v1/operator/tenants' })).json().data;
    const row = all.find((entry: { id: string }) => entry.id === tenant.tenant_id);
    for (const search of [row.name.slice(0, 8), row.owner_email.split('@')[0]]) {
      const found = await consoleCall({
        method: 'GET',
        url: `/api/v1/operator/tenants?search=${encodeURIComponent(search)}`,
      });
      expect(found.json().data.map((entry: { id: string }) => entry.id)).toContain(tenant.tenant_id);
    }
    const literal = await consoleCall({ method: 'GET', url: '/api/v1/operator/tenants?search=%25' });
    expect(literal.json().data).toEqual([]);
  });

  it('the admin chooses the billing tenant; the settings name it, and an unknown tenant is refused at the field', async () => {
    const billing = await t.createTenant('Operator Facturatie BV');
    const chosen = await consoleCall({
      method: 'PATCH',
      url: '/api/v1/operator/settings',
      payload: { billing_tenant_id: billing.tenant_id },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({
      billing_tenant_id: billing.tenant_id,
      billing_tenant_name: 'Operator Facturatie BV',
    });
    const read = await consoleCall({ method: 'GET', url: '/api/v1/operator/settings' });
    expect(read.json()).toEqual(chosen.json());
    const unknown = await consoleCall({
      method: 'PATCH',
      url: '/api/v1/operator/settings',
      payload: { billing_tenant_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'billing_tenant_id', code: 'tenant_not_found' }),
    ]);
    const none = await consoleCall({
      method: 'PATCH',
      url: '/api/v1/operator/settings',
      payload: { billing_tenant_id: null },
    });
    expect(none.json()).toMatchObject({ billing_tenant_id: null, billing_tenant_name: null });
  });

  it('art. 6: with the review queue on, the operator accepts or refuses with a reason, and the tenant is told by e-mail', async () => {
    await setPlatformSetting(t.kernel.database.owner, 'orders.review_queue', true);
    try {
      const refusedTenant = await tenantWithOwner();
      const order = (
        await t.session(refusedTenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER })
      ).json();
      expect(order.status).toBe('pending');
      const queue = (await consoleCall({ method: 'GET', url: '/api/v1/operator/orders' })).json().data;
      expect(queue).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: order.id, tenant_id: refusedTenant.tenant_id })]),
      );
      const noReason = await consoleCall({
        method: 'POST',
        url: `/api/v1/operator/orders/${refusedTenant.tenant_id}/${order.id}/decision`,
        payload: { decision: 'refuse' },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' });
      const refused = await consoleCall({
        method: 'POST',
        url: `/api/v1/operator/orders/${refusedTenant.tenant_id}/${order.id}/decision`,
        payload: { decision: 'refuse', reason: 'Het KvK-nummer hoort bij een ander bedrijf.' },
      });
      expect(refused.json()).toMatchObject({
        status: 'refused',
        refusal_reason: 'Het KvK-nummer hoort bij een ander bedrijf.',
      });
      const mail = await smtp.waitFor((m) => m.subject.includes('niet geaccepteerd'));
      expect(mail.text).toContain('Het KvK-nummer hoort bij een ander bedrijf.');
      const overview = (await t.session(refusedTenant.cookie, { method: 'GET', url: '/api/v1/order' })).json();
      expect(overview.refused.refusal_reason).toContain('KvK');

      const acceptedTenant = await tenantWithOwner();
      const second = (
        await t.session(acceptedTenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER })
      ).json();
      const accepted = await consoleCall({
        method: 'POST',
        url: `/api/v1/operator/orders/${acceptedTenant.tenant_id}/${second.id}/decision`,
        payload: { decision: 'accept' },
      });
      expect(accepted.json().status).toBe('accepted');
      const me = (await t.session(acceptedTenant.cookie, { method: 'GET', url: '/api/v1/me' })).json();
      expect(me.access).toMatchObject({ state: 'active', seats: 3 });
      const again = await consoleCall({
        method: 'POST',
        url: `/api/v1/operator/orders/${acceptedTenant.tenant_id}/${second.id}/decision`,
        payload: { decision: 'accept' },
      });
      expect(again.json().code).toBe('order_not_pending');
    } finally {
      await setPlatformSetting(t.kernel.database.owner, 'orders.review_queue', false);
    }
  });

  it('support staff may look but not change tenants, prices or settings', async () => {
    const support = await operatorSession(t, 'support');
    const tenant = await t.createTenant();
    expect((await consoleCall({ method: 'GET', url: '/api/v1/operator/tenants' }, support.cookie)).statusCode).toBe(
      200,
    );
    const change = await consoleCall(
      { method: 'POST', url: `/api/v1/operator/tenants/${tenant.tenant_id}/extend-demo`, payload: { days: 7 } },
      support.cookie,
    );
    expect(change.statusCode).toBe(403);
  });

  it('art. 10: the operator extends a demo, also one that expired', async () => {
    const tenant = await tenantWithOwner();
    const { changeTenantState } = await import('../../entitlements/change-tenant-state.ts');
    await changeTenantState(t.kernel.database, tenant.tenant_id, 'expire_demo');
    const extended = await consoleCall({
      method: 'POST',
      url: `/api/v1/operator/tenants/${tenant.tenant_id}/extend-demo`,
      payload: { days: 7 },
    });
    expect(extended.statusCode).toBe(200);
    const me = (await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.access).toMatchObject({ state: 'demo', demo_days_left: 7 });
  });

  it('art. 15: deactivation is announced by e-mail five days ahead, carried out then, and undone by reactivation', async () => {
    const tenant = await tenantWithOwner();
    await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER });
    const scheduled = await consoleCall({
      method: 'POST',
      url: `/api/v1/operator/tenants/${tenant.tenant_id}/deactivate`,
      payload: { reason: 'Misbruik van de dienst (art. 15)' },
    });
    const dueAt = new Date(scheduled.json().deactivation_due_at);
    expect(Math.round((dueAt.getTime() - Date.now()) / 86_400_000)).toBe(5);
    const notice = await smtp.waitFor((m) => m.subject.includes('wordt op'));
    expect(notice.text).toContain('Misbruik van de dienst');
    // Until the moment has come, everything works.
    expect(
      (await t.session(tenant.cookie, { method: 'PATCH', url: '/api/v1/company', payload: { city: 'Delft' } }))
        .statusCode,
    ).toBe(200);
    const done = await deactivateDueTenants(t.kernel.database, new Date(dueAt.getTime() + 1000));
    expect(done).toContain(tenant.tenant_id);
    t.kernel.tenantAccess.forget(tenant.tenant_id);
    const locked = await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/company' });
    expect(locked.json().code).toBe('tenant_deactivated');
    const reactivated = await consoleCall({
      method: 'POST',
      url: `/api/v1/operator/tenants/${tenant.tenant_id}/reactivate`,
    });
    expect(reactivated.statusCode).toBe(204);
    expect((await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
  });

  it('art. 11: a price change must be a month ahead; tenants with the item are told at once and keep their price until then', async () => {
    const tenant = await tenantWithOwner();
    await t.session(tenant.cookie, { method: 'POST', url: '/api/v1/order', payload: ORDER });
    const tooSoon = await consoleCall({
      method: 'POST',
      url: '/api/v1/operator/prices',
      payload: { item: 'module:quotes', monthly: '8.00', valid_from: inDays(10) },
    });
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().code).toBe('price_change_too_soon');
    const earliest = tooSoon.json().errors[0].params.date;
    expect(earliest > inDays(10)).toBe(true);
    expect(tooSoon.json().title).toContain(earliest);
    const validFrom = inDays(40);
    const added = await consoleCall({
      method: 'POST',
      url: '/api/v1/operator/prices',
      payload: { item: 'module:quotes', monthly: '8.00', valid_from: validFrom },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().notified_tenants).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor(
      (m) => m.subject.startsWith('Prijswijziging') && m.to.includes(m.to[0]!) && m.text.includes('8,00'),
    );
    expect(mail.text).toContain('7,00');
    const overview = (await t.session(tenant.cookie, { method: 'GET', url: '/api/v1/order' })).json();
    expect(overview.contract.monthly_total).toBe('56.00');
    expect(overview.price_changes).toEqual([
      expect.objectContaining({ item: 'module:quotes', monthly: '8.00', applies_from: validFrom }),
    ]);
    // A new order today is still priced with today's list; the public list on the new date has the new price.
    const later = (await t.app.inject({ method: 'GET', url: `/api/v1/public/prices?on=${validFrom}` })).json();
    expect(later.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ item: 'module:quotes', monthly: '8.00' })]),
    );
  });

  it('art. 3: publishing a terms version mails every owner', async () => {
    await tenantWithOwner();
    const published = await consoleCall({
      method: 'POST',
      url: '/api/v1/operator/terms',
      payload: { version: '2027-1', effective_from: inDays(35), body: 'Nieuwe voorwaarden, artikel 1 …' },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().notified_owners).toBeGreaterThanOrEqual(1);
    await smtp.waitFor((m) => m.subject.startsWith('Nieuwe algemene voorwaarden'));
  });
});

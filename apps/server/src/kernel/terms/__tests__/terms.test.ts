import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { acceptTerms, publishTermsVersion, termsStatus } from '../terms.ts';

describe('terms versions (terms art. 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const asOwner = <T>(tenant: { tenant_id: string; user_id: string }, work: (ctx: TenantContext) => Promise<T>) =>
    t.kernel.database.withTenant(tenant.tenant_id, (tx) =>
      work({
        tenantId: tenant.tenant_id,
        role: 'owner',
        actor: { type: 'user', id: tenant.user_id, name: 'Owner' },
        locale: 'nl',
        meta: { requestId: null, ip: '192.0.2.7', userAgent: null },
        tx,
      }),
    );

  it('art. 3: the current terms are public', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/terms' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ version: '2026-1', effective_from: '2026-01-01' });
    expect(response.json().body).toContain('Artikel 3');
  });

  it('art. 3: the owner accepts the version in force and a newly published one; who, when and from where is kept', async () => {
    const a = await t.createTenant('Terms A');
    const b = await t.createTenant('Terms B');
    expect(await asOwner(a, termsStatus)).toMatchObject({
      current: { version: '2026-1' },
      accepted: null,
      needs_acceptance: true,
    });
    const accepted = await asOwner(a, (ctx) => acceptTerms(ctx, '2026-1'));
    expect(accepted).toMatchObject({
      accepted: { version: '2026-1', accepted_by: expect.any(String) },
      needs_acceptance: false,
    });

    await publishTermsVersion(t.kernel.database.owner, {
      version: '2099-1',
      effectiveFrom: '2099-01-01',
      body: 'Nieuwe voorwaarden',
    });
    expect(await asOwner(a, termsStatus)).toMatchObject({ upcoming: { version: '2099-1' }, needs_acceptance: true });
    expect(await asOwner(a, (ctx) => acceptTerms(ctx, '2099-1'))).toMatchObject({
      accepted: { version: '2099-1' },
      needs_acceptance: false,
    });

    const audit = (await t.api(a.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
    expect(audit.filter((event: { action: string }) => event.action === 'terms.accepted')).toHaveLength(2);
    expect(audit.find((event: { action: string }) => event.action === 'terms.accepted').ip).toBe('192.0.2.7');
    // Another tenant's acceptance is its own.
    expect((await t.api(b.api_key, { method: 'GET', url: '/api/v1/terms/status' })).json()).toMatchObject({
      accepted: null,
      needs_acceptance: true,
    });
  });

  it('only an owner (a person, not an API key) accepts; a version that does not exist is a 404', async () => {
    const c = await t.createTenant('Terms C');
    const byKey = await t.api(c.api_key, {
      method: 'POST',
      url: '/api/v1/terms/accept',
      payload: { version: '2026-1' },
    });
    expect(byKey.statusCode).toBe(403);
    await expect(asOwner(c, (ctx) => acceptTerms(ctx, 'no-such'))).rejects.toThrow('not_found');
  });

  it('refuses a second version with the same name', async () => {
    await expect(
      publishTermsVersion(t.kernel.database.owner, { version: '2026-1', effectiveFrom: '2026-02-01', body: 'x' }),
    ).rejects.toThrow(/exists/);
  });
});

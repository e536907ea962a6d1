import { MODULE_NAMES } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { assertAllowed } from './access-rules.ts';
import { accessOf } from './tenant-access.ts';

const now = new Date('2026-11-24T12:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('tenant access (terms art. 10 and 11)', () => {
  it('art. 10: a demo has every module and counts its days down', () => {
    const access = accessOf({ state: 'demo', demoEndsAt: inDays(14), modules: null, seats: null }, now);
    expect(access).toMatchObject({ state: 'demo', demo_days_left: 14, seats: null });
    expect(access.modules).toEqual([...MODULE_NAMES]);
  });

  it('art. 10: a demo ends by itself after 14 days, before any job has run', () => {
    expect(accessOf({ state: 'demo', demoEndsAt: inDays(-0.001), modules: null, seats: null }, now)).toMatchObject({
      state: 'expired',
      demo_days_left: 0,
    });
  });

  it('art. 11: an active tenant has the base package (CRM, HRM) plus what it ordered', () => {
    const access = accessOf(
      { state: 'active', demoEndsAt: inDays(-30), modules: ['quotes', 'invoices'], seats: 3 },
      now,
    );
    expect(access.modules).toEqual(['crm', 'hrm', 'quotes', 'invoices']);
    expect(access.seats).toBe(3);
  });

  it.each([
    ['active', 'PATCH', null],
    ['suspended', 'GET', null],
    ['suspended', 'PATCH', 'tenant_suspended'],
    ['expired', 'GET', 'tenant_expired'],
    ['deactivated', 'GET', 'tenant_deactivated'],
  ] as const)('a %s tenant: %s → %s', (state, method, code) => {
    const access = accessOf({ state, demoEndsAt: inDays(-30), modules: ['api'], seats: 1 }, now);
    const attempt = () => assertAllowed(access, { method });
    if (code) expect(attempt).toThrow(code);
    else expect(attempt).not.toThrow();
  });

  it('art. 17: export and ordering stay available in every state', () => {
    for (const state of ['expired', 'suspended', 'deactivated'] as const) {
      const access = accessOf({ state, demoEndsAt: inDays(-30), modules: [], seats: 1 }, now);
      expect(() => assertAllowed(access, { method: 'POST', availableWhenLocked: 'export' })).not.toThrow();
    }
  });

  it('art. 11: a route of a module that was not ordered answers module_not_enabled', () => {
    const access = accessOf({ state: 'active', demoEndsAt: inDays(-30), modules: [], seats: 1 }, now);
    expect(() => assertAllowed(access, { method: 'GET', entitlement: 'invoices' })).toThrow(
      expect.objectContaining({ code: 'module_not_enabled' }),
    );
    expect(() => assertAllowed(access, { method: 'GET', entitlement: 'crm' })).not.toThrow();
  });
});

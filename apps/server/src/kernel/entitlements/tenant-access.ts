import { BASE_MODULES, MODULE_NAMES, type ModuleName, type TenantAccess, type TenantState } from '@clientbox/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { tenants } from '../db/schema.ts';

const DAY_MS = 86_400_000;

export interface TenantRecord {
  state: TenantState;
  demoEndsAt: Date;
  modules: string[] | null;
  seats: number | null;
  /** Art. 15: a deactivation announced for this moment; from then on the tenant is deactivated. */
  deactivationDueAt?: Date | null;
}

/**
 * What a tenant may use at `now` (terms art. 10, 11). A demo whose 14 days have passed is
 * expired at once, before any job has flipped the stored state. A demo has every module; an
 * active, suspended or deactivated tenant has the base package plus what it ordered.
 */
export function accessOf(record: TenantRecord, now: Date = new Date()): TenantAccess {
  const isDemoOver = record.state === 'demo' && record.demoEndsAt.getTime() <= now.getTime();
  const isDeactivationDue = Boolean(record.deactivationDueAt && record.deactivationDueAt.getTime() <= now.getTime());
  const state: TenantState = isDeactivationDue ? 'deactivated' : isDemoOver ? 'expired' : record.state;
  const ordered = new Set<ModuleName>([...BASE_MODULES, ...((record.modules ?? []) as ModuleName[])]);
  const modules = record.state === 'demo' ? [...MODULE_NAMES] : MODULE_NAMES.filter((name) => ordered.has(name));
  return {
    state,
    demo_ends_at: record.demoEndsAt.toISOString(),
    demo_days_left: Math.max(0, Math.ceil((record.demoEndsAt.getTime() - now.getTime()) / DAY_MS)),
    modules,
    seats: record.state === 'demo' ? null : record.seats,
  };
}

/** Read on every request, so kept for a few seconds; a state change here is seen at once. */
const CACHE_MILLISECONDS = 5_000;

export function createTenantAccessReader(ownerDb: Db, now: () => Date = () => new Date()) {
  const cache = new Map<string, { record: TenantRecord | null; until: number }>();

  async function record(tenantId: string): Promise<TenantRecord | null> {
    const cached = cache.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.record;
    const [row] = await ownerDb
      .select({
        state: tenants.state,
        demoEndsAt: tenants.demoEndsAt,
        modules: tenants.modules,
        seats: tenants.seats,
        deactivationDueAt: tenants.deactivationDueAt,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (cache.size > 10_000) cache.clear();
    cache.set(tenantId, { record: row ?? null, until: Date.now() + CACHE_MILLISECONDS });
    return row ?? null;
  }

  return {
    async get(tenantId: string): Promise<TenantAccess | null> {
      const found = await record(tenantId);
      return found ? accessOf(found, now()) : null;
    },
    forget(tenantId: string): void {
      cache.delete(tenantId);
    },
  };
}

export type TenantAccessReader = ReturnType<typeof createTenantAccessReader>;

import { BASE_MODULES, MODULE_NAMES, type ModuleName, type TenantAccess, type TenantState } from '@clientbox/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { auditEvents, tenants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { type Actor, SYSTEM_ACTOR } from '../tenancy/tenant-context.ts';
import { accessOf } from './tenant-access.ts';

export type StateChange = 'expire_demo' | 'suspend' | 'reactivate' | 'deactivate';

const ALLOWED: Record<StateChange, { from: TenantState[]; to: TenantState }> = {
  expire_demo: { from: ['demo'], to: 'expired' },
  suspend: { from: ['active'], to: 'suspended' },
  deactivate: { from: ['demo', 'active', 'expired', 'suspended'], to: 'deactivated' },
  reactivate: { from: ['suspended', 'deactivated', 'expired'], to: 'active' },
};

/** Applies one lifecycle step; refuses steps that make no sense from the current state. */
export async function changeTenantState(
  database: Database,
  tenantId: string,
  change: StateChange,
  actor: Actor = SYSTEM_ACTOR,
): Promise<TenantAccess> {
  return database.owner.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!tenant) throw new AppError('not_found');
    // An ended demo reads as expired and a due deactivation as deactivated, but storing that is
    // exactly what expire_demo and deactivate do.
    const current = change === 'expire_demo' || change === 'deactivate' ? tenant.state : accessOf(tenant).state;
    const rule = ALLOWED[change];
    if (!rule.from.includes(current))
      throw new AppError('conflict', { detail: `A ${current} tenant cannot ${change.replace('_', ' ')}.` });
    if (rule.to === 'active' && !tenant.modules)
      throw new AppError('conflict', { detail: 'There is no order to reactivate.' });
    const [updated] = await tx
      .update(tenants)
      .set({
        state: rule.to,
        stateChangedAt: new Date(),
        ...(change === 'expire_demo' && tenant.demoEndsAt > new Date() ? { demoEndsAt: new Date() } : {}),
        ...(change === 'reactivate' ? { deactivationDueAt: null, deactivationReason: null } : {}),
      })
      .where(eq(tenants.id, tenantId))
      .returning();
    await audit(tx, tenantId, actor, 'tenant.state_changed', { from: current, to: rule.to });
    return accessOf(updated!);
  });
}

/** Records an accepted order's modules and seats: the tenant becomes active with exactly those. */
export async function applyContract(
  database: Database,
  tenantId: string,
  contract: { modules: ModuleName[] | 'all'; seats: number },
  actor: Actor = SYSTEM_ACTOR,
): Promise<TenantAccess> {
  const modules = contract.modules === 'all' ? [...MODULE_NAMES] : [...new Set([...BASE_MODULES, ...contract.modules])];
  return database.owner.transaction(async (tx) => {
    const [updated] = await tx
      .update(tenants)
      .set({ state: 'active', modules, seats: contract.seats, stateChangedAt: new Date() })
      .where(eq(tenants.id, tenantId))
      .returning();
    if (!updated) throw new AppError('not_found');
    await audit(tx, tenantId, actor, 'tenant.contract_applied', { modules, seats: contract.seats });
    return accessOf(updated);
  });
}

type OwnerTx = Parameters<Parameters<Database['owner']['transaction']>[0]>[0];

async function audit(tx: OwnerTx, tenantId: string, actor: Actor, action: string, details: Record<string, unknown>) {
  // The audit table forces row-level security even for its owner: act within the tenant.
  await tx.execute(sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
  await tx.insert(auditEvents).values({
    tenantId,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action,
    targetType: 'tenant',
    targetId: tenantId,
    details,
  });
}

import { amsterdamDate } from '@clientbox/contracts';
import { eq, sql } from 'drizzle-orm';
import { PLATFORM_EVENTS, platformCustomerOf, publishPlatformEvent } from '../orders/platform-billing-events.ts';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database, Tx } from '../db/database.ts';
import { tenants } from '../db/schema.ts';
import { changeTenantState } from '../entitlements/change-tenant-state.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, RequestMeta } from '../tenancy/tenant-context.ts';
import type { OperatorPrincipal } from './operator-sessions.ts';

const NOTICE_DAYS = 5;
const DAY_MS = 86_400_000;

interface OperatorAction {
  tenantId: string;
  operator: OperatorPrincipal;
  meta: RequestMeta;
}

const actorOf = (operator: OperatorPrincipal): Actor => ({ type: 'operator', id: operator.id, name: operator.name });

async function auditInTenant(tx: Tx, input: OperatorAction, action: string, details: Record<string, unknown>) {
  await tx.execute(sql`SELECT set_config('app.tenant_id', ${input.tenantId}, true)`);
  await recordAuditEvent(
    { tenantId: input.tenantId, actor: actorOf(input.operator), meta: input.meta, tx },
    { action, targetType: 'tenant', targetId: input.tenantId, details },
  );
}

/** Art. 10: the operator may give a demo (also an expired one without an order) more days. */
export async function extendDemo(database: Database, input: OperatorAction & { days: number }) {
  return database.owner.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update');
    if (!tenant) throw new AppError('not_found');
    if (!['demo', 'expired'].includes(tenant.state) || tenant.modules)
      throw new AppError('conflict', { detail: 'Only a demo without an order can be extended.' });
    const from = Math.max(tenant.demoEndsAt.getTime(), Date.now());
    const demoEndsAt = new Date(from + input.days * DAY_MS);
    await tx
      .update(tenants)
      .set({ state: 'demo', demoEndsAt, stateChangedAt: new Date() })
      .where(eq(tenants.id, input.tenantId));
    await auditInTenant(tx, input, 'tenant.demo_extended', {
      days: input.days,
      demo_ends_at: demoEndsAt.toISOString(),
    });
    return { demoEndsAt };
  });
}

/**
 * Art. 15: deactivation with a reason, carried out five calendar days after the notice e-mail
 * (by the lifecycle sweep; requests treat the tenant as deactivated from that moment).
 */
export async function scheduleDeactivation(database: Database, input: OperatorAction & { reason: string }) {
  return database.owner.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update');
    if (!tenant) throw new AppError('not_found');
    if (tenant.state === 'deactivated')
      throw new AppError('conflict', { detail: 'The tenant is deactivated already.' });
    const dueAt = new Date(Date.now() + NOTICE_DAYS * DAY_MS);
    await tx
      .update(tenants)
      .set({ deactivationDueAt: dueAt, deactivationReason: input.reason })
      .where(eq(tenants.id, input.tenantId));
    // Art. 15: the operator's billing ends the subscription that day and credits the prepaid rest.
    await publishPlatformEvent(tx, input.tenantId, PLATFORM_EVENTS.deactivationScheduled, {
      customer: await platformCustomerOf(tx, input.tenantId),
      effective_on: amsterdamDate(dueAt),
      reason: input.reason,
    });
    await auditInTenant(tx, input, 'tenant.deactivation_scheduled', {
      reason: input.reason,
      due_at: dueAt.toISOString(),
    });
    return { dueAt, tenantName: tenant.name };
  });
}

/** Art. 15: after talks the operator reactivates; a deactivation still to come is called off. */
export async function reactivateTenant(database: Database, input: OperatorAction) {
  const [tenant] = await database.owner.select().from(tenants).where(eq(tenants.id, input.tenantId));
  if (!tenant) throw new AppError('not_found');
  if (tenant.state !== 'deactivated' && tenant.deactivationDueAt && tenant.deactivationDueAt > new Date()) {
    return database.owner.transaction(async (tx) => {
      await tx
        .update(tenants)
        .set({ deactivationDueAt: null, deactivationReason: null })
        .where(eq(tenants.id, input.tenantId));
      await auditInTenant(tx, input, 'tenant.deactivation_cancelled', {});
    });
  }
  await changeTenantState(database, input.tenantId, 'reactivate', actorOf(input.operator));
}

import { amsterdamDate } from '@clientbox/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Tx } from '../db/database.ts';
import { tenants } from '../db/schema.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { type OrderRow, toOrderDto } from './order-dto.ts';
import { PLATFORM_EVENTS, platformCustomerOf, publishPlatformEvent } from './platform-billing-events.ts';

/**
 * An accepted order is the contract: the tenant becomes active with exactly the ordered modules
 * and seats (a demo ends early, an expired demo comes back). Runs on the owner connection with
 * the tenant set locally, inside the caller's transaction.
 */
export async function applyAcceptedOrder(
  tx: Tx,
  order: OrderRow,
  audit: Pick<TenantContext, 'tenantId' | 'actor' | 'meta' | 'tx'>,
): Promise<void> {
  await tx
    .update(tenants)
    .set({
      // A suspended tenant stays suspended until it has paid (art. 13); a new order does not lift that.
      state: sql`CASE WHEN ${tenants.state} = 'suspended' THEN 'suspended' ELSE 'active' END`,
      modules: order.modules,
      seats: order.users,
      stateChangedAt: new Date(),
    })
    .where(eq(tenants.id, order.tenantId));
  const dto = toOrderDto(order);
  await publishPlatformEvent(tx, order.tenantId, PLATFORM_EVENTS.contractAccepted, {
    customer: await platformCustomerOf(tx, order.tenantId),
    order: { id: order.id, modules: dto.modules, users: dto.users, period: dto.period, lines: dto.lines },
    accepted_on: amsterdamDate(),
  });
  await recordAuditEvent(audit, {
    action: 'order.accepted',
    targetType: 'order',
    targetId: order.id,
    details: { modules: order.modules, seats: order.users, period: order.period },
  });
}

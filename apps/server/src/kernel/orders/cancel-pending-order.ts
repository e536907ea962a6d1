import { and, eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { tenantOrders } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, RequestMeta } from '../tenancy/tenant-context.ts';
import { toOrderDto } from './order-dto.ts';
import { PLATFORM_EVENTS, platformCustomerOf, publishPlatformEvent } from './platform-billing-events.ts';

/**
 * Art. 14: an order cancelled before delivery — while it waits for acceptance — is withdrawn, and
 * the operator's billing invoices 10% of its price for the ordered period as compensation.
 */
export async function cancelPendingOrder(
  database: Database,
  input: { tenantId: string; orderId: string; reason?: string; actor: Actor; meta: RequestMeta },
) {
  return database.owner.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(tenantOrders)
      .where(and(eq(tenantOrders.tenantId, input.tenantId), eq(tenantOrders.id, input.orderId)))
      .for('update');
    if (!order) throw new AppError('not_found');
    if (order.status !== 'pending') throw new AppError('order_not_pending');
    const [withdrawn] = await tx
      .update(tenantOrders)
      .set({ status: 'withdrawn', decidedAt: new Date(), refusalReason: input.reason ?? null })
      .where(and(eq(tenantOrders.tenantId, input.tenantId), eq(tenantOrders.id, input.orderId)))
      .returning();
    const dto = toOrderDto(withdrawn!);
    await publishPlatformEvent(tx, input.tenantId, PLATFORM_EVENTS.orderCancelled, {
      customer: await platformCustomerOf(tx, input.tenantId),
      order: { id: dto.id, period: dto.period, period_total: dto.period_total, lines: dto.lines },
      reason: input.reason ?? null,
    });
    await tx.execute(sql`SELECT set_config('app.tenant_id', ${input.tenantId}, true)`);
    await recordAuditEvent(
      { tenantId: input.tenantId, actor: input.actor, meta: input.meta, tx },
      { action: 'order.cancelled', targetType: 'order', targetId: order.id, details: { reason: input.reason ?? null } },
    );
    return withdrawn!;
  });
}

import { and, eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { tenantOrders, tenants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, RequestMeta } from '../tenancy/tenant-context.ts';
import { applyAcceptedOrder } from './apply-accepted-order.ts';
import type { OrderRow } from './order-dto.ts';

/** Art. 6: the operator accepts an order from the review queue, or refuses it with a reason. */
export async function decideOrder(
  database: Database,
  input: {
    tenantId: string;
    orderId: string;
    decision: 'accept' | 'refuse';
    reason?: string | undefined;
    operator: { id: string; name: string };
    meta: RequestMeta;
  },
): Promise<OrderRow> {
  return database.owner.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update');
    const [order] = await tx
      .select()
      .from(tenantOrders)
      .where(and(eq(tenantOrders.tenantId, input.tenantId), eq(tenantOrders.id, input.orderId)))
      .for('update');
    if (!tenant || !order) throw new AppError('not_found');
    if (order.status !== 'pending') throw new AppError('order_not_pending');
    if (input.decision === 'accept' && tenant.state === 'deactivated') throw new AppError('tenant_deactivated');
    const [decided] = await tx
      .update(tenantOrders)
      .set({
        status: input.decision === 'accept' ? 'accepted' : 'refused',
        decidedAt: new Date(),
        decidedBy: input.operator.id,
        refusalReason: input.decision === 'refuse' ? (input.reason ?? null) : null,
      })
      .where(and(eq(tenantOrders.tenantId, input.tenantId), eq(tenantOrders.id, input.orderId)))
      .returning();
    await tx.execute(sql`SELECT set_config('app.tenant_id', ${input.tenantId}, true)`);
    const actor: Actor = { type: 'operator', id: input.operator.id, name: input.operator.name };
    const audit = { tenantId: input.tenantId, actor, meta: input.meta, tx };
    if (input.decision === 'accept') await applyAcceptedOrder(tx, decided!, audit);
    else
      await recordAuditEvent(audit, {
        action: 'order.refused',
        targetType: 'order',
        targetId: order.id,
        details: { reason: input.reason ?? null },
      });
    return decided!;
  });
}

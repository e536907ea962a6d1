import { BASE_MODULES, type ModuleName, type PlaceOrder, type PriceItem } from '@clientbox/contracts';
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import {
  invitations,
  memberships,
  priceChangeNotices,
  priceList,
  tenantOrders,
  tenants,
  termsAcceptances,
} from '../db/schema.ts';
import { pricesOn } from '../entitlements/price-list.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, RequestMeta } from '../tenancy/tenant-context.ts';
import { termsInForce } from '../terms/terms.ts';
import { applyAcceptedOrder } from './apply-accepted-order.ts';
import type { OrderRow } from './order-dto.ts';
import { getPlatformSetting } from './platform-settings.ts';

const today = () => new Date().toISOString().slice(0, 10);

export interface PlaceOrderInput {
  tenantId: string;
  userId: string;
  actor: Actor;
  meta: RequestMeta;
  order: PlaceOrder;
}

/**
 * Terms art. 6, 10, 11: the owner places (or changes) the order. The prices in force today and
 * the terms in force are stored with it. Without the operator's review queue it is accepted at
 * once and becomes the contract; with it, it waits and the current contract (or demo) stays.
 * A pending order is replaced by a newer one.
 */
export async function placeOrder(database: Database, input: PlaceOrderInput): Promise<OrderRow> {
  const addOns = [...new Set(input.order.modules)].filter((name) => !BASE_MODULES.includes(name)).sort();
  return database.owner.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update');
    if (!tenant) throw new AppError('not_found');
    if (tenant.state === 'deactivated') throw new AppError('tenant_deactivated');
    // Every person in the tenant and every open invitation needs a seat (art. 11).
    const [members] = await tx
      .select({ total: count() })
      .from(memberships)
      .where(eq(memberships.tenantId, input.tenantId));
    const [pending] = await tx
      .select({ total: count() })
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, input.tenantId),
          eq(invitations.status, 'pending'),
          gt(invitations.expiresAt, new Date()),
        ),
      );
    const needed = (members?.total ?? 0) + (pending?.total ?? 0);
    if (input.order.users < needed) {
      throw new AppError('order_users_below_members', {
        detail: `The tenant has ${members?.total} users and ${pending?.total} open invitations; order at least ${needed} users or cancel invitations.`,
        fields: [{ field: 'users', code: 'order_users_below_members', message: `at least ${needed}` }],
      });
    }
    const prices = await pricesOn(tx, today());
    const items: PriceItem[] = ['base', 'extra_user', ...addOns.map((name): PriceItem => `module:${name}`)];
    const agreedPrices: Record<string, string> = {};
    let monthlyCents = 0n;
    for (const item of items) {
      const price = prices.get(item);
      if (!price) throw new AppError('conflict', { detail: `The price list has no price for ${item}.` });
      agreedPrices[item] = price.monthlyCents.toString();
    }
    monthlyCents += BigInt(agreedPrices.base!) + BigInt(agreedPrices.extra_user!) * BigInt(input.order.users - 1);
    for (const name of addOns) monthlyCents += BigInt(agreedPrices[`module:${name}`]!);
    const terms = await termsInForce(tx);
    if (!terms) throw new AppError('service_unavailable', { detail: 'No terms version is in force.' });

    const isReviewed = await getPlatformSetting(tx, 'orders.review_queue');
    await tx
      .update(tenantOrders)
      .set({ status: 'withdrawn', decidedAt: new Date() })
      .where(and(eq(tenantOrders.tenantId, input.tenantId), eq(tenantOrders.status, 'pending')));
    const [order] = await tx
      .insert(tenantOrders)
      .values({
        tenantId: input.tenantId,
        status: isReviewed ? 'pending' : 'accepted',
        modules: [...BASE_MODULES, ...addOns] as ModuleName[],
        users: input.order.users,
        period: input.order.period,
        agreedPrices,
        monthlyCents,
        termsVersion: terms.version,
        placedBy: input.userId,
        placedByName: input.actor.name,
        decidedAt: isReviewed ? null : new Date(),
      })
      .returning();

    // The tables below force row-level security even for their owner: act within the tenant.
    await tx.execute(sql`SELECT set_config('app.tenant_id', ${input.tenantId}, true)`);
    await tx
      .insert(termsAcceptances)
      .values({ tenantId: input.tenantId, termsVersionId: terms.id, acceptedBy: input.userId, ip: input.meta.ip });
    // Price changes already announced for a later date are part of what the owner saw when ordering.
    const coming = await tx
      .select({ id: priceList.id })
      .from(priceList)
      .where(and(gt(priceList.validFrom, today()), inArray(priceList.item, items)));
    if (coming.length > 0)
      await tx
        .insert(priceChangeNotices)
        .values(coming.map((price) => ({ tenantId: input.tenantId, priceId: price.id })))
        .onConflictDoNothing();
    const audit = { tenantId: input.tenantId, actor: input.actor, meta: input.meta, tx };
    await recordAuditEvent(audit, {
      action: 'order.placed',
      targetType: 'order',
      targetId: order!.id,
      details: {
        modules: order!.modules,
        users: order!.users,
        period: order!.period,
        monthly_cents: monthlyCents.toString(),
        terms_version: terms.version,
        status: order!.status,
      },
    });
    if (!isReviewed) await applyAcceptedOrder(tx, order!, audit);
    return order!;
  });
}

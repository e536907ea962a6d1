import { type Order, type PriceItem, priceOrder } from '@clientbox/contracts';
import type { tenantOrders } from '../db/schema.ts';

export type OrderRow = typeof tenantOrders.$inferSelect;

export function agreedPricesOf(row: Pick<OrderRow, 'agreedPrices'>): Map<PriceItem, bigint> {
  return new Map(Object.entries(row.agreedPrices).map(([item, cents]) => [item as PriceItem, BigInt(cents)]));
}

/** An order as the tenant and the operator see it: priced with the prices agreed at the order. */
export function toOrderDto(row: OrderRow): Order {
  const priced = priceOrder(agreedPricesOf(row), {
    modules: row.modules as Order['modules'],
    users: row.users,
    period: row.period,
  });
  return {
    object: 'order',
    id: row.id,
    status: row.status,
    modules: row.modules as Order['modules'],
    users: row.users,
    period: row.period,
    lines: priced.lines.map((line) => ({ item: line.item, quantity: line.quantity, monthly: line.monthly })),
    monthly_total: priced.monthly_total,
    period_total: priced.period_total,
    terms_version: row.termsVersion,
    placed_at: row.placedAt.toISOString(),
    placed_by_name: row.placedByName,
    decided_at: row.decidedAt?.toISOString() ?? null,
    refusal_reason: row.refusalReason,
  };
}

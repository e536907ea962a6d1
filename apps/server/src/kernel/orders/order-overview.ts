import type { OrderOverview, PriceItem } from '@clientbox/contracts';
import { formatAmount } from '@clientbox/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { priceChangeNotices, priceList, tenantOrders, tenants } from '../db/schema.ts';
import { announcedChanges } from './contract-prices.ts';
import { agreedPricesOf, type OrderRow, toOrderDto } from './order-dto.ts';

/** The latest accepted order of a tenant: its contract. */
export async function findContract(db: Db, tenantId: string): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(tenantOrders)
    .where(and(eq(tenantOrders.tenantId, tenantId), eq(tenantOrders.status, 'accepted')))
    .orderBy(desc(tenantOrders.placedAt))
    .limit(1);
  return row ?? null;
}

/**
 * What the order screen shows: the contract with the prices agreed at the order and any
 * announced change with the date it applies (art. 11), a pending order and the last refusal, and
 * the day the account will be deactivated once it is cancelled (art. 8) or deactivated (art. 15).
 */
export async function getOrderOverview(db: Db, tenantId: string): Promise<OrderOverview> {
  const rows = await db
    .select()
    .from(tenantOrders)
    .where(eq(tenantOrders.tenantId, tenantId))
    .orderBy(desc(tenantOrders.placedAt))
    .limit(20);
  const contract = rows.find((row) => row.status === 'accepted') ?? null;
  const pending = rows.find((row) => row.status === 'pending') ?? null;
  const refused = rows.find((row) => row.status === 'refused' && (!contract || row.placedAt > contract.placedAt));
  const [tenant] = await db
    .select({ requested: tenants.requestedOrder, deactivationDueAt: tenants.deactivationDueAt })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return {
    object: 'order_overview',
    contract: contract ? toOrderDto(contract) : null,
    pending: pending ? toOrderDto(pending) : null,
    refused: refused ? toOrderDto(refused) : null,
    requested: (tenant?.requested as OrderOverview['requested']) ?? null,
    price_changes: contract ? await contractPriceChanges(db, contract) : [],
    deactivation_due_at: tenant?.deactivationDueAt?.toISOString() ?? null,
  };
}

export async function contractPriceChanges(db: Db, contract: OrderRow): Promise<OrderOverview['price_changes']> {
  const agreed = agreedPricesOf(contract);
  const notices = await db
    .select({ priceId: priceChangeNotices.priceId, sentAt: priceChangeNotices.sentAt })
    .from(priceChangeNotices)
    .where(eq(priceChangeNotices.tenantId, contract.tenantId));
  if (notices.length === 0) return [];
  const prices = await db
    .select()
    .from(priceList)
    .where(
      inArray(
        priceList.id,
        notices.map((notice) => notice.priceId),
      ),
    );
  const changes = announcedChanges(
    agreed as Map<string, bigint>,
    contract.placedAt.toISOString().slice(0, 10),
    prices,
    new Map(notices.map((notice) => [notice.priceId, notice.sentAt])),
  );
  return changes.map((change) => ({
    item: change.item as PriceItem,
    monthly: formatAmount(change.monthlyCents),
    applies_from: change.appliesFrom,
    announced_at: change.announcedAt.toISOString(),
  }));
}

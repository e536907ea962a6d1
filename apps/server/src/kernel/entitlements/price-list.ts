import type { PriceItem } from '@clientbox/contracts';
import { desc, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { priceList } from '../db/schema.ts';

/** Each item's monthly price in force on `on` (the newest row whose date has come). */
export async function pricesOn(
  db: Db,
  on: string,
): Promise<Map<PriceItem, { monthlyCents: bigint; validFrom: string }>> {
  const rows = await db.select().from(priceList).where(lte(priceList.validFrom, on)).orderBy(desc(priceList.validFrom));
  const prices = new Map<PriceItem, { monthlyCents: bigint; validFrom: string }>();
  for (const row of rows) {
    if (!prices.has(row.item as PriceItem))
      prices.set(row.item as PriceItem, { monthlyCents: row.monthlyCents, validFrom: row.validFrom });
  }
  return prices;
}

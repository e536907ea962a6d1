import { BASE_MODULES, formatMoney, MODULE_NAMES, parseAmount } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { translate } from '../i18n/index.ts';
import type { Kernel } from '../kernel.ts';
import { priceChangeNotices, priceList } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { addOneMonth } from '../orders/contract-prices.ts';
import { tenantOwners } from '../orders/tenant-owners.ts';

const PRICE_ITEMS = new Set([
  'base',
  'extra_user',
  ...MODULE_NAMES.filter((name) => !BASE_MODULES.includes(name)).map((name) => `module:${name}`),
]);

export function priceItemLabel(locale: 'nl' | 'en', item: string): string {
  if (item.startsWith('module:')) return translate(locale, `module.${item.slice(7)}` as never);
  return translate(locale, `price_item.${item}` as never);
}

/**
 * Art. 11: a price change is a new dated price, at least one month ahead. Every tenant whose
 * contract has the item is told now by e-mail; its agreed price stays until the new date.
 */
export async function addPriceChange(
  kernel: Pick<Kernel, 'database' | 'sendMail' | 'config'>,
  input: { item: string; monthly: string; validFrom: string; note?: string | undefined },
): Promise<{ id: string; notified_tenants: number }> {
  if (!PRICE_ITEMS.has(input.item))
    throw new AppError('validation_failed', {
      fields: [{ field: 'item', code: 'invalid_price_item', message: 'unknown price item' }],
    });
  const earliest = addOneMonth(new Date());
  if (input.validFrom < earliest)
    throw new AppError('price_change_too_soon', {
      detail: `A price change can take effect on ${earliest} at the earliest.`,
      params: { date: earliest },
      fields: [
        {
          field: 'valid_from',
          code: 'price_change_too_soon',
          message: `on or after ${earliest}`,
          params: { date: earliest },
        },
      ],
    });
  const monthlyCents = parseAmount(input.monthly);
  const db = kernel.database.owner;
  const [price] = await db
    .insert(priceList)
    .values({ item: input.item, monthlyCents, validFrom: input.validFrom, note: input.note ?? null })
    .onConflictDoNothing()
    .returning();
  if (!price) throw new AppError('conflict', { detail: `${input.item} has a price from ${input.validFrom} already.` });

  const contracts = (
    (await db.execute(sql`
      SELECT DISTINCT ON (o.tenant_id) o.tenant_id, o.agreed_prices
        FROM tenant_orders o JOIN tenants t ON t.id = o.tenant_id
       WHERE o.status = 'accepted' AND t.state <> 'deactivated'
       ORDER BY o.tenant_id, o.placed_at DESC`)) as unknown as {
      rows: { tenant_id: string; agreed_prices: Record<string, string> }[];
    }
  ).rows.filter((row) => row.agreed_prices[input.item] !== undefined);

  for (const contract of contracts) {
    const [notice] = await db
      .insert(priceChangeNotices)
      .values({ tenantId: contract.tenant_id, priceId: price.id })
      .onConflictDoNothing()
      .returning();
    if (!notice) continue;
    const before = BigInt(contract.agreed_prices[input.item]!);
    for (const owner of await tenantOwners(db, contract.tenant_id)) {
      await kernel.sendMail(owner.email, owner.locale, 'price_change', {
        name: owner.name,
        tenant_name: owner.tenantName,
        changes: `${priceItemLabel(owner.locale, input.item)}: ${formatMoney(before, owner.locale)} → ${formatMoney(monthlyCents, owner.locale)}`,
        applies_from: input.validFrom,
        url: `${kernel.config.publicBaseUrl}/order`,
      });
    }
  }
  return { id: price.id, notified_tenants: contracts.length };
}

import { z } from 'zod';
import { formatAmount } from '../money/money.ts';
import { BASE_MODULES, type ModuleName, moduleName } from './modules.ts';

/** Terms art. 11: the base package, each add-on module and each extra user, per month, EUR excl. VAT. */
export type PriceItem = 'base' | 'extra_user' | `module:${ModuleName}`;
export const billingPeriod = z.enum(['month', 'quarter', 'year']);
export type BillingPeriod = z.infer<typeof billingPeriod>;
const MONTHS: Record<BillingPeriod, bigint> = { month: 1n, quarter: 3n, year: 12n };

export const priceQuoteQuery = z.strictObject({
  modules: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? value
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(moduleName)),
  users: z.coerce.number().int().min(1).max(10_000).default(1),
  period: billingPeriod.default('month'),
  on: z.iso.date({ message: 'invalid_date' }).optional(),
});

export interface PriceLine {
  item: PriceItem;
  quantity: number;
  monthly: string;
  amount: string;
}

/**
 * The price of an order: base package + ordered add-on modules + users beyond the one in the
 * base package, per month, and for the billing period (a quarter is 3 months, a year 12).
 */
export function priceOrder(
  monthlyCents: ReadonlyMap<PriceItem, bigint>,
  order: { modules: ModuleName[]; users: number; period: BillingPeriod },
) {
  const price = (item: PriceItem) => {
    const cents = monthlyCents.get(item);
    if (cents === undefined) throw new Error(`no price for ${item}`);
    return cents;
  };
  const addOns = [...new Set(order.modules)].filter((name) => !BASE_MODULES.includes(name));
  const wanted: [PriceItem, number][] = [
    ['base', 1],
    ...addOns.map((name): [PriceItem, number] => [`module:${name}`, 1]),
    ...(order.users > 1 ? [['extra_user', order.users - 1] as [PriceItem, number]] : []),
  ];
  const lines: PriceLine[] = wanted.map(([item, quantity]) => ({
    item,
    quantity,
    monthly: formatAmount(price(item)),
    amount: formatAmount(price(item) * BigInt(quantity)),
  }));
  const monthly = wanted.reduce((total, [item, quantity]) => total + price(item) * BigInt(quantity), 0n);
  return {
    currency: 'EUR' as const,
    excluding_vat: true,
    period: order.period,
    lines,
    monthly_total: formatAmount(monthly),
    period_total: formatAmount(monthly * MONTHS[order.period]),
  };
}

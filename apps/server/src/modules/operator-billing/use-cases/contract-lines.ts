import { type BillingPeriod, formatAmount, parseAmount } from '@clientbox/contracts';
import { translate } from '../../../kernel/i18n/index.ts';
import type { PlatformOrderLine } from '../../../kernel/orders/platform-billing-events.ts';

export const PERIOD_MONTHS: Record<BillingPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The Dutch name of an item of the price list (art. 26: Dutch is the language of dealings). */
export function itemDescription(item: string): string {
  if (item === 'base') return 'Basispakket (1 gebruiker, CRM, HRM)';
  if (item === 'extra_user') return 'Extra gebruiker';
  const module = item.replace(/^module:/, '');
  return `Module ${translate('nl', `module.${module}` as never)}`;
}

/**
 * The subscription lines of a contract (art. 11, 12): each item at its agreed monthly price
 * times the months of the chosen period, 21% VAT (prices are excl. VAT).
 */
export function subscriptionLinesOf(lines: PlatformOrderLine[], period: BillingPeriod) {
  return lines.map((line) => ({
    kind: 'item' as const,
    description: itemDescription(line.item),
    quantity: String(line.quantity),
    unit_price: formatAmount(parseAmount(line.monthly) * BigInt(PERIOD_MONTHS[period])),
    vat_rate: '21',
  }));
}

import { divideHalfUp, formatDecimal, parseDecimal } from '../money/decimal.ts';
import { formatUnitPrice, parseUnitPrice } from '../money/money.ts';

export interface Margin {
  /** Sale price minus purchase price, 4 decimals like the prices. */
  amount: string;
  /** The margin as a share of the sale price (gross margin), 2 decimals; null for a sale price of 0. */
  percent: string | null;
}

/**
 * Gross margin of a product: what is left of the sale price after the purchase price, as an
 * amount and as a percentage of the sale price (not of the cost: that would be the mark-up).
 * Null without a purchase price. Exact: bigint in 1/10,000 euro, the percentage rounded half up.
 */
export function productMargin(unitPrice: string, purchasePrice: string | null | undefined): Margin | null {
  if (purchasePrice === null || purchasePrice === undefined || purchasePrice.trim() === '') return null;
  const sale = parseUnitPrice(unitPrice);
  const cost = parseUnitPrice(purchasePrice);
  const amount = sale - cost;
  // percent × 100 (2 decimals) = amount × 10,000 / sale
  const percent = sale === 0n ? null : formatDecimal(divideHalfUp(amount * 10_000n, sale), 2);
  return { amount: formatUnitPrice(amount), percent };
}

/** The same for input that may still be incomplete (a form being typed): null when either price is not a price. */
export function tryProductMargin(unitPrice: string, purchasePrice: string): Margin | null {
  try {
    parseDecimal(unitPrice, 4);
    return productMargin(unitPrice, purchasePrice);
  } catch {
    return null;
  }
}

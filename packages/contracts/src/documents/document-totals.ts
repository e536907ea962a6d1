import { divideHalfUp, parseDecimal, pow10 } from '../money/decimal.ts';
import {
  type Cents,
  CENTS_SCALE,
  PERCENT_SCALE,
  parseAmount,
  parseQuantity,
  parseUnitPrice,
  percentOf,
  QUANTITY_SCALE,
  sum,
  UNIT_PRICE_SCALE,
} from '../money/money.ts';
import { normalizePercent, type VatCategory } from '../products/vat-rates.ts';

/**
 * The one place where a quote, invoice or credit note gets its amounts (domain rules §2.3):
 * the web preview, the API, the PDF and the UBL all call `computeDocumentTotals`.
 */

export type DocumentLineKind = 'item' | 'text' | 'heading';

export interface TotalsLineInput {
  kind: DocumentLineKind;
  /** Decimal strings as the API takes them: quantity and unit price up to 4 decimals. */
  quantity: string;
  unit_price: string;
  /** Percentage ("21", "9", "0"), or null for category O (outside the scope of VAT). */
  vat_rate: string | null;
  vat_category: VatCategory;
  /** A line discount as a percentage of quantity × price, or as an amount (not both). */
  discount_percent?: string | null;
  discount_amount?: string | null;
  /** An optional quote line the customer has not ticked counts for nothing. */
  is_excluded?: boolean;
}

export interface LineAmounts {
  /** Quantity × price before the line discount, rounded to cents (shown, not summed). */
  gross: Cents;
  /** The line allowance (EN 16931 BG-27). */
  discount: Cents;
  /** BT-131: roundHalfUp(quantity × price − discount) (PEPPOL-EN16931-R120). */
  net: Cents;
}

export interface VatGroup {
  category: VatCategory;
  /** Null for O only. */
  rate: string | null;
  /** Σ line nets of the group (before the document discount). */
  lines_total: Cents;
  /** The document discount's share of this group (BG-20 per category and rate). */
  discount: Cents;
  /** BT-116 = lines_total − discount. */
  base: Cents;
  /** BT-117 = roundHalfUp(base × rate / 100): the only VAT rounding (BR-S-09, BR-CO-17). */
  vat: Cents;
}

export interface DocumentTotals {
  /** Per input line, in input order; text and heading lines are all zero. */
  lines: LineAmounts[];
  /** Groups in a stable order: category, then rate descending (21 before 9). */
  vat_breakdown: VatGroup[];
  /** BT-106: Σ line nets. */
  lines_total: Cents;
  /** BT-107: Σ document allowances. */
  discount_total: Cents;
  /** BT-109 = BT-106 − BT-107. */
  total_excl_vat: Cents;
  /** BT-110: Σ group VAT. */
  total_vat: Cents;
  /** BT-112 = BT-109 + BT-110. */
  total_incl_vat: Cents;
}

const EXACT_SCALE = QUANTITY_SCALE + UNIT_PRICE_SCALE;
const TO_CENTS = pow10(EXACT_SCALE - CENTS_SCALE);

export function computeLineAmounts(line: TotalsLineInput): LineAmounts {
  if (line.kind !== 'item' || line.is_excluded) return { gross: 0n, discount: 0n, net: 0n };
  // Exact product in 10^-8 euro; rounded only where a rule says so.
  const exact = parseQuantity(line.quantity) * parseUnitPrice(line.unit_price);
  const gross = divideHalfUp(exact, TO_CENTS);
  let discount = 0n;
  if (line.discount_percent)
    discount = divideHalfUp(
      exact * parseDecimal(line.discount_percent, PERCENT_SCALE),
      TO_CENTS * 100n * pow10(PERCENT_SCALE),
    );
  else if (line.discount_amount) discount = parseAmount(line.discount_amount);
  const net = divideHalfUp(exact - discount * TO_CENTS, TO_CENTS);
  return { gross, discount, net };
}

const CATEGORY_ORDER: readonly VatCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];

/**
 * Totals of a document: line nets, then per (category, rate) the base after the document
 * discount and its VAT, then the document totals. `discount_percent` is a discount on the whole
 * document, applied per VAT group so each group's base and VAT stay exact (domain rules §2.3:
 * 5% on a 21% group of 384.50 → allowance 19.23, base 365.27, VAT 76.71).
 */
export function computeDocumentTotals(document: {
  lines: readonly TotalsLineInput[];
  discount_percent?: string | null;
}): DocumentTotals {
  const lines = document.lines.map(computeLineAmounts);
  const groups = new Map<string, VatGroup>();
  document.lines.forEach((line, index) => {
    if (line.kind !== 'item' || line.is_excluded) return;
    const rate = line.vat_rate === null ? null : normalizePercent(line.vat_rate);
    const key = `${line.vat_category}:${rate ?? ''}`;
    const group = groups.get(key) ?? {
      category: line.vat_category,
      rate,
      lines_total: 0n,
      discount: 0n,
      base: 0n,
      vat: 0n,
    };
    group.lines_total += lines[index]!.net;
    groups.set(key, group);
  });
  const vatBreakdown = [...groups.values()].sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
      Number(parseDecimal(b.rate ?? '0', PERCENT_SCALE) - parseDecimal(a.rate ?? '0', PERCENT_SCALE)),
  );
  for (const group of vatBreakdown) {
    group.discount = document.discount_percent ? percentOf(group.lines_total, document.discount_percent) : 0n;
    group.base = group.lines_total - group.discount;
    group.vat = group.rate === null ? 0n : percentOf(group.base, group.rate);
  }
  const linesTotal = sum(lines.map((line) => line.net));
  const discountTotal = sum(vatBreakdown.map((group) => group.discount));
  const totalVat = sum(vatBreakdown.map((group) => group.vat));
  return {
    lines,
    vat_breakdown: vatBreakdown,
    lines_total: linesTotal,
    discount_total: discountTotal,
    total_excl_vat: linesTotal - discountTotal,
    total_vat: totalVat,
    total_incl_vat: linesTotal - discountTotal + totalVat,
  };
}

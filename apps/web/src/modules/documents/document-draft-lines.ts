import {
  type Cents,
  computeDocumentTotals,
  computeLineAmounts,
  type DocumentLine,
  type DocumentLineKind,
  type DocumentTotals,
  parseAmount,
  percentInput,
  type Product,
  type TotalsLineInput,
  type VatCategory,
} from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import { decimalFromInput, priceInputValue } from '../products/product-labels.ts';

/**
 * The lines of a quote, invoice or credit note as an editor holds them, and their totals computed
 * in the browser with the function the server, the PDF and the UBL use.
 */

/** One line as the editor holds it: the texts as typed, in the person's language. */
export interface LineValues {
  /** Stable React key while lines move up and down; never sent. */
  key: string;
  kind: DocumentLineKind;
  product_id: string | null;
  product_code: string | null;
  description: string;
  quantity: string;
  unit_code: string;
  unit_price: string;
  vat_category: VatCategory;
  /** The percentage for category S ("21"); the other categories have a fixed rate. */
  vat_rate: string;
  discount_percent: string;
  /** A quote's optional item: in no total until the customer ticks it. Always false on an invoice. */
  is_optional: boolean;
}

let lastKey = 0;
const newKey = () => `line-${++lastKey}`;

/** "2.5000" → "2,5" in Dutch, "2.5" in English: a quantity or percentage without trailing zeros. */
export function decimalInputValue(value: string | null, locale: Locale): string {
  if (value === null) return '';
  const trimmed = value.includes('.') ? value.replace(/\.?0+$/, '') : value;
  return locale === 'nl' ? trimmed.replace('.', ',') : trimmed;
}

export function emptyLine(kind: DocumentLineKind, defaultRate: string): LineValues {
  return {
    key: newKey(),
    kind,
    product_id: null,
    product_code: null,
    description: '',
    quantity: '1',
    unit_code: 'C62',
    unit_price: '',
    vat_category: 'S',
    vat_rate: defaultRate,
    discount_percent: '',
    is_optional: false,
  };
}

/** A line copied from the catalogue: name, unit, price and today's VAT of the product. */
export function productLine(product: Product, locale: Locale): LineValues {
  return {
    key: newKey(),
    kind: 'item',
    product_id: product.id,
    product_code: product.code,
    description: product.name,
    quantity: '1',
    unit_code: product.unit_code,
    unit_price: priceInputValue(product.unit_price, locale),
    vat_category: product.vat_category,
    vat_rate: product.vat_rate ?? '',
    discount_percent: '',
    is_optional: false,
  };
}

/** A stored line, as the editor shows it again. */
export function lineValuesOf(line: DocumentLine & { is_optional?: boolean }, locale: Locale): LineValues {
  return {
    key: newKey(),
    kind: line.kind,
    product_id: line.product_id,
    product_code: line.product_code,
    description: line.description,
    quantity: decimalInputValue(line.quantity, locale),
    unit_code: line.unit_code,
    unit_price: priceInputValue(line.unit_price, locale),
    vat_category: line.vat_category,
    vat_rate: line.vat_rate ?? '',
    discount_percent: decimalInputValue(line.discount_percent, locale),
    is_optional: line.is_optional ?? false,
  };
}

/** The VAT rate a line sends: its percentage for S, 0% for the zero-rated categories, none for O. */
function rateOf(line: LineValues): string | null {
  if (line.vat_category === 'S') return decimalFromInput(line.vat_rate);
  return line.vat_category === 'O' ? null : '0';
}

/** A line as the API takes it (before the shared zod schema checks it); `is_optional` is the quote's to add. */
export function lineInput(line: LineValues): Record<string, unknown> {
  if (line.kind !== 'item') return { kind: line.kind, description: line.description };
  return {
    kind: 'item',
    ...(line.product_id ? { product_id: line.product_id } : {}),
    description: line.description,
    quantity: decimalFromInput(line.quantity),
    unit_code: line.unit_code,
    unit_price: decimalFromInput(line.unit_price),
    vat_category: line.vat_category,
    vat_rate: rateOf(line),
    discount_percent: decimalFromInput(line.discount_percent) || null,
  };
}

const ZERO_LINE: TotalsLineInput = { kind: 'text', quantity: '0', unit_price: '0', vat_rate: null, vat_category: 'S' };

export interface DraftPreview {
  totals: DocumentTotals;
  /** Per line its own net amount, also for an optional line that is not in the total. */
  lineTotals: Cents[];
  /** The optional lines together (excl. VAT): not in the total until the customer ticks them. */
  optionalTotal: Cents;
  /** Lines whose quantity, price, rate or discount cannot be read yet: they count for nothing. */
  unreadableLines: ReadonlySet<number>;
  isDiscountReadable: boolean;
}

/**
 * The totals as the document will have them. A line that cannot be read yet (half typed) counts
 * as zero; an optional line is left out of the total, as the server leaves it out until the
 * customer ticks it.
 */
export function previewTotals(values: { lines: readonly LineValues[]; discount_percent: string }): DraftPreview {
  const unreadableLines = new Set<number>();
  const lines = values.lines.map((line, index): TotalsLineInput => {
    if (line.kind !== 'item') return ZERO_LINE;
    const candidate: TotalsLineInput = {
      kind: 'item',
      quantity: decimalFromInput(line.quantity),
      unit_price: decimalFromInput(line.unit_price),
      vat_category: line.vat_category,
      vat_rate: rateOf(line),
      discount_percent: decimalFromInput(line.discount_percent) || null,
    };
    const isRateReadable = candidate.vat_rate === null || percentInput.safeParse(candidate.vat_rate).success;
    const isDiscountReadable =
      !candidate.discount_percent || percentInput.safeParse(candidate.discount_percent).success;
    try {
      if (!isRateReadable || !isDiscountReadable) throw new Error('unreadable');
      computeDocumentTotals({ lines: [candidate] });
      return { ...candidate, is_excluded: line.is_optional };
    } catch {
      unreadableLines.add(index);
      return ZERO_LINE;
    }
  });
  const discount = decimalFromInput(values.discount_percent);
  const isDiscountReadable = !discount || percentInput.safeParse(discount).success;
  const totals = computeDocumentTotals({ lines, discount_percent: isDiscountReadable && discount ? discount : null });
  const lineTotals = lines.map((line) => computeLineAmounts({ ...line, is_excluded: false }).net);
  const optionalTotal = lines.reduce(
    (total, line, index) => (line.is_excluded ? total + lineTotals[index]! : total),
    0n,
  );
  return { totals, lineTotals, optionalTotal, unreadableLines, isDiscountReadable };
}

/** What the totals panel shows: the live preview of a draft, or the amounts of a stored document. */
export interface TotalsSummary {
  lines_total: Cents;
  discount_total: Cents;
  discount_percent: string | null;
  total_excl_vat: Cents;
  vat_breakdown: { category: VatCategory; rate: string | null; base: Cents; vat: Cents }[];
  total_vat: Cents;
  total_incl_vat: Cents;
  amount_paid?: Cents;
  amount_due?: Cents;
}

export function summaryOfPreview(preview: DraftPreview, discountPercent: string | null): TotalsSummary {
  const { totals } = preview;
  return {
    lines_total: totals.lines_total,
    discount_total: totals.discount_total,
    discount_percent: discountPercent,
    total_excl_vat: totals.total_excl_vat,
    vat_breakdown: totals.vat_breakdown,
    total_vat: totals.total_vat,
    total_incl_vat: totals.total_incl_vat,
  };
}

/** The amounts of a document as the API presents them (decimal strings). */
export interface PresentedTotals {
  discount_percent: string | null;
  discount_total: string;
  total_excl_vat: string;
  total_vat: string;
  total_incl_vat: string;
  vat_breakdown: { vat_category: VatCategory; vat_rate: string | null; taxable_amount: string; vat_amount: string }[];
}

export function summaryOfDocument(document: PresentedTotals): TotalsSummary {
  const discount = parseAmount(document.discount_total);
  return {
    lines_total: parseAmount(document.total_excl_vat) + discount,
    discount_total: discount,
    discount_percent: document.discount_percent,
    total_excl_vat: parseAmount(document.total_excl_vat),
    vat_breakdown: document.vat_breakdown.map((group) => ({
      category: group.vat_category,
      rate: group.vat_rate,
      base: parseAmount(group.taxable_amount),
      vat: parseAmount(group.vat_amount),
    })),
    total_vat: parseAmount(document.total_vat),
    total_incl_vat: parseAmount(document.total_incl_vat),
  };
}

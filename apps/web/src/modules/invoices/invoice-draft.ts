import {
  type Cents,
  computeDocumentTotals,
  type DocumentLineKind,
  type DocumentTotals,
  type Invoice,
  parseAmount,
  percentInput,
  type Product,
  type TotalsLineInput,
  type VatCategory,
} from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { decimalFromInput, priceInputValue } from '../products/product-labels.ts';

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
}

export interface DraftValues {
  customer: PickedRelation | null;
  /** Empty: the day the invoice is finalized. */
  issue_date: string;
  supply_date: string;
  /** Empty: the customer's term. */
  payment_term_days: string;
  /** Empty: the customer's language. */
  language: '' | Locale;
  discount_percent: string;
  buyer_reference: string;
  note: string;
  lines: LineValues[];
}

let lastKey = 0;
const newKey = () => `line-${++lastKey}`;

export const EMPTY_DRAFT: DraftValues = {
  customer: null,
  issue_date: '',
  supply_date: '',
  payment_term_days: '',
  language: '',
  discount_percent: '',
  buyer_reference: '',
  note: '',
  lines: [],
};

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
  };
}

export function draftValues(invoice: Invoice, customer: PickedRelation | null, locale: Locale): DraftValues {
  return {
    customer,
    issue_date: invoice.issue_date ?? '',
    supply_date: invoice.supply_date ?? '',
    payment_term_days: String(invoice.payment_term_days),
    language: invoice.language,
    discount_percent: decimalInputValue(invoice.discount_percent, locale),
    buyer_reference: invoice.buyer_reference ?? '',
    note: invoice.note ?? '',
    lines: invoice.lines.map((line) => ({
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
    })),
  };
}

/** The VAT rate a line sends: its percentage for S, 0% for the zero-rated categories, none for O. */
function rateOf(line: LineValues): string | null {
  if (line.vat_category === 'S') return decimalFromInput(line.vat_rate);
  return line.vat_category === 'O' ? null : '0';
}

/** A line as the API takes it (before the shared zod schema checks it). */
function lineInput(line: LineValues): Record<string, unknown> {
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

/** Every field of the draft as the API takes it; an empty field is null ("not set"). */
export function draftBody(values: DraftValues): Record<string, unknown> {
  const term = values.payment_term_days.trim();
  return {
    customer_id: values.customer?.id ?? '',
    lines: values.lines.map(lineInput),
    issue_date: values.issue_date || null,
    supply_date: values.supply_date || null,
    payment_term_days: term ? Number(term) : null,
    language: values.language || null,
    discount_percent: decimalFromInput(values.discount_percent) || null,
    buyer_reference: values.buyer_reference,
    note: values.note,
  };
}

/** What changed since `original`, for a PATCH: `lines` travel whole (they replace all lines). */
export function draftChanges(values: DraftValues, original: DraftValues): Record<string, unknown> {
  const body = draftBody(values);
  const before = draftBody(original);
  return Object.fromEntries(
    Object.entries(body).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])),
  );
}

const ZERO_LINE: TotalsLineInput = { kind: 'text', quantity: '0', unit_price: '0', vat_rate: null, vat_category: 'S' };

export interface DraftPreview {
  totals: DocumentTotals;
  /** Lines whose quantity, price, rate or discount cannot be read yet: they count for nothing. */
  unreadableLines: ReadonlySet<number>;
  isDiscountReadable: boolean;
}

/**
 * The totals as the invoice will have them, computed in the browser with the same function the
 * server, the PDF and the UBL use. A line that cannot be read yet (half typed) counts as zero.
 */
export function previewTotals(values: DraftValues): DraftPreview {
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
      return candidate;
    } catch {
      unreadableLines.add(index);
      return ZERO_LINE;
    }
  });
  const discount = decimalFromInput(values.discount_percent);
  const isDiscountReadable = !discount || percentInput.safeParse(discount).success;
  const totals = computeDocumentTotals({ lines, discount_percent: isDiscountReadable && discount ? discount : null });
  return { totals, unreadableLines, isDiscountReadable };
}

/** What the totals panel shows: the live preview of a draft, or the amounts of an issued invoice. */
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

export function summaryOfInvoice(invoice: Invoice): TotalsSummary {
  const discount = parseAmount(invoice.discount_total);
  return {
    lines_total: parseAmount(invoice.total_excl_vat) + discount,
    discount_total: discount,
    discount_percent: invoice.discount_percent,
    total_excl_vat: parseAmount(invoice.total_excl_vat),
    vat_breakdown: invoice.vat_breakdown.map((group) => ({
      category: group.vat_category,
      rate: group.vat_rate,
      base: parseAmount(group.taxable_amount),
      vat: parseAmount(group.vat_amount),
    })),
    total_vat: parseAmount(invoice.total_vat),
    total_incl_vat: parseAmount(invoice.total_incl_vat),
    amount_paid: parseAmount(invoice.amount_paid),
    amount_due: parseAmount(invoice.amount_due),
  };
}

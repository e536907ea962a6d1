import { z } from 'zod';
import { clearable, timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';
import { MoneyFormatError } from '../money/decimal.ts';
import { formatUnitPrice, parseUnitPrice } from '../money/money.ts';
import { isUnitCode, UNIT_CODES } from './units.ts';
import { normalizePercent, RATE_CLASS, VAT_CATEGORIES } from './vat-rates.ts';

const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const required = (max: number) => text(max).min(1, { message: 'required' });

/** Below 10^10 euro: a bigint column in 1/10,000 euro never overflows, and a typo of zeros shows. */
const MAX_PRICE = 10n ** 14n;

/**
 * A price excl. VAT as a decimal string with at most 4 decimals ("0.1250"), never negative
 * (EN 16931 BR-27: the item net price is not negative). Answered with exactly 4 decimals.
 */
export const unitPriceInput = z.string().transform((value, ctx) => {
  if (value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  try {
    const units = parseUnitPrice(value);
    if (units < 0n) ctx.addIssue({ code: 'custom', message: 'must_not_be_negative' });
    else if (units >= MAX_PRICE) ctx.addIssue({ code: 'custom', message: 'too_large' });
    else return formatUnitPrice(units);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof MoneyFormatError ? error.code : 'invalid_amount' });
  }
  return z.NEVER;
});

/** A percentage as a decimal string, 0–100, up to 4 decimals ("21", "9", "5.5"). */
export const percentInput = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'invalid_percent' })
  .refine((value) => Number(value) <= 100, { message: 'invalid_percent' })
  .transform(normalizePercent);

export const vatCategory = z.enum(VAT_CATEGORIES, { message: 'invalid_vat_category' });
export const vatRateClassInput = z.string().trim().regex(RATE_CLASS, { message: 'invalid_rate_class' });
export const unitCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isUnitCode, { message: 'invalid_unit_code' })
  .meta({ enum: UNIT_CODES, description: 'UN/ECE Recommendation 20 unit code' });
export const recurringPeriod = z.enum(['month', 'quarter', 'year'], { message: 'invalid_recurring_period' });
export type RecurringPeriod = z.infer<typeof recurringPeriod>;
const isoDate = z.iso.date({ message: 'invalid_date' });

/**
 * What a category allows (domain rules §2.1): S names a rate class (chosen by `vat_rate_class`,
 * or by today's percentage in `vat_rate`); Z, E, AE, K and G are 0%; O has no rate at all.
 * Whether the class or percentage exists for the tenant is checked by the server.
 */
export function vatChoiceIssues(choice: {
  vat_category: string;
  vat_rate?: string | null | undefined;
  vat_rate_class?: string | null | undefined;
}): { field: 'vat_rate' | 'vat_rate_class'; code: string }[] {
  const issues: { field: 'vat_rate' | 'vat_rate_class'; code: string }[] = [];
  if (choice.vat_category === 'S') return issues;
  if (choice.vat_rate_class) issues.push({ field: 'vat_rate_class', code: 'vat_rate_class_only_for_standard' });
  const rate = choice.vat_rate ?? null;
  if (choice.vat_category === 'O' && rate !== null) issues.push({ field: 'vat_rate', code: 'vat_rate_not_allowed' });
  else if (rate !== null && Number(rate) !== 0) issues.push({ field: 'vat_rate', code: 'vat_rate_must_be_zero' });
  return issues;
}

const productFields = {
  code: required(50),
  name: required(200),
  description: clearable(text(2000)),
  unit_code: unitCodeInput,
  unit_price: unitPriceInput,
  purchase_price: clearable(unitPriceInput),
  vat_category: vatCategory,
  /** Category S: the percentage today, which picks the rate class (9 → reduced). */
  vat_rate: percentInput.nullable().optional(),
  /** Category S: the rate class itself; wins over `vat_rate` when both are sent. */
  vat_rate_class: vatRateClassInput.nullable().optional(),
  revenue_account: clearable(text(20)),
  category: clearable(text(100)),
  recurring_period: recurringPeriod.nullable().optional(),
};

export const createProduct = z
  .strictObject({
    ...productFields,
    unit_code: productFields.unit_code.default('C62'),
    vat_category: productFields.vat_category.default('S'),
  })
  .superRefine((value, ctx) => {
    for (const issue of vatChoiceIssues(value))
      ctx.addIssue({ code: 'custom', message: issue.code, path: [issue.field] });
  });
export type CreateProduct = z.infer<typeof createProduct>;

/** Only the fields sent change; null or "" clears an optional field. */
export const updateProduct = z.strictObject({
  code: productFields.code.optional(),
  name: productFields.name.optional(),
  description: productFields.description,
  unit_code: productFields.unit_code.optional(),
  unit_price: productFields.unit_price.optional(),
  purchase_price: productFields.purchase_price,
  vat_category: productFields.vat_category.optional(),
  vat_rate: productFields.vat_rate,
  vat_rate_class: productFields.vat_rate_class,
  revenue_account: productFields.revenue_account,
  category: productFields.category,
  recurring_period: productFields.recurring_period,
});
export type UpdateProduct = z.infer<typeof updateProduct>;

export const productMarginSchema = z.object({ amount: z.string(), percent: z.string().nullable() });

export const product = z.object({
  object: z.literal('product'),
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit_code: z.string(),
  unit_price: z.string(),
  purchase_price: z.string().nullable(),
  currency: z.literal('EUR'),
  /** Sale minus purchase price, and that as a percentage of the sale price; null without a purchase price. */
  margin: productMarginSchema.nullable(),
  vat_category: vatCategory,
  /** The percentage on `vat_rate_on` (today unless `?on=` asks another date); null for category O. */
  vat_rate: z.string().nullable(),
  vat_rate_class: z.string().nullable(),
  vat_rate_on: isoDate,
  revenue_account: z.string().nullable(),
  category: z.string().nullable(),
  recurring_period: recurringPeriod.nullable(),
  archived: z.boolean(),
  archived_at: timestamp.nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Product = z.infer<typeof product>;

const flag = z.enum(['true', 'false'], { message: 'invalid_boolean' }).transform((value) => value === 'true');

export const PRODUCT_SORTS = [
  'name',
  '-name',
  'code',
  '-code',
  'unit_price',
  '-unit_price',
  'updated_at',
  '-updated_at',
] as const;
export const productSort = z.enum(PRODUCT_SORTS, { message: 'invalid_sort' });
export type ProductSort = z.infer<typeof productSort>;

/** The filters of the list, shared by the list and the CSV/XLSX export. */
const productFilters = {
  /** Code or name, typo tolerant; without `sort` the best matches come first. */
  q: z.string().trim().max(100, { message: 'too_long' }).optional(),
  /** true: not archived (what pickers offer); false: archived only; absent: both. */
  active: flag.optional(),
  category: z.string().trim().max(100, { message: 'too_long' }).optional(),
  /** true: products with a recurring period; false: one-off products. */
  recurring: flag.optional(),
  sort: productSort.optional(),
};

export const productListQuery = listQuery.extend({
  ...productFilters,
  starting_after: z.uuid({ message: 'invalid_id' }).optional(),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const productExportQuery = z.strictObject({
  ...productFilters,
  format: z.enum(['csv', 'xlsx'], { message: 'invalid_export_format' }).default('csv'),
});
export type ProductExportQuery = z.infer<typeof productExportQuery>;

export const productQuery = z.strictObject({
  /** Show `vat_rate` as on this date of supply (YYYY-MM-DD) instead of today. */
  on: isoDate.optional(),
});

export const productCategory = z.object({ name: z.string(), count: z.number().int() });

export const vatRate = z.object({
  object: z.literal('vat_rate'),
  id: z.uuid(),
  rate_class: z.string(),
  percent: z.string(),
  valid_from: isoDate,
  note: z.string().nullable(),
  created_at: timestamp,
});
export type VatRate = z.infer<typeof vatRate>;

/** A new dated rate: from `valid_from` on it applies to every product of the class, without editing them. */
export const createVatRate = z.strictObject({
  rate_class: vatRateClassInput,
  percent: percentInput,
  valid_from: isoDate,
  note: clearable(text(200)),
});
export type CreateVatRate = z.infer<typeof createVatRate>;

import { z } from 'zod';
import { MoneyFormatError } from '../money/decimal.ts';
import { formatAmount, parseAmount, parseQuantity } from '../money/money.ts';
import { percentInput, unitCodeInput, unitPriceInput, vatCategory } from '../products/products.schemas.ts';

/** Up to 10^9 units: enough for any real line, and a typo of zeros shows. */
const MAX_QUANTITY = 10n ** 13n;

/**
 * A quantity as a decimal string with up to 4 decimals ("2.5"). Never zero or negative: a
 * return or correction is a credit note, a reduction a discount (so every total stays a sum of
 * positive lines, as a customer reads it).
 */
export const quantityInput = z.string().transform((value, ctx) => {
  try {
    const units = parseQuantity(value);
    if (units <= 0n) ctx.addIssue({ code: 'custom', message: 'must_be_positive' });
    else if (units >= MAX_QUANTITY) ctx.addIssue({ code: 'custom', message: 'too_large' });
    else return value.trim().replace(/^\+/, '');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof MoneyFormatError ? error.code : 'invalid_amount' });
  }
  return z.NEVER;
});

/** An amount in euro with up to 2 decimals, not negative ("15.50"). */
export const amountInput = z.string().transform((value, ctx) => {
  try {
    const cents = parseAmount(value);
    if (cents < 0n) ctx.addIssue({ code: 'custom', message: 'must_not_be_negative' });
    else return formatAmount(cents);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof MoneyFormatError ? error.code : 'invalid_amount' });
  }
  return z.NEVER;
});

const documentLineShape = {
  kind: z.enum(['item', 'text', 'heading'], { message: 'invalid_line_kind' }).default('item'),
  product_id: z.uuid({ message: 'invalid_id' }).nullable().optional(),
  description: z.string().trim().max(2000, { message: 'too_long' }).optional(),
  quantity: quantityInput.optional(),
  unit_code: unitCodeInput.optional(),
  unit_price: unitPriceInput.optional(),
  vat_rate: percentInput.nullable().optional(),
  vat_category: vatCategory.optional(),
  discount_percent: percentInput.nullable().optional(),
  discount_amount: amountInput.nullable().optional(),
};

interface CheckedLine {
  kind: string;
  description?: string;
  discount_percent?: string | null;
  discount_amount?: string | null;
}

function checkDocumentLine(line: CheckedLine, ctx: z.RefinementCtx) {
  if (line.discount_percent && line.discount_amount)
    ctx.addIssue({ code: 'custom', message: 'one_discount_only', path: ['discount_amount'] });
  if (line.kind !== 'item' && !line.description)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['description'] });
}

/**
 * One line of a quote, invoice or credit note as the API takes it. `product_id` copies code,
 * description, unit, price and VAT from the catalogue for what is not sent; text lines and
 * headings carry only a description.
 */
export const documentLineInput = z.strictObject(documentLineShape).superRefine(checkDocumentLine);
/** The same line with extra fields of its own (a subscription line's `line_key`). */
export const documentLineInputWith = <T extends z.ZodRawShape>(extra: T) =>
  z
    .strictObject({ ...documentLineShape, ...extra })
    .superRefine((line, ctx) => checkDocumentLine(line as CheckedLine, ctx));
export type DocumentLineInput = z.infer<typeof documentLineInput>;

export const documentLine = z.object({
  kind: z.enum(['item', 'text', 'heading']),
  product_id: z.uuid().nullable(),
  product_code: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  unit_code: z.string(),
  unit_price: z.string(),
  vat_rate: z.string().nullable(),
  vat_category: vatCategory,
  discount_percent: z.string().nullable(),
  discount_amount: z.string().nullable(),
  /** Computed: quantity × price − discount, rounded to cents (decimal string). */
  line_total: z.string(),
});
export type DocumentLine = z.infer<typeof documentLine>;

export const vatBreakdownEntry = z.object({
  vat_category: vatCategory,
  vat_rate: z.string().nullable(),
  taxable_amount: z.string(),
  vat_amount: z.string(),
});

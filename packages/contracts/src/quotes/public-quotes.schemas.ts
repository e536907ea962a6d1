import { z } from 'zod';
import { locale, timestamp } from '../common/fields.ts';
import { vatBreakdownEntry } from '../documents/document-line.schemas.ts';
import { vatCategory } from '../products/products.schemas.ts';
import { QUOTE_STATUSES } from './quotes.schemas.ts';

/** 32 random bytes in base64url: 43 characters. Anything else cannot be a token. */
export const QUOTE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Any string: a mistyped or cut-off link is a 404 like an unknown one, not a validation error. */
export const publicQuoteParams = z.strictObject({ token: z.string() });

/**
 * What the customer accepts: their name, the checkbox, and the optional lines they ticked (by
 * index in `lines`). The server adds the time, IP address and browser.
 */
export const acceptQuote = z.strictObject({
  name: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
  accept_terms: z.literal(true, { message: 'acceptance_required' }),
  selected_optional_lines: z
    .array(z.number({ message: 'invalid_type' }).int({ message: 'invalid_type' }).min(0, { message: 'unknown_line' }))
    .max(500, { message: 'too_many_lines' })
    .default([]),
});
export type AcceptQuote = z.infer<typeof acceptQuote>;

export const declineQuote = z.strictObject({
  reason: z.string().trim().min(1, { message: 'required' }).max(2000, { message: 'too_long' }),
});
export type DeclineQuote = z.infer<typeof declineQuote>;

const address = z.object({ street: z.string(), postal_code: z.string(), city: z.string(), country: z.string() });

export const publicQuoteLine = z.object({
  /** The line's index: what `selected_optional_lines` refers to. */
  index: z.number().int(),
  kind: z.enum(['item', 'text', 'heading']),
  description: z.string(),
  product_code: z.string().nullable(),
  quantity: z.string(),
  unit_code: z.string(),
  unit_price: z.string(),
  vat_rate: z.string().nullable(),
  vat_category: vatCategory,
  discount_percent: z.string().nullable(),
  discount_amount: z.string().nullable(),
  is_optional: z.boolean(),
  /** Once accepted: whether the customer ticked this optional line; null otherwise. */
  is_selected: z.boolean().nullable(),
  /** Quantity × price − discount, whether or not it is in the total. */
  line_total: z.string(),
});

/**
 * The quote as its customer sees it on the public page, from what was sent (the frozen
 * snapshot), never from live data. Totals leave out optional lines not ticked; the page can
 * recompute them for the ticked options with `computeDocumentTotals`.
 */
export const publicQuote = z.object({
  object: z.literal('public_quote'),
  number: z.string(),
  revision: z.number().int(),
  status: z.enum(QUOTE_STATUSES),
  /** True while the customer can still accept or decline. */
  can_respond: z.boolean(),
  language: locale,
  issue_date: z.string(),
  valid_until: z.string(),
  currency: z.literal('EUR'),
  supplier: z.object({
    name: z.string(),
    address: address,
    kvk_number: z.string(),
    vat_number: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
  }),
  customer: z.object({ name: z.string(), address: address.nullable(), contact_name: z.string().nullable() }),
  lines: z.array(publicQuoteLine),
  discount_percent: z.string().nullable(),
  discount_total: z.string(),
  total_excl_vat: z.string(),
  total_vat: z.string(),
  total_incl_vat: z.string(),
  vat_breakdown: z.array(vatBreakdownEntry),
  buyer_reference: z.string().nullable(),
  note: z.string().nullable(),
  accepted: z
    .object({ name: z.string(), accepted_at: timestamp, selected_optional_lines: z.array(z.number().int()) })
    .nullable(),
  declined: z.object({ reason: z.string(), declined_at: timestamp }).nullable(),
  /** The PDF as sent. */
  pdf_url: z.string(),
});
export type PublicQuote = z.infer<typeof publicQuote>;

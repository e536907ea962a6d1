import { z } from 'zod';
import { clearable, email, locale, timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';
import { documentLine, documentLineInput, vatBreakdownEntry } from '../documents/document-line.schemas.ts';
import { percentInput } from '../products/products.schemas.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/** A quote line: a document line that may be optional (the customer ticks it or not). */
export const quoteLineInput = documentLineInput.safeExtend({
  is_optional: z.boolean({ message: 'invalid_boolean' }).default(false),
});
export type QuoteLineInput = z.infer<typeof quoteLineInput>;

const quoteFields = {
  /** An organization or person of the CRM. */
  customer_id: z.uuid({ message: 'invalid_id' }),
  lines: z.array(quoteLineInput).max(500, { message: 'too_many_lines' }),
  /** Left out: the day the quote is sent. */
  issue_date: isoDate.nullable().optional(),
  /** Left out: 30 days after the issue date. The last day the customer can accept. */
  valid_until: isoDate.nullable().optional(),
  /** Left out: the customer's document language. */
  language: locale.nullable().optional(),
  discount_percent: percentInput.nullable().optional(),
  buyer_reference: clearable(text(100)),
  /** Printed on the quote and shown on the public page. */
  note: clearable(text(2000)),
};

function validityIssues(value: { issue_date?: string | null; valid_until?: string | null }, ctx: z.RefinementCtx) {
  if (value.issue_date && value.valid_until && value.valid_until < value.issue_date)
    ctx.addIssue({ code: 'custom', message: 'valid_until_before_issue_date', path: ['valid_until'] });
}

export const createQuote = z
  .strictObject({ ...quoteFields, lines: quoteFields.lines.default([]) })
  .superRefine(validityIssues);
export type CreateQuote = z.infer<typeof createQuote>;

/** Drafts only; the fields sent replace what was there (`lines` replaces all lines). */
export const updateQuote = z
  .strictObject({
    ...quoteFields,
    customer_id: quoteFields.customer_id.optional(),
    lines: quoteFields.lines.optional(),
  })
  .superRefine(validityIssues);
export type UpdateQuote = z.infer<typeof updateQuote>;

/** Sending: to the customer's e-mail address from the CRM unless another address is given. */
export const sendQuote = z.strictObject({ email: email.optional() });
export type SendQuote = z.infer<typeof sendQuote>;

/**
 * draft → sent → viewed → accepted | declined. `expired` (sent or viewed, past `valid_until`) and
 * `superseded` (revised into a newer version) are computed, never stored.
 */
export const QUOTE_STATUSES = ['draft', 'sent', 'viewed', 'accepted', 'declined', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const quoteLine = documentLine.extend({
  is_optional: z.boolean(),
  /** An optional line that is not in the total: every optional line until the customer ticks it. */
  is_excluded: z.boolean(),
});
export type QuoteLine = z.infer<typeof quoteLine>;

export const quoteAcceptance = z.object({
  /** The name the customer typed. */
  name: z.string(),
  accepted_at: timestamp,
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  /** Indexes in `lines` of the optional lines the customer ticked. */
  selected_optional_lines: z.array(z.number().int()),
});

export const quoteDecline = z.object({ reason: z.string(), declined_at: timestamp });

export const quote = z.object({
  object: z.literal('quote'),
  id: z.uuid(),
  /** Given when the quote is first sent; every later version keeps it. */
  number: z.string().nullable(),
  /** The quote's version: 1, then 2 after a revision, …; `version` is the ETag for If-Match. */
  revision: z.number().int(),
  previous_revision_id: z.uuid().nullable(),
  /** The newer version that replaced this one (status superseded). */
  superseded_by_id: z.uuid().nullable(),
  status: z.enum(QUOTE_STATUSES),
  customer_id: z.uuid().nullable(),
  customer_name: z.string().nullable(),
  issue_date: isoDate.nullable(),
  valid_until: isoDate.nullable(),
  language: locale,
  discount_percent: z.string().nullable(),
  buyer_reference: z.string().nullable(),
  note: z.string().nullable(),
  currency: z.literal('EUR'),
  lines: z.array(quoteLine),
  discount_total: z.string(),
  /** Without the optional lines the customer has not ticked. */
  total_excl_vat: z.string(),
  total_vat: z.string(),
  total_incl_vat: z.string(),
  vat_breakdown: z.array(vatBreakdownEntry),
  /** The customer's page (no login); null for a draft, which the customer cannot see. */
  public_url: z.url().nullable(),
  sent_at: timestamp.nullable(),
  sent_to: z.string().nullable(),
  /** When the e-mail with the PDF left (sending happens just after `send`). */
  emailed_at: timestamp.nullable(),
  viewed_at: timestamp.nullable(),
  acceptance: quoteAcceptance.nullable(),
  decline: quoteDecline.nullable(),
  /** The invoice draft made from the accepted quote. */
  invoice_id: z.uuid().nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Quote = z.infer<typeof quote>;

export const quoteListQuery = listQuery.extend({
  /** Without a status filter superseded versions are left out (`GET /quotes/{id}/revisions` has them). */
  status: z.enum(QUOTE_STATUSES, { message: 'invalid_status' }).optional(),
  customer_id: z.uuid({ message: 'invalid_id' }).optional(),
});
export type QuoteListQuery = z.infer<typeof quoteListQuery>;

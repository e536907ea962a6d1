import { z } from 'zod';
import { clearable, locale, timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';
import { documentLine, documentLineInput, vatBreakdownEntry } from '../documents/document-line.schemas.ts';
import { percentInput } from '../products/products.schemas.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

const invoiceFields = {
  /** An organization or person of the CRM. */
  customer_id: z.uuid({ message: 'invalid_id' }),
  lines: z.array(documentLineInput).max(500, { message: 'too_many_lines' }),
  /** Left out: the day the invoice is finalized. */
  issue_date: isoDate.nullable().optional(),
  supply_date: isoDate.nullable().optional(),
  period_start: isoDate.nullable().optional(),
  period_end: isoDate.nullable().optional(),
  /** Left out: the customer's payment term, else the account's default. */
  payment_term_days: z.number().int().min(0).max(365).nullable().optional(),
  language: locale.nullable().optional(),
  discount_percent: percentInput.nullable().optional(),
  buyer_reference: clearable(text(100)),
  note: clearable(text(2000)),
  payment_means: z.enum(['credit_transfer', 'direct_debit']).optional(),
  mandate_reference: clearable(text(35)),
};

function periodIssues(value: { period_start?: string | null; period_end?: string | null }, ctx: z.RefinementCtx) {
  if (Boolean(value.period_start) !== Boolean(value.period_end))
    ctx.addIssue({
      code: 'custom',
      message: 'period_incomplete',
      path: [value.period_start ? 'period_end' : 'period_start'],
    });
  else if (value.period_start && value.period_end && value.period_end < value.period_start)
    ctx.addIssue({ code: 'custom', message: 'period_end_before_start', path: ['period_end'] });
}

export const createInvoice = z
  .strictObject({ ...invoiceFields, lines: invoiceFields.lines.default([]) })
  .superRefine(periodIssues);
export type CreateInvoice = z.infer<typeof createInvoice>;

/** Drafts only; the fields sent replace what was there (`lines` replaces all lines). */
export const updateInvoice = z
  .strictObject({
    ...invoiceFields,
    customer_id: invoiceFields.customer_id.optional(),
    lines: invoiceFields.lines.optional(),
  })
  .superRefine(periodIssues);
export type UpdateInvoice = z.infer<typeof updateInvoice>;

export const INVOICE_STATUSES = ['draft', 'open', 'partially_paid', 'paid', 'overdue', 'credited'] as const;

export const invoice = z.object({
  object: z.literal('invoice'),
  id: z.uuid(),
  type: z.enum(['invoice', 'credit_note']),
  /** draft, or computed for an issued invoice from its payments and due date. */
  status: z.enum(INVOICE_STATUSES),
  number: z.string().nullable(),
  customer_id: z.uuid().nullable(),
  customer_name: z.string().nullable(),
  issue_date: isoDate.nullable(),
  supply_date: isoDate.nullable(),
  period_start: isoDate.nullable(),
  period_end: isoDate.nullable(),
  payment_term_days: z.number().int(),
  due_date: isoDate.nullable(),
  language: locale,
  discount_percent: z.string().nullable(),
  buyer_reference: z.string().nullable(),
  note: z.string().nullable(),
  payment_means: z.enum(['credit_transfer', 'direct_debit']),
  mandate_reference: z.string().nullable(),
  /** Structured creditor reference (RF…), given at finalization. */
  payment_reference: z.string().nullable(),
  credited_invoice_id: z.uuid().nullable(),
  currency: z.literal('EUR'),
  lines: z.array(documentLine),
  discount_total: z.string(),
  total_excl_vat: z.string(),
  total_vat: z.string(),
  total_incl_vat: z.string(),
  amount_paid: z.string(),
  /** Invoices: the total of the issued credit notes that correct it. Credit notes: the part offset against that invoice (the rest is a refund due). */
  amount_credited: z.string(),
  amount_due: z.string(),
  vat_breakdown: z.array(vatBreakdownEntry),
  finalized_at: timestamp.nullable(),
  /** When it first reached the customer: e-mailed, or marked as sent (post, by hand). */
  sent_at: timestamp.nullable(),
  /** Issued invoices: which stored e-invoices `/ubl` serves (none for a customer UBL cannot address); null for a draft. */
  has_ubl: z.object({ peppol: z.boolean(), nlcius: z.boolean() }).nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Invoice = z.infer<typeof invoice>;

export const invoiceListQuery = listQuery.extend({
  status: z.enum(INVOICE_STATUSES).optional(),
  type: z.enum(['invoice', 'credit_note']).optional(),
  customer_id: z.uuid({ message: 'invalid_id' }).optional(),
  issued_from: isoDate.optional(),
  issued_to: isoDate.optional(),
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;

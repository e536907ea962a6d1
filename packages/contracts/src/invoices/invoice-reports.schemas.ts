import { z } from 'zod';
import { vatCategory } from '../products/products.schemas.ts';
import { invoiceListQuery } from './invoices.schemas.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });

/**
 * A period of issue dates, both days included (YYYY-MM-DD). At most ten years: a VAT return is a
 * month, a quarter or a year, and the limit keeps one request from reading an archive's lifetime.
 */
export const vatReportQuery = z.strictObject({ from: isoDate, to: isoDate }).superRefine((value, ctx) => {
  if (value.to < value.from) ctx.addIssue({ code: 'custom', message: 'period_end_before_start', path: ['to'] });
  else if (Number(value.to.slice(0, 4)) - Number(value.from.slice(0, 4)) > 10)
    ctx.addIssue({ code: 'custom', message: 'period_too_long', path: ['to'] });
});
export type VatReportQuery = z.infer<typeof vatReportQuery>;

/**
 * The boxes (rubrieken) of the Dutch VAT return that sales fill: 1a high rate, 1b low rate, 1c
 * other rates, 1e 0% or not taxed here (domestic reverse charge included), 3a exports outside
 * the EU, 3b supplies and services to other EU countries. Exempt (E) and outside-scope (O)
 * turnover is not declared: no box.
 */
export const VAT_RETURN_BOXES = ['1a', '1b', '1c', '1e', '3a', '3b'] as const;
export const vatReturnBox = z.enum(VAT_RETURN_BOXES);
export type VatReturnBox = z.infer<typeof vatReturnBox>;

export const vatReportGroup = z.object({
  vat_category: vatCategory,
  /** Percentage ("21"), null for O. */
  vat_rate: z.string().nullable(),
  return_box: vatReturnBox.nullable(),
  /** Σ bases of the invoices minus those of the credit notes (decimal string, may be negative). */
  taxable_amount: z.string(),
  vat_amount: z.string(),
  invoices: z.number().int(),
  credit_notes: z.number().int(),
});
export type VatReportGroup = z.infer<typeof vatReportGroup>;

/**
 * Per VAT category and rate over the invoices and credit notes issued in the period (credit
 * notes negative: the correction falls in the credit note's period, domain rules §1.3), each
 * document's amounts from its frozen snapshot with `computeDocumentTotals`.
 */
export const vatReport = z.object({
  object: z.literal('vat_report'),
  from: isoDate,
  to: isoDate,
  currency: z.literal('EUR'),
  groups: z.array(vatReportGroup),
  /** The same amounts per box of the return, in the return's order. */
  return_boxes: z.array(z.object({ box: vatReturnBox, taxable_amount: z.string(), vat_amount: z.string() })),
  total_taxable_amount: z.string(),
  total_vat_amount: z.string(),
  invoices: z.number().int(),
  credit_notes: z.number().int(),
});
export type VatReport = z.infer<typeof vatReport>;

export const revenueQuery = z.strictObject({
  months: z.coerce
    .number({ message: 'invalid_months' })
    .int({ message: 'invalid_months' })
    .min(1, { message: 'invalid_months' })
    .max(36, { message: 'invalid_months' })
    .default(12),
});
export type RevenueQuery = z.infer<typeof revenueQuery>;

/** Per calendar month (by issue date, up to and including this month): invoiced excl. VAT, credit notes negative. */
export const revenue = z.object({
  object: z.literal('revenue'),
  currency: z.literal('EUR'),
  months: z.array(
    z.object({
      /** YYYY-MM. */
      month: z.string(),
      amount_excl_vat: z.string(),
      invoices: z.number().int(),
      credit_notes: z.number().int(),
    }),
  ),
  total_excl_vat: z.string(),
});
export type Revenue = z.infer<typeof revenue>;

/** The list's filters without paging: the whole (filtered) list as a file. */
export const invoiceExportQuery = invoiceListQuery.omit({ limit: true, starting_after: true }).extend({
  format: z.enum(['csv', 'xlsx'], { message: 'invalid_export_format' }).default('csv'),
});
export type InvoiceExportQuery = z.infer<typeof invoiceExportQuery>;

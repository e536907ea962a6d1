import { z } from 'zod';
import { clearable, timestamp } from '../common/fields.ts';
import { MoneyFormatError } from '../money/decimal.ts';
import { formatAmount, parseAmount } from '../money/money.ts';
import { amsterdamDate } from '../products/vat-rates.ts';

export const PAYMENT_METHODS = ['bank_transfer', 'direct_debit', 'cash', 'card', 'other'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS, { message: 'invalid_payment_method' });
export type PaymentMethod = z.infer<typeof paymentMethod>;

/** Below 10^11 euro: fits the bigint cents column with room, and a typo of zeros shows. */
const MAX_PAYMENT = 10n ** 13n;

/** A received amount in euro, up to 2 decimals, more than zero ("250.00"). Answered with 2 decimals. */
export const paymentAmountInput = z.string().transform((value, ctx) => {
  try {
    const cents = parseAmount(value);
    if (cents <= 0n) ctx.addIssue({ code: 'custom', message: 'must_be_positive' });
    else if (cents >= MAX_PAYMENT) ctx.addIssue({ code: 'custom', message: 'too_large' });
    else return formatAmount(cents);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof MoneyFormatError ? error.code : 'invalid_amount' });
  }
  return z.NEVER;
});

/**
 * The day the money arrived (YYYY-MM-DD), today at the latest as the Dutch office counts days
 * (Europe/Amsterdam): a payment is registered after it happened, never announced ahead.
 */
export const paidOnInput = z.iso
  .date({ message: 'invalid_date', abort: true })
  .refine((value) => value <= amsterdamDate(), { message: 'date_in_future' });

/** A payment received on an issued invoice (full or partial); the invoice's status follows from the sum. */
export const recordPayment = z.strictObject({
  paid_on: paidOnInput,
  amount: paymentAmountInput,
  method: paymentMethod.default('bank_transfer'),
  /** Free text: the bank's reference, who paid, … */
  note: clearable(z.string().trim().max(500, { message: 'too_long' })),
});
export type RecordPayment = z.infer<typeof recordPayment>;
export type RecordPaymentInput = z.input<typeof recordPayment>;

export const invoicePayment = z.object({
  object: z.literal('invoice_payment'),
  id: z.uuid(),
  invoice_id: z.uuid(),
  paid_on: z.iso.date(),
  amount: z.string(),
  method: paymentMethod,
  note: z.string().nullable(),
  created_at: timestamp,
});
export type InvoicePayment = z.infer<typeof invoicePayment>;

export const customerBalanceQuery = z.strictObject({
  customer_id: z.uuid({ message: 'invalid_id' }),
});
export type CustomerBalanceQuery = z.infer<typeof customerBalanceQuery>;

/** What a customer still owes on issued invoices; `overdue` is the part past its due date. */
export const customerBalance = z.object({
  object: z.literal('customer_balance'),
  customer_id: z.uuid(),
  /** Issued invoices with an amount still due. */
  open_invoices: z.number().int(),
  total_due: z.string(),
  overdue: z.string(),
});
export type CustomerBalance = z.infer<typeof customerBalance>;

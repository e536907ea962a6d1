import { z } from 'zod';
import { clearable, timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';
import { documentLine, documentLineInput, documentLineInputWith } from '../documents/document-line.schemas.ts';
import { percentInput, unitPriceInput } from '../products/products.schemas.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const wholeNumber = (min: number, max: number) =>
  z
    .number({ message: 'invalid_number' })
    .int({ message: 'invalid_number' })
    .min(min, { message: 'out_of_range' })
    .max(max, { message: 'out_of_range' });

/** `advance`: a period is invoiced at its start (prepaid); `arrears`: after it has been delivered. */
export const BILLING_TIMINGS = ['advance', 'arrears'] as const;
export type BillingTiming = (typeof BILLING_TIMINGS)[number];

/**
 * On which day a period's invoice is made (and dated): advance → the first day of the period or
 * `invoice_days_before` days before it; arrears → the last day of the period or the day after it.
 */
export const INVOICE_DATE_RULES = ['first_day', 'days_before', 'last_day', 'day_after'] as const;
export type InvoiceDateRule = (typeof INVOICE_DATE_RULES)[number];
export const ADVANCE_RULES: readonly InvoiceDateRule[] = ['first_day', 'days_before'];
export const ARREARS_RULES: readonly InvoiceDateRule[] = ['last_day', 'day_after'];

/**
 * `start_date`: periods run from the start date (15 March → 14 April …); `calendar`: periods follow
 * calendar months/quarters/years, and a first short period up to the calendar period's end is
 * charged by day.
 */
export const PERIOD_ALIGNMENTS = ['start_date', 'calendar'] as const;
export type PeriodAlignment = (typeof PERIOD_ALIGNMENTS)[number];

export const SUBSCRIPTION_PAYMENT_METHODS = ['transfer', 'direct_debit'] as const;
export type SubscriptionPaymentMethod = (typeof SUBSCRIPTION_PAYMENT_METHODS)[number];

/** `scheduled` (starts later), `active`, `ending` (cancelled, still running until its end date), `ended`. */
export const SUBSCRIPTION_STATUSES = ['scheduled', 'active', 'ending', 'ended'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** A subscription line: a document line (product or free line) that repeats every period. */
export const subscriptionLineInput = documentLineInput;

const subscriptionFields = {
  name: text(200).min(1, { message: 'required' }),
  /** 1 = monthly, 3 = quarterly, 12 = yearly, or any other number of months. */
  interval_months: wholeNumber(1, 36),
  billing: z.enum(BILLING_TIMINGS, { message: 'invalid_billing' }),
  alignment: z.enum(PERIOD_ALIGNMENTS, { message: 'invalid_alignment' }),
  invoice_date_rule: z.enum(INVOICE_DATE_RULES, { message: 'invalid_invoice_date_rule' }),
  /** With `days_before`: how many days before the period starts its invoice is made (0–60). */
  invoice_days_before: wholeNumber(0, 60),
  /** Months of notice the customer must give to cancel (0: none). */
  notice_period_months: wholeNumber(0, 24),
  payment_method: z.enum(SUBSCRIPTION_PAYMENT_METHODS, { message: 'invalid_payment_method' }),
  /** With `direct_debit`: a usable mandate of the customer (receivables). */
  mandate_id: z.uuid({ message: 'invalid_id' }).nullable(),
  /** Null: the customer's payment term, else the tenant's default. */
  payment_term_days: wholeNumber(0, 365).nullable(),
  /** Bill this subscription together with the customer's others due on the same day, on one invoice. */
  group_invoices: z.boolean(),
  buyer_reference: text(200).nullable(),
  invoice_note: text(2000).nullable(),
};

export const createSubscription = z
  .strictObject({
    customer_id: z.uuid({ message: 'invalid_id' }),
    name: subscriptionFields.name,
    lines: z.array(subscriptionLineInput).min(1, { message: 'required' }).max(100, { message: 'too_many' }),
    interval_months: subscriptionFields.interval_months.default(1),
    billing: subscriptionFields.billing.default('advance'),
    alignment: subscriptionFields.alignment.default('start_date'),
    invoice_date_rule: subscriptionFields.invoice_date_rule.optional(),
    invoice_days_before: subscriptionFields.invoice_days_before.default(0),
    start_date: isoDate,
    end_date: isoDate.nullable().default(null),
    notice_period_months: subscriptionFields.notice_period_months.default(0),
    payment_method: subscriptionFields.payment_method.default('transfer'),
    mandate_id: subscriptionFields.mandate_id.default(null),
    payment_term_days: subscriptionFields.payment_term_days.default(null),
    group_invoices: subscriptionFields.group_invoices.default(true),
    buyer_reference: clearable(text(200)),
    invoice_note: clearable(text(2000)),
  })
  .superRefine((input, ctx) => {
    if (input.end_date && input.end_date < input.start_date)
      ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['end_date'] });
    if (input.payment_method === 'direct_debit' && !input.mandate_id)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['mandate_id'] });
  });
export type CreateSubscription = z.infer<typeof createSubscription>;

/** What changes without touching the price: labels, how it is paid and invoiced. */
export const updateSubscription = z.strictObject({
  name: subscriptionFields.name.optional(),
  invoice_date_rule: subscriptionFields.invoice_date_rule.optional(),
  invoice_days_before: subscriptionFields.invoice_days_before.optional(),
  notice_period_months: subscriptionFields.notice_period_months.optional(),
  payment_method: subscriptionFields.payment_method.optional(),
  mandate_id: subscriptionFields.mandate_id.optional(),
  payment_term_days: subscriptionFields.payment_term_days.optional(),
  group_invoices: subscriptionFields.group_invoices.optional(),
  buyer_reference: clearable(text(200)),
  invoice_note: clearable(text(2000)),
});
export type UpdateSubscription = z.infer<typeof updateSubscription>;

export const subscriptionLine = documentLine.extend({
  /** Stable over changes: the same line keeps its key when its quantity or price changes. */
  line_key: z.uuid(),
  /** Monthly value of this line excl. VAT (for MRR). */
  monthly_amount: z.string(),
});
export type SubscriptionLine = z.infer<typeof subscriptionLine>;

export const subscriptionPeriod = z.object({ start: z.iso.date(), end: z.iso.date() });
export type SubscriptionPeriod = z.infer<typeof subscriptionPeriod>;

/** A price announced ahead (art. 11, or the tenant's own notice time) and the period it first applies to. */
export const subscriptionPriceChange = z.object({
  id: z.uuid(),
  line_key: z.uuid(),
  description: z.string(),
  unit_price: z.string(),
  previous_unit_price: z.string(),
  requested_from: z.iso.date(),
  applies_from: z.iso.date(),
  announced_at: timestamp.nullable(),
  reason: z.string().nullable(),
});
export type SubscriptionPriceChange = z.infer<typeof subscriptionPriceChange>;

export const billedSubscriptionPeriod = z.object({
  start: z.iso.date(),
  end: z.iso.date(),
  amount_excl_vat: z.string(),
  invoice_id: z.uuid().nullable(),
  invoice_number: z.string().nullable(),
  billed_at: timestamp,
});

export const subscription = z.object({
  object: z.literal('subscription'),
  id: z.uuid(),
  customer_id: z.uuid().nullable(),
  customer_name: z.string(),
  name: z.string(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  lines: z.array(subscriptionLine),
  interval_months: z.number().int(),
  billing: z.enum(BILLING_TIMINGS),
  alignment: z.enum(PERIOD_ALIGNMENTS),
  invoice_date_rule: z.enum(INVOICE_DATE_RULES),
  invoice_days_before: z.number().int(),
  start_date: z.iso.date(),
  end_date: z.iso.date().nullable(),
  cancelled_at: timestamp.nullable(),
  notice_period_months: z.number().int(),
  payment_method: z.enum(SUBSCRIPTION_PAYMENT_METHODS),
  mandate_id: z.uuid().nullable(),
  payment_term_days: z.number().int().nullable(),
  group_invoices: z.boolean(),
  buyer_reference: z.string().nullable(),
  invoice_note: z.string().nullable(),
  /** The period the next invoice is for, and the day it is made (null when nothing more is billed). */
  next_period: subscriptionPeriod.nullable(),
  next_invoice_date: z.iso.date().nullable(),
  /** Everything up to and including this day has been invoiced. */
  billed_through: z.iso.date().nullable(),
  monthly_amount: z.string(),
  price_changes: z.array(subscriptionPriceChange),
  billed_periods: z.array(billedSubscriptionPeriod),
  /** Set when the subscription bills a tenant of this platform (the operator's own billing). */
  platform_tenant_id: z.uuid().nullable(),
  version: z.number().int(),
  created_at: timestamp,
});
export type Subscription = z.infer<typeof subscription>;

export const subscriptionListQuery = listQuery.extend({
  customer_id: z.uuid({ message: 'invalid_id' }).optional(),
  status: z.enum(SUBSCRIPTION_STATUSES, { message: 'invalid_status' }).optional(),
  q: z.string().trim().max(200).optional(),
});

/**
 * A change of lines from a day on (quantity, price, lines added or removed), charged by day: a
 * period already invoiced gets the difference for its remaining days on the next invoice (more)
 * or a credit note (less); a period not invoiced yet is invoiced with each version for its days.
 */
export const changeSubscription = z.strictObject({
  effective_date: isoDate,
  /** The complete new set of lines; a line keeps its `line_key` to be the same line. */
  lines: z
    .array(documentLineInputWith({ line_key: z.uuid({ message: 'invalid_id' }).optional() }))
    .min(1, { message: 'required' })
    .max(100, { message: 'too_many' }),
});
export type ChangeSubscription = z.infer<typeof changeSubscription>;

export const prorationLine = z.object({
  description: z.string(),
  period: subscriptionPeriod,
  days: z.number().int(),
  period_days: z.number().int(),
  /** Positive: charged on the next invoice; negative: credited on a credit note. */
  amount_excl_vat: z.string(),
});

export const subscriptionChangePreview = z.object({
  object: z.literal('subscription_change_preview'),
  effective_date: z.iso.date(),
  /** Differences for periods already invoiced (the rest is billed with the new lines). */
  adjustments: z.array(prorationLine),
  net_amount_excl_vat: z.string(),
  monthly_amount_before: z.string(),
  monthly_amount_after: z.string(),
});
export type SubscriptionChangePreview = z.infer<typeof subscriptionChangePreview>;

/**
 * `end_of_period`: at the end of the period in which the notice period runs out; `on_date`: on a
 * chosen day (not before the notice period runs out). An invoice already issued for a later
 * period stays due (terms art. 8): cancelling never credits what was invoiced, unless
 * `credit_unused` is asked for (the operator's deactivation, art. 15).
 */
export const cancelSubscription = z
  .strictObject({
    mode: z.enum(['end_of_period', 'on_date'], { message: 'invalid_cancel_mode' }),
    end_date: isoDate.optional(),
    /** When the customer gave notice (default: today); an e-mail received earlier counts from its date. */
    requested_on: isoDate.optional(),
    credit_unused: z.boolean().default(false),
    reason: text(500).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.mode === 'on_date' && !input.end_date)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['end_date'] });
  });
export type CancelSubscription = z.infer<typeof cancelSubscription>;

/** A new price for some lines from a day on, announced to the customer by e-mail at once. */
export const createPriceChange = z.strictObject({
  requested_from: isoDate,
  lines: z
    .array(z.strictObject({ line_key: z.uuid({ message: 'invalid_id' }), unit_price: unitPriceInput }))
    .min(1, { message: 'required' })
    .max(100, { message: 'too_many' }),
  reason: text(500).optional(),
});
export type CreatePriceChange = z.infer<typeof createPriceChange>;

/** Yearly indexation: every line of the chosen (default: all running) subscriptions up by a percentage. */
export const indexSubscriptions = z.strictObject({
  percent: percentInput,
  requested_from: isoDate,
  subscription_ids: z
    .array(z.uuid({ message: 'invalid_id' }))
    .max(10_000)
    .optional(),
  reason: text(500).optional(),
});
export type IndexSubscriptions = z.infer<typeof indexSubscriptions>;

export const indexationResult = z.object({
  object: z.literal('subscription_indexation'),
  subscriptions: z.number().int(),
  price_changes: z.number().int(),
  skipped: z.array(z.object({ subscription_id: z.uuid(), reason: z.string() })),
});

export const subscriptionSettings = z.object({
  object: z.literal('subscription_settings'),
  /** Price changes are announced at least this many months before they apply. */
  price_notice_months: z.number().int(),
  /** `automatic`: the daily run makes, issues and sends what is due; `off`: only runs started by hand. */
  billing_mode: z.enum(['automatic', 'off']),
});
export const updateSubscriptionSettings = z.strictObject({
  price_notice_months: wholeNumber(0, 12).optional(),
  billing_mode: z.enum(['automatic', 'off'], { message: 'invalid_billing_mode' }).optional(),
});

/** One invoice the billing run makes (or would make, in a dry run). */
export const billingRunInvoice = z.object({
  customer_id: z.uuid().nullable(),
  customer_name: z.string(),
  invoice_date: z.iso.date(),
  subscription_ids: z.array(z.uuid()),
  periods: z.array(subscriptionPeriod.extend({ subscription_id: z.uuid() })),
  kind: z.enum(['invoice', 'credit_note']),
  total_excl_vat: z.string(),
  payment_method: z.enum(SUBSCRIPTION_PAYMENT_METHODS),
  invoice_id: z.uuid().nullable(),
  invoice_number: z.string().nullable(),
});
export type BillingRunInvoice = z.infer<typeof billingRunInvoice>;

export const startBillingRun = z.strictObject({
  /** Only show what would be invoiced; nothing is written. */
  dry_run: z.boolean().default(false),
});

export const billingRunPreview = z.object({
  object: z.literal('billing_run_preview'),
  date: z.iso.date(),
  invoices: z.array(billingRunInvoice),
  total_excl_vat: z.string(),
});
export type BillingRunPreview = z.infer<typeof billingRunPreview>;

export const billingRunStarted = z.object({ object: z.literal('billing_run'), job_id: z.uuid(), date: z.iso.date() });

export const upcomingQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) });

export const subscriptionMetrics = z.object({
  object: z.literal('subscription_metrics'),
  date: z.iso.date(),
  mrr: z.string(),
  arr: z.string(),
  active_subscriptions: z.number().int(),
  /** Share of MRR lost to subscriptions that ended in the last 30 days (percent, 2 decimals). */
  churn_percent_30d: z.string(),
  /** The last 12 months, oldest first: MRR at each month's end, new and lost MRR in the month. */
  months: z.array(
    z.object({ month: z.string(), mrr: z.string(), new_mrr: z.string(), churned_mrr: z.string(), active: z.number() }),
  ),
});
export type SubscriptionMetrics = z.infer<typeof subscriptionMetrics>;

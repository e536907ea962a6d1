import type {
  BillingTiming,
  InvoiceDateRule,
  PeriodAlignment,
  Subscription,
  SubscriptionPaymentMethod,
} from '@clientbox/contracts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { type LineValues, lineInput } from '../documents/document-draft-lines.ts';
import { today } from './subscription-labels.ts';

/** The interval as the form offers it: a preset, or "every N months" with its own number. */
export type IntervalChoice = '1' | '3' | '12' | 'custom';

/** How paying and invoicing is set: the part a stored subscription can still change (PATCH). */
export interface SubscriptionTermsValues {
  invoice_date_rule: InvoiceDateRule;
  invoice_days_before: string;
  notice_period_months: string;
  payment_method: SubscriptionPaymentMethod;
  mandate_id: string | null;
  /** Empty: the customer's payment term, else the tenant's default. */
  payment_term_days: string;
  group_invoices: boolean;
  buyer_reference: string;
  invoice_note: string;
}

/** A new subscription as the form holds it: texts as typed. */
export interface SubscriptionFormValues extends SubscriptionTermsValues {
  customer: PickedRelation | null;
  name: string;
  lines: LineValues[];
  interval: IntervalChoice;
  custom_months: string;
  billing: BillingTiming;
  alignment: PeriodAlignment;
  start_date: string;
  end_date: string;
}

export const INVOICE_DATE_RULES_OF: Record<BillingTiming, readonly InvoiceDateRule[]> = {
  advance: ['first_day', 'days_before'],
  arrears: ['last_day', 'day_after'],
};

export function emptySubscriptionValues(customer: PickedRelation | null = null): SubscriptionFormValues {
  return {
    customer,
    name: '',
    lines: [],
    interval: '1',
    custom_months: '6',
    billing: 'advance',
    alignment: 'start_date',
    invoice_date_rule: 'first_day',
    invoice_days_before: '0',
    start_date: today(),
    end_date: '',
    notice_period_months: '1',
    payment_method: 'transfer',
    mandate_id: null,
    payment_term_days: '',
    group_invoices: true,
    buyer_reference: '',
    invoice_note: '',
  };
}

/** The terms of a stored subscription, for the dialog that edits them. */
export function termsValuesOf(subscription: Subscription): SubscriptionTermsValues {
  return {
    invoice_date_rule: subscription.invoice_date_rule,
    invoice_days_before: String(subscription.invoice_days_before),
    notice_period_months: String(subscription.notice_period_months),
    payment_method: subscription.payment_method,
    mandate_id: subscription.mandate_id,
    payment_term_days: subscription.payment_term_days === null ? '' : String(subscription.payment_term_days),
    group_invoices: subscription.group_invoices,
    buyer_reference: subscription.buyer_reference ?? '',
    invoice_note: subscription.invoice_note ?? '',
  };
}

/** A whole number as typed; anything else goes to the schema as it is, which names it `invalid_number`. */
export function wholeNumberOf(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The terms as the API takes them (before the shared zod schema checks them). */
export function termsBodyOf(values: SubscriptionTermsValues): Record<string, unknown> {
  const isAdvance = values.invoice_date_rule === 'days_before';
  return {
    invoice_date_rule: values.invoice_date_rule,
    invoice_days_before: isAdvance ? wholeNumberOf(values.invoice_days_before) : 0,
    notice_period_months: wholeNumberOf(values.notice_period_months),
    payment_method: values.payment_method,
    mandate_id: values.payment_method === 'direct_debit' ? values.mandate_id : null,
    payment_term_days: values.payment_term_days.trim() === '' ? null : wholeNumberOf(values.payment_term_days),
    group_invoices: values.group_invoices,
    buyer_reference: values.buyer_reference,
    invoice_note: values.invoice_note,
  };
}

export function intervalMonthsOf(values: Pick<SubscriptionFormValues, 'interval' | 'custom_months'>) {
  return values.interval === 'custom' ? wholeNumberOf(values.custom_months) : Number(values.interval);
}

/** A new subscription as the API takes it (`createSubscription`). */
export function createBodyOf(values: SubscriptionFormValues): Record<string, unknown> {
  return {
    customer_id: values.customer?.id ?? '',
    name: values.name,
    lines: values.lines.map(lineInput),
    interval_months: intervalMonthsOf(values),
    billing: values.billing,
    alignment: values.alignment,
    start_date: values.start_date,
    end_date: values.end_date || null,
    ...termsBodyOf(values),
  };
}

import { type Invoice, parseAmount } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import {
  decimalInputValue,
  type LineValues,
  lineInput,
  lineValuesOf,
  summaryOfDocument,
  type TotalsSummary,
} from '../documents/document-draft-lines.ts';
import { changedFields } from '../documents/draft-changes.ts';
import { decimalFromInput } from '../products/product-labels.ts';

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
    lines: invoice.lines.map((line) => lineValuesOf(line, locale)),
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
  return changedFields(draftBody(values), draftBody(original));
}

export function summaryOfInvoice(invoice: Invoice): TotalsSummary {
  return {
    ...summaryOfDocument(invoice),
    amount_paid: parseAmount(invoice.amount_paid),
    amount_due: parseAmount(invoice.amount_due),
  };
}

import { type Invoice, parseAmount } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { summaryOfDocument, type TotalsSummary } from '../documents/document-draft-lines.ts';
import {
  documentDraftBody,
  type DocumentDraftValues,
  documentDraftValues,
  EMPTY_DOCUMENT_DRAFT,
} from '../documents/document-draft-values.ts';

/** A draft invoice as its editor holds it. */
export interface DraftValues extends DocumentDraftValues {
  /** Empty: the day the invoice is finalized. */
  issue_date: string;
  supply_date: string;
  /** Empty: the customer's term. */
  payment_term_days: string;
}

export const EMPTY_DRAFT: DraftValues = {
  ...EMPTY_DOCUMENT_DRAFT,
  issue_date: '',
  supply_date: '',
  payment_term_days: '',
};

export function draftValues(invoice: Invoice, customer: PickedRelation | null, locale: Locale): DraftValues {
  return {
    ...documentDraftValues(invoice, customer, locale),
    issue_date: invoice.issue_date ?? '',
    supply_date: invoice.supply_date ?? '',
    payment_term_days: String(invoice.payment_term_days),
  };
}

/** Every field of the draft as the API takes it; an empty field is null ("not set"). */
export function draftBody(values: DraftValues): Record<string, unknown> {
  const term = values.payment_term_days.trim();
  return {
    ...documentDraftBody(values),
    issue_date: values.issue_date || null,
    supply_date: values.supply_date || null,
    payment_term_days: term ? Number(term) : null,
  };
}

export function summaryOfInvoice(invoice: Invoice): TotalsSummary {
  return {
    ...summaryOfDocument(invoice),
    amount_paid: parseAmount(invoice.amount_paid),
    amount_due: parseAmount(invoice.amount_due),
  };
}

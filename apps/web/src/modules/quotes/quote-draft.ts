import type { Quote } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { decimalInputValue, type LineValues, lineInput, lineValuesOf } from '../documents/document-draft-lines.ts';
import type { DocumentHeaderValues } from '../documents/document-header-fields.tsx';
import { changedFields } from '../documents/draft-changes.ts';
import { decimalFromInput } from '../products/product-labels.ts';

/** A draft quote as its editor holds it. */
export interface QuoteDraftValues extends DocumentHeaderValues {
  /** Empty: 30 days after the day it is sent. */
  valid_until: string;
  lines: LineValues[];
}

export const EMPTY_QUOTE_DRAFT: QuoteDraftValues = {
  customer: null,
  valid_until: '',
  language: '',
  discount_percent: '',
  buyer_reference: '',
  note: '',
  lines: [],
};

export function quoteDraftValues(quote: Quote, customer: PickedRelation | null, locale: Locale): QuoteDraftValues {
  return {
    customer,
    valid_until: quote.valid_until ?? '',
    language: quote.language,
    discount_percent: decimalInputValue(quote.discount_percent, locale),
    buyer_reference: quote.buyer_reference ?? '',
    note: quote.note ?? '',
    lines: quote.lines.map((line) => lineValuesOf(line, locale)),
  };
}

/** A quote line as the API takes it: an invoice line, and for an item whether it is optional. */
function quoteLineInput(line: LineValues): Record<string, unknown> {
  const input = lineInput(line);
  return line.kind === 'item' ? { ...input, is_optional: line.is_optional } : input;
}

/** Every field of the draft as the API takes it; an empty field is null ("not set"). */
export function quoteDraftBody(values: QuoteDraftValues): Record<string, unknown> {
  return {
    customer_id: values.customer?.id ?? '',
    lines: values.lines.map(quoteLineInput),
    valid_until: values.valid_until || null,
    language: values.language || null,
    discount_percent: decimalFromInput(values.discount_percent) || null,
    buyer_reference: values.buyer_reference,
    note: values.note,
  };
}

/** What changed since `original`, for a PATCH: `lines` travel whole (they replace all lines). */
export function quoteDraftChanges(values: QuoteDraftValues, original: QuoteDraftValues): Record<string, unknown> {
  return changedFields(quoteDraftBody(values), quoteDraftBody(original));
}

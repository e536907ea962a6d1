import type { Quote } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { type LineValues, lineInput } from '../documents/document-draft-lines.ts';
import {
  documentDraftBody,
  type DocumentDraftValues,
  documentDraftValues,
  EMPTY_DOCUMENT_DRAFT,
} from '../documents/document-draft-values.ts';

/** A draft quote as its editor holds it. */
export interface QuoteDraftValues extends DocumentDraftValues {
  /** Empty: 30 days after the day it is sent. */
  valid_until: string;
}

export const EMPTY_QUOTE_DRAFT: QuoteDraftValues = { ...EMPTY_DOCUMENT_DRAFT, valid_until: '' };

export function quoteDraftValues(quote: Quote, customer: PickedRelation | null, locale: Locale): QuoteDraftValues {
  return { ...documentDraftValues(quote, customer, locale), valid_until: quote.valid_until ?? '' };
}

/** A quote line as the API takes it: an invoice line, and for an item whether it is optional. */
function quoteLineInput(line: LineValues): Record<string, unknown> {
  const input = lineInput(line);
  return line.kind === 'item' ? { ...input, is_optional: line.is_optional } : input;
}

/** Every field of the draft as the API takes it; an empty field is null ("not set"). */
export function quoteDraftBody(values: QuoteDraftValues): Record<string, unknown> {
  return { ...documentDraftBody(values, quoteLineInput), valid_until: values.valid_until || null };
}

import type { DocumentLine } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { decimalFromInput } from '../products/product-labels.ts';
import { decimalInputValue, type LineValues, lineInput, lineValuesOf } from './document-draft-lines.ts';
import type { DocumentHeaderValues } from './document-header-fields.tsx';

/** What every draft form holds: the header fields quotes and invoices share, and the lines. */
export interface DocumentDraftValues extends DocumentHeaderValues {
  lines: LineValues[];
}

export const EMPTY_DOCUMENT_DRAFT: DocumentDraftValues = {
  customer: null,
  language: '',
  discount_percent: '',
  buyer_reference: '',
  note: '',
  lines: [],
};

/** The fields a stored quote and invoice share. */
interface StoredDraftFields {
  language: Locale;
  discount_percent: string | null;
  buyer_reference: string | null;
  note: string | null;
  lines: readonly (DocumentLine & { is_optional?: boolean })[];
}

/** The shared fields of a stored draft as its form shows them again, in the person's language. */
export function documentDraftValues(
  document: StoredDraftFields,
  customer: PickedRelation | null,
  locale: Locale,
): DocumentDraftValues {
  return {
    customer,
    language: document.language,
    discount_percent: decimalInputValue(document.discount_percent, locale),
    buyer_reference: document.buyer_reference ?? '',
    note: document.note ?? '',
    lines: document.lines.map((line) => lineValuesOf(line, locale)),
  };
}

/**
 * The shared fields as the API takes them; an empty field is null ("not set"). A line goes as
 * `lineOf` makes it: a quote's items add whether they are optional.
 */
export function documentDraftBody(
  values: DocumentDraftValues,
  lineOf: (line: LineValues) => Record<string, unknown> = lineInput,
): Record<string, unknown> {
  return {
    customer_id: values.customer?.id ?? '',
    lines: values.lines.map(lineOf),
    language: values.language || null,
    discount_percent: decimalFromInput(values.discount_percent) || null,
    buyer_reference: values.buyer_reference,
    note: values.note,
  };
}

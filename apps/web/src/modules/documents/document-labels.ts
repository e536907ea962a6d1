import type { VatCategory } from '@clientbox/contracts';
import type { MessageKey } from '../../shared/i18n/nl.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A VAT category in a few words, with its UBL code: "AE – btw verlegd". */
export function vatCategoryLabel(t: Translate, category: VatCategory): string {
  return `${category} – ${t(`invoice.vat_short.${category}`)}`;
}

import { NL_DEFAULT_VAT_RATES, vatRateOn } from '@clientbox/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { useMe } from '../accounts/use-me.ts';
import { type LineValues, previewTotals } from '../documents/document-draft-lines.ts';
import { DocumentLines } from '../documents/document-lines.tsx';
import { vatRateOptions } from '../documents/vat-rate-options.ts';
import { useVatRates } from '../products/use-products.ts';

/**
 * A subscription's lines with the documents' line editor (product from the catalogue, free line,
 * text, heading), each line's amount per period computed as the invoices will; VAT rates of `rateDate`.
 */
export function SubscriptionLinesField({
  title,
  lines,
  errors,
  rateDate,
  onChange,
}: {
  title: string;
  lines: LineValues[];
  errors: FieldErrors;
  rateDate: string;
  onChange(lines: LineValues[]): void;
}) {
  const { locale } = useI18n();
  const hasProducts = useMe().data?.access?.modules.includes('products') ?? false;
  const rates = useVatRates().data?.data ?? NL_DEFAULT_VAT_RATES;
  const rateOptions = useMemo(() => vatRateOptions(rates, rateDate, locale), [rates, rateDate, locale]);
  const defaultRate = vatRateOn(rates, 'standard', rateDate) ?? '21';
  const preview = useMemo(() => previewTotals({ lines, discount_percent: '' }), [lines]);
  return (
    <DocumentLines
      kind="subscription"
      title={title}
      lines={lines}
      preview={preview}
      errors={errors}
      rateOptions={rateOptions}
      defaultRate={defaultRate}
      hasProducts={hasProducts}
      onChange={onChange}
    />
  );
}

import { TextInput } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { DocumentHeaderFields } from '../documents/document-header-fields.tsx';
import type { DraftValues } from './invoice-draft.ts';

type HeaderValues = Omit<DraftValues, 'lines'>;

/** The shared header of a document, with the invoice's dates and payment term first. */
export function InvoiceHeaderFields({
  values,
  errors,
  onChange,
}: {
  values: HeaderValues;
  errors: FieldErrors;
  onChange(changes: Partial<HeaderValues>): void;
}) {
  const { t } = useI18n();
  const date = (field: 'issue_date' | 'supply_date', description: string) => (
    <TextInput
      type="date"
      label={t(`invoice.${field}`)}
      description={description}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      data-testid={`invoice-${field.replace('_', '-')}`}
    />
  );

  return (
    <DocumentHeaderFields kind="invoice" values={values} errors={errors} onChange={onChange}>
      {date('issue_date', t('invoice.issue_date_hint'))}
      {date('supply_date', t('invoice.supply_date_hint'))}
      <TextInput
        label={t('invoice.payment_term')}
        description={t('invoice.payment_term_hint')}
        inputMode="numeric"
        value={values.payment_term_days}
        error={errors.payment_term_days}
        onChange={(event) => onChange({ payment_term_days: event.currentTarget.value })}
        data-testid="invoice-payment-term-days"
      />
    </DocumentHeaderFields>
  );
}

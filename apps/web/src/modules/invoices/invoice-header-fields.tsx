import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { RelationPicker } from '../crm/activities/relation-picker.tsx';
import type { DraftValues } from './invoice-draft.ts';

type HeaderValues = Omit<DraftValues, 'lines'>;

/** Customer, dates, payment term, language, references and the discount on the whole invoice. */
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
  const text = (
    field: 'payment_term_days' | 'discount_percent' | 'buyer_reference',
    label: string,
    props: { description?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <TextInput
      label={label}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      data-testid={`invoice-${field.replaceAll('_', '-')}`}
      {...props}
    />
  );
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
    <Stack gap="sm">
      <RelationPicker
        value={values.customer}
        onChange={(customer) => onChange({ customer })}
        error={errors.customer_id}
        label={t('invoice.customer')}
        placeholder={t('invoice.customer_placeholder')}
        required
        testId="invoice-customer"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {date('issue_date', t('invoice.issue_date_hint'))}
        {date('supply_date', t('invoice.supply_date_hint'))}
        {text('payment_term_days', t('invoice.payment_term'), {
          description: t('invoice.payment_term_hint'),
          inputMode: 'numeric',
        })}
        <Select
          label={t('invoice.language')}
          data={[
            { value: '', label: t('invoice.language.customer') },
            { value: 'nl', label: t('invoice.language.nl') },
            { value: 'en', label: t('invoice.language.en') },
          ]}
          value={values.language}
          allowDeselect={false}
          error={errors.language}
          onChange={(value) => onChange({ language: (value ?? '') as HeaderValues['language'] })}
          data-testid="invoice-language"
        />
        {text('discount_percent', t('invoice.discount_percent'), { inputMode: 'decimal' })}
        {text('buyer_reference', t('invoice.buyer_reference'), { description: t('invoice.buyer_reference_hint') })}
      </SimpleGrid>
      <Textarea
        label={t('invoice.note')}
        value={values.note}
        error={errors.note}
        autosize
        minRows={2}
        onChange={(event) => onChange({ note: event.currentTarget.value })}
        data-testid="invoice-note"
      />
    </Stack>
  );
}

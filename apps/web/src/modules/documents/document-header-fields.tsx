import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { type PickedRelation, RelationPicker } from '../crm/activities/relation-picker.tsx';
import type { DocumentKind } from './document-kind.ts';

/** The header fields every quote and invoice has. */
export interface DocumentHeaderValues {
  customer: PickedRelation | null;
  /** Empty: the customer's language. */
  language: '' | Locale;
  discount_percent: string;
  buyer_reference: string;
  note: string;
}

/**
 * Customer, language, references, the discount on the whole document and its note; the fields of
 * one kind of document (dates, payment term, validity) come in as `children`, first in the grid.
 */
export function DocumentHeaderFields({
  kind,
  values,
  errors,
  onChange,
  children,
}: {
  kind: DocumentKind;
  values: DocumentHeaderValues;
  errors: FieldErrors;
  onChange(changes: Partial<DocumentHeaderValues>): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const text = (
    field: 'discount_percent' | 'buyer_reference',
    label: string,
    props: { description?: string; inputMode?: 'decimal' } = {},
  ) => (
    <TextInput
      label={label}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      data-testid={`${kind}-${field.replaceAll('_', '-')}`}
      {...props}
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
        testId={`${kind}-customer`}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {children}
        <Select
          label={t(`${kind}.language`)}
          data={[
            { value: '', label: t('invoice.language.customer') },
            { value: 'nl', label: t('invoice.language.nl') },
            { value: 'en', label: t('invoice.language.en') },
          ]}
          value={values.language}
          allowDeselect={false}
          error={errors.language}
          onChange={(value) => onChange({ language: (value ?? '') as DocumentHeaderValues['language'] })}
          data-testid={`${kind}-language`}
        />
        {text('discount_percent', t(`${kind}.discount_percent`), { inputMode: 'decimal' })}
        {text('buyer_reference', t(`${kind}.buyer_reference`), { description: t(`${kind}.buyer_reference_hint`) })}
      </SimpleGrid>
      <Textarea
        label={t(`${kind}.note`)}
        value={values.note}
        error={errors.note}
        autosize
        minRows={2}
        onChange={(event) => onChange({ note: event.currentTarget.value })}
        data-testid={`${kind}-note`}
      />
    </Stack>
  );
}

import { amsterdamDate, createMandate, MANDATE_TYPES, type MandateScheme } from '@clientbox/contracts';
import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import type { RelationOnPage } from '../../../shared/ui/relation-sections.tsx';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { MandateSchemeSelect, MandateTypeSelect } from './mandate-choice-fields.tsx';
import { useRecordMandate } from './use-mandates.ts';

/**
 * "Machtiging vastleggen": a mandate the customer signed on paper (or elsewhere). The account
 * holder starts as the customer's name; the mandate id is made by the server when left empty.
 * Mounted only while open, so every opening starts empty.
 */
export function MandateRecordDialog({ relation, onClose }: { relation: RelationOnPage; onClose(): void }) {
  const { t } = useI18n();
  const record = useRecordMandate();
  const [values, setValues] = useState({
    mandate_id: '',
    scheme: 'CORE' as MandateScheme,
    type: 'recurrent' as (typeof MANDATE_TYPES)[number],
    signed_on: amsterdamDate(),
    debtor_name: relation.name,
    iban: '',
    bic: '',
    signed_place: '',
  });
  const form = useCheckedSubmit(createMandate, async (body) => {
    await record.mutateAsync(body);
    notifications.show({ color: 'green', message: t('mandates.recorded') });
    onClose();
  });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const text = (field: 'mandate_id' | 'debtor_name' | 'iban' | 'bic' | 'signed_place', description?: string) => (
    <TextInput
      label={t(`mandates.field.${field}`)}
      description={description}
      value={values[field]}
      error={form.errors[field]}
      autoComplete="off"
      onChange={(event) => set(field)(event.currentTarget.value)}
      data-testid={`mandate-record-${field.replace('_', '-')}`}
    />
  );

  return (
    <ConfirmDialog
      opened
      title={t('mandates.record_title')}
      confirmLabel={t('mandates.record')}
      isBusy={record.isPending}
      error={form.general}
      onConfirm={() =>
        void form.submit({
          ...values,
          customer_id: relation.id,
          mandate_id: values.mandate_id.trim() || undefined,
          iban: values.iban.replace(/\s+/g, '').toUpperCase(),
        })
      }
      onClose={onClose}
      testId="mandate-record-dialog"
    >
      <Text size="sm" c="dimmed">
        {t('mandates.record_hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <MandateSchemeSelect
          value={values.scheme}
          relation={relation}
          error={form.errors.scheme}
          onChange={set('scheme')}
          testId="mandate-record-scheme"
        />
        <MandateTypeSelect
          value={values.type}
          error={form.errors.type}
          onChange={set('type')}
          testId="mandate-record-type"
        />
        <TextInput
          type="date"
          label={t('mandates.field.signed_on')}
          value={values.signed_on}
          max={amsterdamDate()}
          error={form.errors.signed_on}
          onChange={(event) => set('signed_on')(event.currentTarget.value)}
          data-testid="mandate-record-signed-on"
        />
        {text('mandate_id', t('mandates.field.mandate_id_hint'))}
      </SimpleGrid>
      {text('debtor_name')}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {text('iban')}
        {text('bic', t('mandates.field.bic_hint'))}
      </SimpleGrid>
      {text('signed_place')}
    </ConfirmDialog>
  );
}

import { createDirectDebitBatches, type DirectDebitBatchDto } from '@clientbox/contracts';
import { Anchor, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { problemMessage } from '../problem-message.ts';
import { useCreateDirectDebitBatches } from './use-batches.ts';

/**
 * "Nieuwe incasso-opdracht": everything collectable by the (optional) date, one batch per scheme.
 * A refusal is worded from its code; a missing creditor id or IBAN is not a field of this form,
 * so it is said above the buttons with a link to the company details.
 */
export function DirectDebitBatchCreateDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(batches: DirectDebitBatchDto[]): void;
}) {
  const { t, locale } = useI18n();
  const create = useCreateDirectDebitBatches();
  const [collectionDate, setCollectionDate] = useState('');
  const [isCreditorMissing, setCreditorMissing] = useState(false);
  const form = useCheckedSubmit(
    createDirectDebitBatches,
    async (body) => {
      setCreditorMissing(false);
      const created = await create.mutateAsync(body);
      notifications.show({ color: 'green', message: t('direct_debits.created', { count: created.data.length }) });
      onCreated(created.data);
    },
    (error) => {
      const code = error instanceof ApiError ? error.problem.code : null;
      setCreditorMissing(code === 'creditor_details_missing');
      // The date's own refusal stands at the date field (the server names it).
      return code === 'collection_date_too_early' || code === 'validation_failed'
        ? null
        : problemMessage(error, locale);
    },
  );
  return (
    <ConfirmDialog
      opened
      title={t('direct_debits.new')}
      confirmLabel={t('direct_debits.create')}
      isBusy={create.isPending}
      error={form.general}
      onConfirm={() => void form.submit(collectionDate ? { collection_date: collectionDate } : {})}
      onClose={onClose}
      testId="direct-debit-create-dialog"
    >
      <Text size="sm">{t('direct_debits.create_hint')}</Text>
      <TextInput
        type="date"
        label={t('direct_debits.collection_date')}
        description={t('direct_debits.collection_date_hint')}
        value={collectionDate}
        onChange={(event) => setCollectionDate(event.currentTarget.value)}
        error={form.errors.collection_date}
        data-testid="direct-debit-collection-date"
        data-autofocus
      />
      {isCreditorMissing && (
        <Anchor component={Link} to="/settings/company" size="sm" data-testid="direct-debit-company-link">
          {t('nav.company')}
        </Anchor>
      )}
    </ConfirmDialog>
  );
}

import { type CollectionPause, createCollectionPause } from '@clientbox/contracts';
import { Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { useCreateCollectionPause, useEndCollectionPause } from './use-reminders.ts';

/** "Pauzeer herinneringen": the customer gets none until it is resumed, or after the day given. */
export function CollectionPauseDialog({ customerId, onClose }: { customerId: string; onClose(): void }) {
  const { t } = useI18n();
  const pause = useCreateCollectionPause();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const form = useCheckedSubmit(createCollectionPause, async (body) => {
    await pause.mutateAsync(body);
    notifications.show({ color: 'green', message: t('collections.paused') });
    onClose();
  });
  return (
    <ConfirmDialog
      opened
      title={t('collections.pause_title')}
      confirmLabel={t('collections.pause')}
      isBusy={pause.isPending}
      // The customer is no field here: what the server says of it (paused already) stands above the buttons.
      error={form.general ?? form.errors.customer_id}
      onConfirm={() => void form.submit({ customer_id: customerId, reason, until })}
      onClose={onClose}
      testId="collection-pause-dialog"
    >
      <Text size="sm">{t('collections.pause_hint')}</Text>
      <TextInput
        label={t('collections.pause_reason')}
        value={reason}
        required
        error={form.errors.reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        data-testid="collection-pause-reason"
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('collections.pause_until')}
        description={t('collections.pause_until_hint')}
        value={until}
        error={form.errors.until}
        onChange={(event) => setUntil(event.currentTarget.value)}
        data-testid="collection-pause-until"
      />
    </ConfirmDialog>
  );
}

/** "Hervat", after confirmation: the pause ends today. */
export function CollectionResumeDialog({ pause, onClose }: { pause: CollectionPause; onClose(): void }) {
  const { t, locale } = useI18n();
  const end = useEndCollectionPause();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await end.mutateAsync(pause.id);
      notifications.show({ color: 'green', message: t('collections.resumed') });
      onClose();
    } catch (failure) {
      setError(serverErrors(failure, locale).general);
    }
  };
  return (
    <ConfirmDialog
      opened
      title={t('collections.resume_title')}
      confirmLabel={t('collections.resume')}
      isBusy={end.isPending}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="collection-resume-dialog"
    >
      <Text size="sm">{t('collections.resume_body')}</Text>
    </ConfirmDialog>
  );
}

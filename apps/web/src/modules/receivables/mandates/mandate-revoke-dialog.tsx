import { type Mandate, revokeMandate } from '@clientbox/contracts';
import { Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { useRevokeMandate } from './use-mandates.ts';

/** "Intrekken", after confirmation: an active mandate ends, a pending request's link stops working. */
export function MandateRevokeDialog({ mandate, onClose }: { mandate: Mandate; onClose(): void }) {
  const { t } = useI18n();
  const revoke = useRevokeMandate();
  const [reason, setReason] = useState('');
  const form = useCheckedSubmit(revokeMandate, async (body) => {
    await revoke.mutateAsync({ id: mandate.id, body });
    notifications.show({ color: 'green', message: t('mandates.revoked') });
    onClose();
  });
  return (
    <ConfirmDialog
      opened
      title={t('mandates.revoke_title', { mandate_id: mandate.mandate_id })}
      confirmLabel={t('mandates.revoke')}
      color="red"
      isBusy={revoke.isPending}
      error={form.general}
      onConfirm={() => void form.submit({ reason })}
      onClose={onClose}
      testId="mandate-revoke-dialog"
    >
      <Text size="sm">
        {mandate.status === 'pending' ? t('mandates.revoke_pending_body') : t('mandates.revoke_body')}
      </Text>
      <TextInput
        label={t('mandates.revoke_reason')}
        value={reason}
        error={form.errors.reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        data-testid="mandate-revoke-reason"
        data-autofocus
      />
    </ConfirmDialog>
  );
}

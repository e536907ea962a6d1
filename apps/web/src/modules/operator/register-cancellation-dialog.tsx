import { amsterdamDate, type OperatorTenant, registerCancellation } from '@clientbox/contracts';
import { Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { ReasonField } from './reason-field.tsx';
import { useRegisterCancellation } from './use-operator.ts';

/**
 * Art. 8: the tenant cancelled by e-mail; the console registers it with the day it was received,
 * from which the five working days to deactivation count.
 */
export function RegisterCancellationDialog({ tenant, onClose }: { tenant: OperatorTenant; onClose(): void }) {
  const { t, locale } = useI18n();
  const register = useRegisterCancellation();
  const [receivedOn, setReceivedOn] = useState(amsterdamDate());
  const [reason, setReason] = useState('');
  const name = { tenant: tenant.name };
  const { errors, general, submit } = useCheckedSubmit(
    registerCancellation,
    async (body) => {
      const result = await register.mutateAsync({ tenantId: tenant.id, ...body });
      notifications.show({
        color: 'orange',
        message: t('console.tenants.cancellation_registered', {
          ...name,
          date: formatDate(result.deactivation_due_at, locale),
        }),
      });
      onClose();
    },
    (error) => (error instanceof ApiError && error.status === 409 ? t('console.tenants.cancellation_conflict') : null),
  );
  const confirm = () => submit({ ...(receivedOn && { received_on: receivedOn }), ...(reason.trim() && { reason }) });

  const title = t('console.tenants.register_cancellation');
  return (
    <ConfirmDialog
      opened
      title={`${title}: ${tenant.name}`}
      confirmLabel={title}
      color="orange"
      isBusy={register.isPending}
      error={general}
      onConfirm={confirm}
      onClose={onClose}
      testId="console-dialog-register-cancellation"
    >
      <Text size="sm">{t('console.tenants.register_cancellation_text', name)}</Text>
      <TextInput
        type="date"
        label={t('console.tenants.received_on')}
        value={receivedOn}
        max={amsterdamDate()}
        onChange={(event) => setReceivedOn(event.currentTarget.value)}
        error={errors.received_on}
        data-testid="console-cancellation-received-on"
      />
      <ReasonField value={reason} onChange={setReason} error={errors.reason} testId="console-cancellation-reason" />
    </ConfirmDialog>
  );
}

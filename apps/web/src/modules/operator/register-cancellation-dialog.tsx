import { amsterdamDate, type OperatorTenant, registerCancellation } from '@clientbox/contracts';
import { Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const name = { tenant: tenant.name };

  const confirm = async () => {
    const values = { ...(receivedOn && { received_on: receivedOn }), ...(reason.trim() && { reason }) };
    const checked = validate(registerCancellation, values, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      const result = await register.mutateAsync({ tenantId: tenant.id, ...checked.data });
      notifications.show({
        color: 'orange',
        message: t('console.tenants.cancellation_registered', {
          ...name,
          date: formatDate(result.deactivation_due_at, locale),
        }),
      });
      onClose();
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      const isConflict = error instanceof ApiError && error.status === 409;
      setGeneral(isConflict ? t('console.tenants.cancellation_conflict') : problem.general);
    }
  };

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
      <Textarea
        label={t('console.tenants.reason')}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
        data-testid="console-cancellation-reason"
      />
    </ConfirmDialog>
  );
}

import { cancelSubscription, type Subscription } from '@clientbox/contracts';
import { Alert, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { monthsLabel, today } from './subscription-labels.ts';
import { useCancelSubscription } from './use-subscriptions.ts';

type Mode = 'end_of_period' | 'on_date';

/**
 * Cancelling: at the end of the period in which the notice runs out, or on a chosen day (not
 * before it: the server answers `notice_period_not_met` at the end date). An invoice already
 * issued for a later period stays due, as the dialog says.
 */
export function SubscriptionCancelDialog({ subscription, onClose }: { subscription: Subscription; onClose(): void }) {
  const { t } = useI18n();
  const cancel = useCancelSubscription();
  const [mode, setMode] = useState<Mode>('end_of_period');
  const [endDate, setEndDate] = useState('');
  const [requestedOn, setRequestedOn] = useState(today());
  const [reason, setReason] = useState('');
  const { errors, general, submit } = useCheckedSubmit(cancelSubscription, async (body) => {
    await cancel.mutateAsync({ id: subscription.id, body });
    notifications.show({ color: 'green', message: t('subscriptions.cancel.done') });
    onClose();
  });
  return (
    <ConfirmDialog
      opened
      title={t('subscriptions.cancel.title')}
      confirmLabel={t('subscriptions.cancel.confirm')}
      color="red"
      isBusy={cancel.isPending}
      error={general}
      onConfirm={() =>
        void submit({
          mode,
          ...(mode === 'on_date' ? { end_date: endDate } : {}),
          ...(requestedOn ? { requested_on: requestedOn } : {}),
          ...(reason.trim() ? { reason } : {}),
        })
      }
      onClose={onClose}
      testId="subscription-cancel-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('subscriptions.cancel.notice', { period: monthsLabel(t, subscription.notice_period_months) })}
        </Text>
        <Radio.Group
          label={t('subscriptions.cancel.mode')}
          value={mode}
          error={errors.mode}
          onChange={(next) => setMode(next as Mode)}
        >
          <Stack gap="xs" mt={6}>
            <Radio
              value="end_of_period"
              label={t('subscriptions.cancel.end_of_period')}
              description={t('subscriptions.cancel.end_of_period_hint')}
              data-testid="subscription-cancel-end-of-period"
            />
            <Radio
              value="on_date"
              label={t('subscriptions.cancel.on_date')}
              data-testid="subscription-cancel-on-date"
            />
          </Stack>
        </Radio.Group>
        {mode === 'on_date' && (
          <TextInput
            type="date"
            label={t('subscriptions.cancel.end_date')}
            value={endDate}
            error={errors.end_date}
            onChange={(event) => setEndDate(event.currentTarget.value)}
            data-testid="subscription-cancel-end-date"
          />
        )}
        {mode === 'end_of_period' && errors.end_date && (
          <Text size="sm" c="red" role="alert" data-testid="subscription-cancel-end-date-error">
            {errors.end_date}
          </Text>
        )}
        <TextInput
          type="date"
          label={t('subscriptions.cancel.requested_on')}
          description={t('subscriptions.cancel.requested_on_hint')}
          value={requestedOn}
          error={errors.requested_on}
          onChange={(event) => setRequestedOn(event.currentTarget.value)}
          data-testid="subscription-cancel-requested-on"
        />
        <Textarea
          label={t('subscriptions.cancel.reason')}
          autosize
          minRows={2}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="subscription-cancel-reason"
        />
        <Alert color="blue" data-testid="subscription-cancel-rule">
          {t('subscriptions.cancel.rule')}
        </Alert>
      </Stack>
    </ConfirmDialog>
  );
}

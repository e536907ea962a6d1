import { type Subscription, updateSubscription } from '@clientbox/contracts';
import { Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { type SubscriptionTermsValues, termsBodyOf, termsValuesOf } from './subscription-form-values.ts';
import { SubscriptionTermsFields } from './subscription-terms-fields.tsx';
import { subscriptionKeys, useUpdateSubscription } from './use-subscriptions.ts';

/**
 * The details that change without touching the price: name, when the invoice is made, notice,
 * payment. Saved with the version it was read at; when someone else saved first (412) the
 * subscription is read again and the dialog says so.
 */
export function SubscriptionEditDialog({ subscription, onClose }: { subscription: Subscription; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateSubscription();
  const [name, setName] = useState(subscription.name);
  const [values, setValues] = useState<SubscriptionTermsValues>(() => termsValuesOf(subscription));
  const { errors, general, submit } = useCheckedSubmit(
    updateSubscription,
    async (changes) => {
      await update.mutateAsync({ id: subscription.id, changes, version: subscription.version });
      notifications.show({ color: 'green', message: t('subscriptions.edit.saved') });
      onClose();
    },
    (error) => {
      if (!(error instanceof ApiError && error.status === 412)) return null;
      void queryClient.invalidateQueries({ queryKey: subscriptionKeys.detail(subscription.id) });
      return t('subscriptions.edit.stale');
    },
  );
  return (
    <ConfirmDialog
      opened
      title={t('subscriptions.edit.title')}
      confirmLabel={t('common.save')}
      isBusy={update.isPending}
      error={general}
      onConfirm={() => void submit({ name, ...termsBodyOf(values) })}
      onClose={onClose}
      testId="subscription-edit-dialog"
      size="lg"
    >
      <Stack gap="md">
        <TextInput
          label={t('subscriptions.field.name')}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
          data-testid="subscription-edit-name"
        />
        <SubscriptionTermsFields
          billing={subscription.billing}
          customerId={subscription.customer_id}
          values={values}
          errors={errors}
          onChange={(changes) => setValues((current) => ({ ...current, ...changes }))}
        />
      </Stack>
    </ConfirmDialog>
  );
}

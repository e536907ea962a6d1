import type { Subscription } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { customerPath, useDocumentCustomer } from '../documents/use-document-customer.ts';
import { SubscriptionCancelDialog } from './subscription-cancel-dialog.tsx';
import { SubscriptionChangeDialog } from './subscription-change-dialog.tsx';
import {
  SubscriptionBilledPeriods,
  SubscriptionFacts,
  SubscriptionLines,
  SubscriptionNext,
  SubscriptionPriceChanges,
} from './subscription-details.tsx';
import { SubscriptionEditDialog } from './subscription-edit-dialog.tsx';
import { day } from './subscription-labels.ts';
import { SubscriptionPriceChangeDialog } from './subscription-price-change-dialog.tsx';
import { SubscriptionStatusBadge } from './subscription-status-badge.tsx';
import { useSubscription } from './use-subscriptions.ts';

type Dialog = 'change' | 'cancel' | 'price' | 'edit' | null;

/** The customer's name, linked to its page in the CRM when it is still there. */
function CustomerLink({ subscription }: { subscription: Subscription }) {
  const customer = useDocumentCustomer(subscription.customer_id);
  if (!customer.data) return <Text data-testid="subscription-customer-name">{subscription.customer_name}</Text>;
  return (
    <Anchor component={Link} to={customerPath(customer.data)} data-testid="subscription-customer-name">
      {subscription.customer_name}
    </Anchor>
  );
}

function SubscriptionView({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const isRunning = subscription.status !== 'ended';
  const canCancel = subscription.status === 'active' || subscription.status === 'scheduled';
  const close = () => setDialog(null);
  return (
    <Stack data-testid="subscription-page" data-status={subscription.status}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="subscription-title">
              {subscription.name}
            </Title>
            <SubscriptionStatusBadge status={subscription.status} />
          </Group>
          <CustomerLink subscription={subscription} />
        </Stack>
        {isRunning && (
          <Group gap="xs" wrap="wrap" data-testid="subscription-actions">
            <Button size="sm" onClick={() => setDialog('change')} data-testid="subscription-change">
              {t('subscriptions.action.change')}
            </Button>
            <Button
              size="sm"
              variant="default"
              onClick={() => setDialog('price')}
              data-testid="subscription-price-change"
            >
              {t('subscriptions.action.price_change')}
            </Button>
            <Button size="sm" variant="default" onClick={() => setDialog('edit')} data-testid="subscription-edit">
              {t('subscriptions.action.edit')}
            </Button>
            {canCancel && (
              <Button
                size="sm"
                variant="subtle"
                color="red"
                onClick={() => setDialog('cancel')}
                data-testid="subscription-cancel"
              >
                {t('subscriptions.action.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {subscription.status === 'ending' && subscription.end_date && (
        <Alert color="orange" data-testid="subscription-ending">
          {t('subscriptions.detail.ending', { date: day(subscription.end_date, locale) })}
        </Alert>
      )}
      <SubscriptionNext subscription={subscription} />
      <SubscriptionLines subscription={subscription} />
      <SubscriptionPriceChanges subscription={subscription} />
      <SubscriptionFacts subscription={subscription} />
      <SubscriptionBilledPeriods subscription={subscription} />
      {dialog === 'change' && <SubscriptionChangeDialog subscription={subscription} onClose={close} />}
      {dialog === 'cancel' && <SubscriptionCancelDialog subscription={subscription} onClose={close} />}
      {dialog === 'price' && <SubscriptionPriceChangeDialog subscription={subscription} onClose={close} />}
      {dialog === 'edit' && <SubscriptionEditDialog subscription={subscription} onClose={close} />}
    </Stack>
  );
}

/** `/subscriptions/$id`. */
export function SubscriptionPage() {
  const { t, locale } = useI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const subscription = useSubscription(id);
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/subscriptions" size="sm">
        ← {t('subscriptions.back')}
      </Anchor>
      {subscription.error ? (
        <Alert color="red" data-testid="subscription-load-error">
          {serverErrors(subscription.error, locale).general}
        </Alert>
      ) : !subscription.data ? (
        <Loader size="sm" />
      ) : (
        <SubscriptionView subscription={subscription.data} />
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import type { RelationOnPage } from '../../shared/ui/relation-sections.tsx';
import { SubscriptionRows } from './subscription-list.tsx';
import { useCustomerSubscriptions } from './use-subscriptions.ts';

/**
 * The subscriptions module's section on an organization's or person's page: the customer's
 * subscriptions and a new one for this customer. Rendered through the relation page's slot
 * (`shared/ui/relation-sections.tsx`), only for tenants with Subscriptions.
 */
export function CustomerSubscriptionsSection({ relation }: { relation: RelationOnPage }) {
  const { t, locale } = useI18n();
  const subscriptions = useCustomerSubscriptions(relation.id);
  const rows = subscriptions.data?.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="customer-subscriptions">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t('subscriptions.section_title')}</Text>
          <Button
            size="xs"
            renderRoot={(props) => <Link to="/subscriptions/new" search={{ customer_id: relation.id }} {...props} />}
            data-testid="customer-subscription-new"
          >
            {t('subscriptions.new')}
          </Button>
        </Group>
        {subscriptions.error ? (
          <Alert color="red">{serverErrors(subscriptions.error, locale).general}</Alert>
        ) : !subscriptions.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="customer-subscriptions-empty">
            {t('subscriptions.customer_empty')}
          </Text>
        ) : (
          <SubscriptionRows rows={rows} showCustomer={false} />
        )}
      </Stack>
    </Paper>
  );
}

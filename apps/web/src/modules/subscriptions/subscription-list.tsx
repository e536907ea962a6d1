import type { Subscription } from '@clientbox/contracts';
import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { day, intervalLabel, money } from './subscription-labels.ts';
import { SubscriptionStatusBadge } from './subscription-status-badge.tsx';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** A phone shows each subscription as a card: name, status, customer, interval, monthly amount and next invoice. */
function SubscriptionCard({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="subscription-row" data-id={subscription.id} data-status={subscription.status}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor
          component={Link}
          to={`/subscriptions/${subscription.id}`}
          fw={600}
          style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          data-testid="subscription-row-name"
        >
          {subscription.name}
        </Anchor>
        <SubscriptionStatusBadge status={subscription.status} />
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="subscription-row-customer">
        {subscription.customer_name}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {intervalLabel(t, subscription.interval_months)} ·{' '}
          {t('subscriptions.next_invoice_on', { date: day(subscription.next_invoice_date, locale) })}
        </Text>
        <Text size="sm" fw={600} style={NO_WRAP} data-testid="subscription-row-monthly">
          {t('subscriptions.per_month', { amount: money(subscription.monthly_amount, locale) })}
        </Text>
      </Group>
    </Paper>
  );
}

function SubscriptionTable({ rows, showCustomer }: { rows: Subscription[]; showCustomer: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="subscriptions-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('subscriptions.column.name')}</Table.Th>
          {showCustomer && <Table.Th>{t('subscriptions.column.customer')}</Table.Th>}
          <Table.Th visibleFrom="md">{t('subscriptions.column.interval')}</Table.Th>
          <Table.Th visibleFrom="md">{t('subscriptions.column.next_invoice')}</Table.Th>
          <Table.Th ta="right">{t('subscriptions.column.monthly')}</Table.Th>
          <Table.Th>{t('subscriptions.column.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((subscription) => (
          <Table.Tr
            key={subscription.id}
            data-testid="subscription-row"
            data-id={subscription.id}
            data-status={subscription.status}
          >
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Anchor
                component={Link}
                to={`/subscriptions/${subscription.id}`}
                size="sm"
                data-testid="subscription-row-name"
              >
                {subscription.name}
              </Anchor>
            </Table.Td>
            {showCustomer && (
              <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="subscription-row-customer">
                {subscription.customer_name}
              </Table.Td>
            )}
            <Table.Td visibleFrom="md" style={NO_WRAP}>
              {intervalLabel(t, subscription.interval_months)}
            </Table.Td>
            <Table.Td visibleFrom="md" style={NO_WRAP}>
              {day(subscription.next_invoice_date, locale)}
            </Table.Td>
            <Table.Td ta="right" style={NO_WRAP} data-testid="subscription-row-monthly">
              {money(subscription.monthly_amount, locale)}
            </Table.Td>
            <Table.Td>
              <div style={{ width: 'max-content' }}>
                <SubscriptionStatusBadge status={subscription.status} />
              </div>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Subscriptions as cards on a phone and as a table on a wider screen (the customer's page leaves out the customer). */
export function SubscriptionRows({ rows, showCustomer = true }: { rows: Subscription[]; showCustomer?: boolean }) {
  // Read at once, so a phone never renders the table first.
  const isPhone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  if (isPhone)
    return (
      <Stack gap="xs" data-testid="subscriptions-cards">
        {rows.map((subscription) => (
          <SubscriptionCard key={subscription.id} subscription={subscription} />
        ))}
      </Stack>
    );
  return <SubscriptionTable rows={rows} showCustomer={showCustomer} />;
}

import type { Subscription } from '@clientbox/contracts';
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { DocumentLinesTable } from '../documents/document-lines-table.tsx';
import { formatUnitPriceLabel } from '../products/product-labels.ts';
import { day, intervalLabel, money, monthsLabel, periodLabel } from './subscription-labels.ts';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** What comes next: the period of the next invoice, the day it is made, and what has been invoiced. */
export function SubscriptionNext({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="md" data-testid="subscription-next">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label={t('subscriptions.detail.monthly_amount')} testId="subscription-monthly-amount">
          {money(subscription.monthly_amount, locale)}
        </Fact>
        <Fact label={t('subscriptions.detail.next_period')} testId="subscription-next-period">
          {subscription.next_period ? periodLabel(subscription.next_period, locale) : t('subscriptions.detail.none')}
        </Fact>
        <Fact label={t('subscriptions.detail.next_invoice_date')} testId="subscription-next-invoice-date">
          {day(subscription.next_invoice_date, locale)}
        </Fact>
        <Fact label={t('subscriptions.detail.billed_through')} testId="subscription-billed-through">
          {day(subscription.billed_through, locale)}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

/** How the subscription runs, is invoiced and paid. */
export function SubscriptionFacts({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  const yes = (value: boolean) => (value ? t('subscriptions.yes') : t('subscriptions.no'));
  return (
    <Paper withBorder p="md" data-testid="subscription-facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Fact label={t('subscriptions.field.interval')}>{intervalLabel(t, subscription.interval_months)}</Fact>
        <Fact label={t('subscriptions.field.billing')}>
          {t(`subscriptions.billing_timing.${subscription.billing}`)}
        </Fact>
        <Fact label={t('subscriptions.field.alignment')}>{t(`subscriptions.alignment.${subscription.alignment}`)}</Fact>
        <Fact label={t('subscriptions.field.invoice_date_rule')}>
          {subscription.invoice_date_rule === 'days_before'
            ? t('subscriptions.invoice_date_rule.days_before_n', { days: subscription.invoice_days_before })
            : t(`subscriptions.invoice_date_rule.${subscription.invoice_date_rule}`)}
        </Fact>
        <Fact label={t('subscriptions.field.start_date')}>{day(subscription.start_date, locale)}</Fact>
        <Fact label={t('subscriptions.field.end_date')} testId="subscription-end-date-value">
          {subscription.end_date ? day(subscription.end_date, locale) : t('subscriptions.detail.no_end')}
        </Fact>
        <Fact label={t('subscriptions.field.notice_period_months')}>
          {monthsLabel(t, subscription.notice_period_months)}
        </Fact>
        <Fact label={t('subscriptions.field.payment_method')}>
          {t(`subscriptions.payment_method.${subscription.payment_method}`)}
        </Fact>
        <Fact label={t('subscriptions.field.payment_term_days')}>
          {subscription.payment_term_days === null
            ? t('subscriptions.detail.customer_term')
            : t('subscriptions.detail.days', { days: subscription.payment_term_days })}
        </Fact>
        <Fact label={t('subscriptions.field.group_invoices')}>{yes(subscription.group_invoices)}</Fact>
        <Fact label={t('subscriptions.field.buyer_reference')}>{subscription.buyer_reference ?? '–'}</Fact>
        {subscription.cancelled_at && (
          <Fact label={t('subscriptions.detail.cancelled_at')} testId="subscription-cancelled-at">
            {formatDateTime(subscription.cancelled_at, locale)}
          </Fact>
        )}
      </SimpleGrid>
      {subscription.invoice_note && (
        <Fact label={t('subscriptions.field.invoice_note')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{subscription.invoice_note}</span>
        </Fact>
      )}
    </Paper>
  );
}

/** The lines as they repeat each period, each with its monthly value. */
export function SubscriptionLines({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('subscriptions.section.lines')}
      </Title>
      <DocumentLinesTable
        kind="subscription"
        lines={subscription.lines}
        noteOf={(line) =>
          line.kind === 'item' ? (
            <Text size="xs" c="dimmed" data-testid="subscription-line-monthly">
              {t('subscriptions.per_month', { amount: money(line.monthly_amount, locale) })}
            </Text>
          ) : null
        }
      />
    </Stack>
  );
}

/** Prices announced ahead: per line the old and new price, from when, and why. */
export function SubscriptionPriceChanges({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  if (subscription.price_changes.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="subscription-price-changes">
      <Title order={3} size="h5" mb="sm">
        {t('subscriptions.price_changes.title')}
      </Title>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('subscriptions.price_changes.line')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.price_changes.price')}</Table.Th>
            <Table.Th>{t('subscriptions.price_changes.applies_from')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('subscriptions.price_changes.announced_at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscription.price_changes.map((change) => (
            <Table.Tr key={change.id} data-testid="subscription-price-change-row">
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {change.description}
                {change.reason && (
                  <Text size="xs" c="dimmed">
                    {change.reason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={NO_WRAP}>
                <Text size="xs" c="dimmed" td="line-through" component="span">
                  {formatUnitPriceLabel(change.previous_unit_price, locale)}
                </Text>{' '}
                {formatUnitPriceLabel(change.unit_price, locale)}
              </Table.Td>
              <Table.Td style={NO_WRAP}>{day(change.applies_from, locale)}</Table.Td>
              <Table.Td visibleFrom="sm" style={NO_WRAP}>
                {change.announced_at ? formatDateTime(change.announced_at, locale) : '–'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The periods invoiced so far, newest first as the server sends them, each with its invoice. */
export function SubscriptionBilledPeriods({ subscription }: { subscription: Subscription }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="md" data-testid="subscription-billed-periods">
      <Title order={3} size="h5" mb="sm">
        {t('subscriptions.billed.title')}
      </Title>
      {subscription.billed_periods.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="subscription-billed-empty">
          {t('subscriptions.billed.empty')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscriptions.billed.period')}</Table.Th>
              <Table.Th>{t('subscriptions.billed.invoice')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.billed.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscription.billed_periods.map((period) => (
              <Table.Tr key={`${period.start}-${period.invoice_id ?? ''}`} data-testid="subscription-billed-period">
                <Table.Td>
                  <Text size="sm" style={NO_WRAP}>
                    {day(period.start, locale)} –
                  </Text>
                  <Text size="sm" style={NO_WRAP}>
                    {day(period.end, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {period.invoice_id ? (
                    <Anchor
                      component={Link}
                      to={`/invoices/${period.invoice_id}`}
                      size="sm"
                      data-testid="subscription-billed-invoice"
                    >
                      {period.invoice_number ?? t('invoices.draft_number')}
                    </Anchor>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td ta="right" style={NO_WRAP} data-testid="subscription-billed-amount">
                  {money(period.amount_excl_vat, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {subscription.billed_periods.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="subscription-billed-hint">
          {t('subscriptions.billed.hint')}
        </Text>
      )}
    </Paper>
  );
}

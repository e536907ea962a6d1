import { parseAmount, type SubscriptionMetrics } from '@clientbox/contracts';
import { Box, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { day, money } from './subscription-labels.ts';

const BAR = 'var(--mantine-color-teal-6)';
const BAR_AREA = 120;

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Paper>
  );
}

/** MRR, ARR, running subscriptions and the last 30 days' churn, above the list. */
export function SubscriptionFigures({ metrics }: { metrics: SubscriptionMetrics }) {
  const { t, locale } = useI18n();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="subscription-metrics">
      <Figure label={t('subscriptions.metrics.mrr')} value={money(metrics.mrr, locale)} testId="mrr-value" />
      <Figure label={t('subscriptions.metrics.arr')} value={money(metrics.arr, locale)} testId="arr-value" />
      <Figure
        label={t('subscriptions.metrics.active')}
        value={metrics.active_subscriptions}
        testId="active-subscriptions-value"
      />
      <Figure
        label={t('subscriptions.metrics.churn')}
        value={`${locale === 'nl' ? metrics.churn_percent_30d.replace('.', ',') : metrics.churn_percent_30d}%`}
        testId="churn-value"
      />
    </SimpleGrid>
  );
}

/**
 * MRR at the end of each of the last 12 months as bars (drawn like the invoices' revenue chart:
 * plain boxes, no chart library); each bar's label says its month, MRR, new and lost MRR, for a
 * screen reader as for the eye.
 */
export function MrrChart({ metrics }: { metrics: SubscriptionMetrics }) {
  const { t, locale } = useI18n();
  const values = metrics.months.map((month) => Number(parseAmount(month.mrr)));
  const highest = Math.max(0, ...values);
  const heightOf = (value: number) =>
    value <= 0 || highest === 0 ? 0 : Math.max(2, Math.round((value / highest) * BAR_AREA));
  const monthLabel = (month: string) => {
    const [year, number] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      month: 'short',
      timeZone: 'UTC',
    });
  };
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} data-testid="mrr-chart">
      <Title order={3} size="h5" mb="sm">
        {t('subscriptions.metrics.chart_title')}
      </Title>
      <Box style={{ overflowX: 'auto' }}>
        <Box
          component="ul"
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${metrics.months.length}, minmax(18px, 1fr))`,
            gap: 4,
            listStyle: 'none',
            margin: 0,
            padding: 0,
            minWidth: metrics.months.length * 22,
          }}
        >
          {metrics.months.map((month, index) => {
            const label = t('subscriptions.metrics.bar', {
              month: monthLabel(month.month),
              mrr: money(month.mrr, locale),
              new_mrr: money(month.new_mrr, locale),
              churned_mrr: money(month.churned_mrr, locale),
              active: month.active,
            });
            return (
              <li key={month.month}>
                <Box
                  style={{
                    height: BAR_AREA,
                    display: 'flex',
                    alignItems: 'flex-end',
                    justifyContent: 'center',
                    borderBottom: '1px solid var(--mantine-color-gray-4)',
                  }}
                >
                  <Box
                    role="img"
                    aria-label={label}
                    title={label}
                    data-testid="mrr-bar"
                    data-month={month.month}
                    data-amount={month.mrr}
                    style={{
                      width: '60%',
                      maxWidth: 22,
                      height: heightOf(values[index]!),
                      background: BAR,
                      borderRadius: '2px 2px 0 0',
                    }}
                  />
                </Box>
                <Text size="xs" c="dimmed" ta="center" mt={2}>
                  {monthLabel(month.month)}
                </Text>
              </li>
            );
          })}
        </Box>
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt="xs">
        {t('subscriptions.metrics.chart_caption', { date: day(metrics.date, locale) })}
      </Text>
    </Paper>
  );
}

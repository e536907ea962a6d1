import { parseAmount, type SubscriptionMetrics } from '@clientbox/contracts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatShortMonth } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { MonthBarChart } from '../../shared/ui/month-bar-chart.tsx';
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
 * MRR at the end of each of the last 12 months as bars; each bar's label says its month, MRR, new
 * and lost MRR, for a screen reader as for the eye.
 */
export function MrrChart({ metrics }: { metrics: SubscriptionMetrics }) {
  const { t, locale } = useI18n();
  return (
    <MonthBarChart
      testIds={{ chart: 'mrr-chart', bar: 'mrr-bar' }}
      title={t('subscriptions.metrics.chart_title')}
      barArea={BAR_AREA}
      colors={{ above: BAR }}
      bars={metrics.months.map((month) => ({
        month: month.month,
        // No bar below the line: a month without MRR shows none.
        value: Math.max(0, Number(parseAmount(month.mrr))),
        amount: month.mrr,
        label: t('subscriptions.metrics.bar', {
          month: formatShortMonth(month.month, locale),
          mrr: money(month.mrr, locale),
          new_mrr: money(month.new_mrr, locale),
          churned_mrr: money(month.churned_mrr, locale),
          active: month.active,
        }),
      }))}
      caption={t('subscriptions.metrics.chart_caption', { date: day(metrics.date, locale) })}
    />
  );
}

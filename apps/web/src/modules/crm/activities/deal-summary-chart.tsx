import { type DealSummary, formatAmount, parseAmount } from '@clientbox/contracts';
import { Box, Group, Paper, Text, Title } from '@mantine/core';
import { formatShortMonth } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatEuros } from './activity-format.ts';

const WON = 'var(--mantine-color-green-6)';
const LOST = 'var(--mantine-color-red-5)';
const BAR_AREA = 140;

/**
 * Won and lost value per month as bars. The figure's caption says the totals; each bar's label
 * says its month and amount, so a screen reader gets the numbers the eye gets from the heights.
 */
export function DealSummaryChart({ summary }: { summary: DealSummary }) {
  const { t, locale } = useI18n();
  const amounts = summary.months.flatMap((month) => [parseAmount(month.won.value), parseAmount(month.lost.value)]);
  const max = amounts.reduce((highest, value) => (value > highest ? value : highest), 0n);
  const heightOf = (value: string) =>
    max === 0n
      ? 0
      : Math.max(Math.round((Number(parseAmount(value)) / Number(max)) * BAR_AREA), parseAmount(value) > 0n ? 2 : 0);
  const monthLabel = (month: string) => formatShortMonth(month, locale);
  const total = (outcome: 'won' | 'lost') =>
    formatEuros(
      formatAmount(summary.months.reduce((sum, month) => sum + parseAmount(month[outcome].value), 0n)),
      locale,
    );
  const caption = t('deals.chart_summary', { months: summary.months.length, won: total('won'), lost: total('lost') });
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} data-testid="deal-summary-chart">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h5">
          {t('deals.chart_title')}
        </Title>
        <Group gap="md">
          <Legend color={WON} label={t('deals.won')} />
          <Legend color={LOST} label={t('deals.lost')} />
        </Group>
      </Group>
      <Box style={{ overflowX: 'auto' }}>
        <Box
          component="ul"
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${summary.months.length}, minmax(24px, 1fr))`,
            gap: 4,
            listStyle: 'none',
            margin: 0,
            padding: 0,
            minWidth: summary.months.length * 26,
          }}
        >
          {summary.months.map((month) => (
            <li key={month.month} data-month={month.month}>
              <Box
                style={{
                  height: BAR_AREA,
                  display: 'flex',
                  alignItems: 'flex-end',
                  justifyContent: 'center',
                  gap: 2,
                  borderBottom: '1px solid var(--mantine-color-gray-4)',
                }}
              >
                {(['won', 'lost'] as const).map((outcome) => {
                  const label = `${monthLabel(month.month)}: ${t(`deals.${outcome}`)} ${formatEuros(month[outcome].value, locale)} (${month[outcome].count})`;
                  return (
                    <Box
                      key={outcome}
                      role="img"
                      aria-label={label}
                      title={label}
                      style={{
                        width: '40%',
                        maxWidth: 14,
                        height: heightOf(month[outcome].value),
                        background: outcome === 'won' ? WON : LOST,
                        borderRadius: '2px 2px 0 0',
                      }}
                    />
                  );
                })}
              </Box>
              <Text size="xs" c="dimmed" ta="center" mt={2}>
                {monthLabel(month.month)}
              </Text>
            </li>
          ))}
        </Box>
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt="xs">
        {caption}
      </Text>
    </Paper>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4}>
      <span
        aria-hidden
        style={{ display: 'inline-block', width: 10, height: 10, background: color, borderRadius: 2 }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

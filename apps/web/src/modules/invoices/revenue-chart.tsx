import { formatMoney, parseAmount, type Revenue } from '@clientbox/contracts';
import { Box, Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';

const INVOICED = 'var(--mantine-color-blue-6)';
const CREDITED = 'var(--mantine-color-red-5)';
const BAR_AREA = 140;

/**
 * Revenue excl. VAT per month as bars (drawn like the CRM's won/lost chart: plain boxes, no chart
 * library). A month where credit notes outweigh the invoices goes below the line. The caption
 * says the total; each bar's label says its month and amount, for a screen reader as for the eye.
 */
export function RevenueChart({ revenue }: { revenue: Revenue }) {
  const { t, locale } = useI18n();
  const values = revenue.months.map((month) => Number(parseAmount(month.amount_excl_vat)));
  const highest = Math.max(0, ...values);
  const lowest = Math.max(0, ...values.map((value) => -value));
  const scale = highest + lowest === 0 ? 0 : BAR_AREA / (highest + lowest);
  // The line sits where zero is; a month below it always gets room to show.
  const above =
    highest + lowest === 0 ? BAR_AREA : Math.min(Math.round(highest * scale), lowest > 0 ? BAR_AREA - 2 : BAR_AREA);
  const below = BAR_AREA - above;
  const heightOf = (value: number) => (value === 0 ? 0 : Math.max(2, Math.round(Math.abs(value) * scale)));
  const monthLabel = (month: string) => {
    const [year, number] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      month: 'short',
      timeZone: 'UTC',
    });
  };
  const total = formatMoney(parseAmount(revenue.total_excl_vat), locale);
  const isEmpty = revenue.months.every((month) => month.invoices + month.credit_notes === 0);
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} data-testid="invoices-revenue-chart">
      <Title order={3} size="h5" mb="sm">
        {t('invoices.revenue_title')}
      </Title>
      <Box style={{ overflowX: 'auto' }}>
        <Box
          component="ul"
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${revenue.months.length}, minmax(18px, 1fr))`,
            gap: 4,
            listStyle: 'none',
            margin: 0,
            padding: 0,
            minWidth: revenue.months.length * 22,
          }}
        >
          {revenue.months.map((month, index) => {
            const value = values[index]!;
            const label = t('invoices.revenue_bar', {
              month: monthLabel(month.month),
              amount: formatMoney(parseAmount(month.amount_excl_vat), locale),
              invoices: month.invoices,
              credit_notes: month.credit_notes,
            });
            const bar = (
              <Box
                role="img"
                aria-label={label}
                title={label}
                data-testid="invoices-revenue-bar"
                data-month={month.month}
                data-amount={month.amount_excl_vat}
                style={{
                  width: '60%',
                  maxWidth: 22,
                  height: heightOf(value),
                  background: value < 0 ? CREDITED : INVOICED,
                  borderRadius: value < 0 ? '0 0 2px 2px' : '2px 2px 0 0',
                }}
              />
            );
            return (
              <li key={month.month}>
                <Box
                  style={{
                    height: above,
                    display: 'flex',
                    alignItems: 'flex-end',
                    justifyContent: 'center',
                    borderBottom: '1px solid var(--mantine-color-gray-4)',
                  }}
                >
                  {value >= 0 && bar}
                </Box>
                {below > 0 && (
                  <Box style={{ height: below, display: 'flex', alignItems: 'flex-start', justifyContent: 'center' }}>
                    {value < 0 && bar}
                  </Box>
                )}
                <Text size="xs" c="dimmed" ta="center" mt={2}>
                  {monthLabel(month.month)}
                </Text>
              </li>
            );
          })}
        </Box>
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt="xs" data-testid="invoices-revenue-summary">
        {isEmpty
          ? t('invoices.revenue_empty', { months: revenue.months.length })
          : t('invoices.revenue_summary', { months: revenue.months.length, total })}
      </Text>
    </Paper>
  );
}

import { formatMoney, parseAmount, type Revenue } from '@clientbox/contracts';
import { formatShortMonth } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { MonthBarChart } from '../../shared/ui/month-bar-chart.tsx';

const INVOICED = 'var(--mantine-color-blue-6)';
const CREDITED = 'var(--mantine-color-red-5)';
const BAR_AREA = 140;

/**
 * Revenue excl. VAT per month as bars. A month where credit notes outweigh the invoices goes
 * below the line. The caption says the total; each bar's label says its month and amount, for a
 * screen reader as for the eye.
 */
export function RevenueChart({ revenue }: { revenue: Revenue }) {
  const { t, locale } = useI18n();
  const total = formatMoney(parseAmount(revenue.total_excl_vat), locale);
  const isEmpty = revenue.months.every((month) => month.invoices + month.credit_notes === 0);
  return (
    <MonthBarChart
      testIds={{ chart: 'invoices-revenue-chart', bar: 'invoices-revenue-bar', caption: 'invoices-revenue-summary' }}
      title={t('invoices.revenue_title')}
      barArea={BAR_AREA}
      colors={{ above: INVOICED, below: CREDITED }}
      bars={revenue.months.map((month) => ({
        month: month.month,
        value: Number(parseAmount(month.amount_excl_vat)),
        amount: month.amount_excl_vat,
        label: t('invoices.revenue_bar', {
          month: formatShortMonth(month.month, locale),
          amount: formatMoney(parseAmount(month.amount_excl_vat), locale),
          invoices: month.invoices,
          credit_notes: month.credit_notes,
        }),
      }))}
      caption={
        isEmpty
          ? t('invoices.revenue_empty', { months: revenue.months.length })
          : t('invoices.revenue_summary', { months: revenue.months.length, total })
      }
    />
  );
}

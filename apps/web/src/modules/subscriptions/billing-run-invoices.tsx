import type { BillingRunPreview } from '@clientbox/contracts';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { day, money, periodLabel } from './subscription-labels.ts';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The invoices a billing run makes (or would make): per customer and day, the periods it covers,
 * invoice or credit note, how it is paid and the amount excl. VAT; a made invoice links to its page.
 * On a phone the date and periods go under the customer.
 */
export function BillingRunInvoices({
  preview,
  testId,
  showPeriods = true,
}: {
  preview: BillingRunPreview;
  testId: string;
  /** A narrow panel leaves the periods out. */
  showPeriods?: boolean;
}) {
  const { t, locale } = useI18n();
  if (preview.invoices.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
        {t('subscriptions.billing.nothing')}
      </Text>
    );
  return (
    <Table verticalSpacing="xs" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('subscriptions.billing.customer')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('subscriptions.billing.invoice_date')}</Table.Th>
          {showPeriods && <Table.Th visibleFrom="md">{t('subscriptions.billing.periods')}</Table.Th>}
          <Table.Th ta="right">{t('subscriptions.billing.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.invoices.map((invoice, index) => (
          <Table.Tr
            key={`${invoice.customer_id ?? invoice.customer_name}-${invoice.invoice_date}-${index}`}
            data-testid={`${testId}-row`}
            data-kind={invoice.kind}
          >
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text size="sm">{invoice.customer_name}</Text>
              {invoice.kind === 'credit_note' && (
                <Badge size="xs" color="grape" variant="light">
                  {t('subscriptions.billing.credit_note')}
                </Badge>
              )}
              {invoice.payment_method === 'direct_debit' && (
                <Text size="xs" c="dimmed">
                  {t('subscriptions.payment_method.direct_debit')}
                </Text>
              )}
              {invoice.invoice_id && (
                <Anchor component={Link} to={`/invoices/${invoice.invoice_id}`} size="xs">
                  {invoice.invoice_number ?? t('invoices.draft_number')}
                </Anchor>
              )}
              <Text size="xs" c="dimmed" hiddenFrom="sm" style={NO_WRAP}>
                {day(invoice.invoice_date, locale)}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="sm" style={NO_WRAP}>
              {day(invoice.invoice_date, locale)}
            </Table.Td>
            {showPeriods && (
              <Table.Td visibleFrom="md">
                {invoice.periods.map((period) => (
                  <Text key={`${period.subscription_id}-${period.start}`} size="xs" style={NO_WRAP}>
                    {periodLabel(period, locale)}
                  </Text>
                ))}
              </Table.Td>
            )}
            <Table.Td ta="right" style={NO_WRAP} data-testid={`${testId}-amount`}>
              {money(invoice.total_excl_vat, locale)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('subscriptions.billing.total', { count: preview.invoices.length })}</Table.Th>
          <Table.Th visibleFrom="sm" />
          {showPeriods && <Table.Th visibleFrom="md" />}
          <Table.Th ta="right" style={NO_WRAP} data-testid={`${testId}-total`}>
            {money(preview.total_excl_vat, locale)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

import { type DocumentLine, formatMoney, type Invoice, parseAmount, unitLabel } from '@clientbox/contracts';
import { Alert, Anchor, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { formatPercent, formatUnitPriceLabel } from '../products/product-labels.ts';
import { decimalInputValue, summaryOfInvoice } from './invoice-draft.ts';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { InvoiceTotals } from './invoice-totals.tsx';
import { InvoiceDeliveries, InvoiceDeliveryActions } from './invoice-deliveries.tsx';
import { vatCategoryLabel } from './invoice-labels.ts';

function Detail({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function customerPath(customer: PickedRelation): string {
  return customer.type === 'organization' ? `/crm/organizations/${customer.id}` : `/crm/persons/${customer.id}`;
}

/** One line: on a phone the quantity, price and VAT go under the description instead of in columns. */
function LineRow({ line }: { line: DocumentLine }) {
  const { t, locale } = useI18n();
  if (line.kind !== 'item')
    return (
      <Table.Tr data-testid="invoice-view-line" data-kind={line.kind}>
        <Table.Td colSpan={6} fw={line.kind === 'heading' ? 700 : undefined} style={{ whiteSpace: 'pre-wrap' }}>
          {line.description}
        </Table.Td>
      </Table.Tr>
    );
  const quantity = `${decimalInputValue(line.quantity, locale)} ${unitLabel(line.unit_code, locale)}`;
  const price = formatUnitPriceLabel(line.unit_price, locale);
  const vat = line.vat_category === 'S' ? formatPercent(line.vat_rate, locale) : vatCategoryLabel(t, line.vat_category);
  return (
    <Table.Tr data-testid="invoice-view-line" data-kind={line.kind}>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {line.description}
        {line.product_code && (
          <Text size="xs" c="dimmed">
            {line.product_code}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {quantity} × {price} · {vat}
          {line.discount_percent ? ` · −${formatPercent(line.discount_percent, locale)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {quantity}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {price}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {line.discount_percent ? formatPercent(line.discount_percent, locale) : ''}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {vat}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="invoice-view-line-total">
        {formatMoney(parseAmount(line.line_total), locale)}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * An issued invoice, read-only: what was sent, its VAT breakdown, what is paid and due; sending it
 * (e-mail or marked as sent), its PDF and UBL, and the sent log.
 */
export function InvoiceView({ invoice, customer }: { invoice: Invoice; customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const none = t('invoice.none');
  const date = (value: string | null) => (value ? formatDate(value, locale) : none);
  return (
    <Stack data-testid="invoice-view">
      <Group justify="space-between" gap="sm" align="center">
        <Group gap="sm" wrap="wrap">
          <Title order={2} data-testid="invoice-title">
            {t('invoice.title', { number: invoice.number ?? '' })}
          </Title>
          <InvoiceStatusBadge status={invoice.status} testId="invoice-status" />
        </Group>
        <InvoiceDeliveryActions invoice={invoice} customer={customer} />
      </Group>
      <Alert color="gray" data-testid="invoice-read-only">
        {t('invoice.read_only')}
      </Alert>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <Detail label={t('invoice.number')} testId="invoice-number">
            {invoice.number}
          </Detail>
          <Detail label={t('invoice.customer')} testId="invoice-view-customer">
            {customer ? (
              <Anchor component={Link} to={customerPath(customer)} size="sm">
                {invoice.customer_name ?? customer.name}
              </Anchor>
            ) : (
              (invoice.customer_name ?? none)
            )}
          </Detail>
          <Detail label={t('invoice.issue_date')} testId="invoice-view-issue-date">
            {date(invoice.issue_date)}
          </Detail>
          <Detail label={t('invoice.due_date')} testId="invoice-view-due-date">
            {date(invoice.due_date)}
          </Detail>
          <Detail label={t('invoice.payment_term')}>
            {t('invoice.payment_term_value', { days: invoice.payment_term_days })}
          </Detail>
          {invoice.supply_date && <Detail label={t('invoice.supply_date')}>{date(invoice.supply_date)}</Detail>}
          <Detail label={t('invoice.payment_reference')} testId="invoice-payment-reference">
            {invoice.payment_reference ?? none}
          </Detail>
          {invoice.buyer_reference && <Detail label={t('invoice.buyer_reference')}>{invoice.buyer_reference}</Detail>}
          <Detail label={t('invoice.language')}>{t(`invoice.language.${invoice.language}`)}</Detail>
          {invoice.finalized_at && (
            <Detail label={t('invoice.finalized_at')}>{formatDateTime(invoice.finalized_at, locale)}</Detail>
          )}
          <Detail label={t('invoice.sent_at')} testId="invoice-sent-at">
            {invoice.sent_at ? formatDateTime(invoice.sent_at, locale) : t('invoice.not_sent')}
          </Detail>
        </SimpleGrid>
        {invoice.note && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {invoice.note}
          </Text>
        )}
      </Paper>
      <Title order={3} size="h4">
        {t('invoice.lines')}
      </Title>
      <Table verticalSpacing="xs" data-testid="invoice-view-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoice.line.description')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('invoice.line.quantity')}</Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              {t('invoice.line.unit_price')}
            </Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              {t('invoice.line.discount_percent')}
            </Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              {t('invoice.line.vat_rate')}
            </Table.Th>
            <Table.Th ta="right">{t('invoice.line.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line, index) => (
            <LineRow key={index} line={line} />
          ))}
        </Table.Tbody>
      </Table>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }} offset={{ base: 0, md: 6 }}>
          <InvoiceTotals summary={summaryOfInvoice(invoice)} title={t('invoice.totals')} />
        </Grid.Col>
      </Grid>
      <InvoiceDeliveries invoiceId={invoice.id} />
    </Stack>
  );
}

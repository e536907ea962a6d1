import type { Invoice } from '@clientbox/contracts';
import { Alert, Anchor, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate, formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { InvoiceSections } from '../../shared/ui/invoice-sections.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { DocumentDetail } from '../documents/document-detail.tsx';
import { DocumentLinesTable } from '../documents/document-lines-table.tsx';
import { DocumentTitle } from '../documents/document-title.tsx';
import { DocumentTotalsPanel } from '../documents/document-totals-panel.tsx';
import { customerPath } from '../documents/use-document-customer.ts';
import { summaryOfInvoice } from './invoice-draft.ts';
import { InvoiceDeliveries, InvoiceDeliveryActions } from './invoice-deliveries.tsx';
import { InvoicePayments } from './invoice-payments.tsx';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';

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
        <DocumentTitle
          kind="invoice"
          title={t('invoice.title', { number: invoice.number ?? '' })}
          badge={<InvoiceStatusBadge status={invoice.status} testId="invoice-status" />}
        />
        <InvoiceDeliveryActions invoice={invoice} customer={customer} />
      </Group>
      <Alert color="gray" data-testid="invoice-read-only">
        {t('invoice.read_only')}
      </Alert>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <DocumentDetail label={t('invoice.number')} testId="invoice-number">
            {invoice.number}
          </DocumentDetail>
          <DocumentDetail label={t('invoice.customer')} testId="invoice-view-customer">
            {customer ? (
              <Anchor component={Link} to={customerPath(customer)} size="sm">
                {invoice.customer_name ?? customer.name}
              </Anchor>
            ) : (
              (invoice.customer_name ?? none)
            )}
          </DocumentDetail>
          <DocumentDetail label={t('invoice.issue_date')} testId="invoice-view-issue-date">
            {date(invoice.issue_date)}
          </DocumentDetail>
          <DocumentDetail label={t('invoice.due_date')} testId="invoice-view-due-date">
            {date(invoice.due_date)}
          </DocumentDetail>
          <DocumentDetail label={t('invoice.payment_term')}>
            {t('invoice.payment_term_value', { days: invoice.payment_term_days })}
          </DocumentDetail>
          {invoice.supply_date && (
            <DocumentDetail label={t('invoice.supply_date')}>{date(invoice.supply_date)}</DocumentDetail>
          )}
          <DocumentDetail label={t('invoice.payment_reference')} testId="invoice-payment-reference">
            {invoice.payment_reference ?? none}
          </DocumentDetail>
          {invoice.buyer_reference && (
            <DocumentDetail label={t('invoice.buyer_reference')}>{invoice.buyer_reference}</DocumentDetail>
          )}
          <DocumentDetail label={t('invoice.language')}>{t(`invoice.language.${invoice.language}`)}</DocumentDetail>
          {invoice.finalized_at && (
            <DocumentDetail label={t('invoice.finalized_at')}>
              {formatDateTime(invoice.finalized_at, locale)}
            </DocumentDetail>
          )}
          <DocumentDetail label={t('invoice.sent_at')} testId="invoice-sent-at">
            {invoice.sent_at ? formatDateTime(invoice.sent_at, locale) : t('invoice.not_sent')}
          </DocumentDetail>
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
      <DocumentLinesTable kind="invoice" lines={invoice.lines} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }} offset={{ base: 0, md: 6 }}>
          <DocumentTotalsPanel kind="invoice" summary={summaryOfInvoice(invoice)} title={t('invoice.totals')} />
        </Grid.Col>
      </Grid>
      <InvoicePayments invoice={invoice} />
      <InvoiceDeliveries invoiceId={invoice.id} />
      <InvoiceSections invoice={invoice} />
    </Stack>
  );
}

import { formatMoney, type Invoice, parseAmount } from '@clientbox/contracts';
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import type { RelationOnPage } from '../../shared/ui/relation-sections.tsx';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { useCustomerBalance, useCustomerInvoices } from './use-invoice-payments.ts';

function Figure({ label, amount, testId }: { label: string; amount: ReactNode; testId: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {amount}
      </Text>
    </div>
  );
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** One invoice of the customer; on a phone its dates and total go under the number. */
function InvoiceRow({ invoice }: { invoice: Invoice }) {
  const { t, locale } = useI18n();
  const date = (value: string | null) => (value ? formatDate(value, locale) : t('invoice.none'));
  const money = (value: string) => formatMoney(parseAmount(value), locale);
  const isDraft = invoice.status === 'draft';
  return (
    <Table.Tr data-testid="customer-invoice-row" data-id={invoice.id} data-status={invoice.status}>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/invoices/${invoice.id}`}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="customer-invoice-number"
        >
          {invoice.number ?? t('invoices.draft_number')}
        </Anchor>
        {invoice.type === 'credit_note' && (
          <Text size="xs" c="dimmed">
            {t('customer_invoices.credit_note')}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          <span style={NO_WRAP}>{date(invoice.issue_date)}</span> ·{' '}
          <span style={NO_WRAP}>{money(invoice.total_incl_vat)}</span>
        </Text>
        {invoice.due_date && (
          <Text size="xs" c="dimmed" hiddenFrom="md" style={NO_WRAP}>
            {t('invoices.due_on', { date: date(invoice.due_date) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm" style={NO_WRAP}>
        {date(invoice.issue_date)}
      </Table.Td>
      <Table.Td visibleFrom="md" style={NO_WRAP}>
        {date(invoice.due_date)}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="customer-invoice-total">
        {money(invoice.total_incl_vat)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="customer-invoice-due">
        {isDraft ? t('invoice.none') : money(invoice.amount_due)}
      </Table.Td>
      <Table.Td>
        {/* As wide as its word: a narrow table would otherwise cut the badge off. */}
        <div style={{ width: 'max-content' }}>
          <InvoiceStatusBadge status={invoice.status} testId="customer-invoice-status" />
        </div>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The invoices module's section on an organization's or person's page: what the customer still
 * owes (and how much of that is overdue) and its newest invoices, each linked. Rendered through
 * the relation page's slot (`shared/ui/relation-sections.tsx`), only for tenants with Invoices.
 */
export function CustomerInvoicesSection({ relation }: { relation: RelationOnPage }) {
  const { t, locale } = useI18n();
  const balance = useCustomerBalance(relation.id);
  const invoices = useCustomerInvoices(relation.id);
  const money = (value: string) => formatMoney(parseAmount(value), locale);
  const failure = balance.error ?? invoices.error;
  const rows = invoices.data?.data ?? [];

  return (
    <Paper withBorder p="md" data-testid="customer-invoices">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t('customer_invoices.title')}</Text>
          {rows.length > 0 && (
            <Anchor
              component={Link}
              to={`/invoices?customer_id=${relation.id}`}
              size="sm"
              data-testid="customer-invoices-all"
            >
              {t('customer_invoices.all')}
            </Anchor>
          )}
        </Group>
        {failure ? (
          <Alert color="red">{serverErrors(failure, locale).general}</Alert>
        ) : !balance.data || !invoices.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
              <Figure
                label={t('customer_invoices.total_due')}
                amount={money(balance.data.total_due)}
                testId="customer-balance-due"
              />
              <Figure
                label={t('customer_invoices.overdue')}
                amount={money(balance.data.overdue)}
                testId="customer-balance-overdue"
              />
              <Figure
                label={t('customer_invoices.open_invoices')}
                amount={balance.data.open_invoices}
                testId="customer-balance-open-invoices"
              />
            </SimpleGrid>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="customer-invoices-empty">
                {t('customer_invoices.empty')}
              </Text>
            ) : (
              <Table verticalSpacing={4} fz="sm" data-testid="customer-invoices-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('invoices.column.number')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('invoices.column.issue_date')}</Table.Th>
                    <Table.Th visibleFrom="md">{t('invoices.column.due_date')}</Table.Th>
                    <Table.Th visibleFrom="sm" ta="right">
                      {t('invoices.column.total')}
                    </Table.Th>
                    <Table.Th ta="right">{t('customer_invoices.column.due')}</Table.Th>
                    <Table.Th>{t('invoices.column.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((invoice) => (
                    <InvoiceRow key={invoice.id} invoice={invoice} />
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {invoices.data.has_more && (
              <Text size="xs" c="dimmed">
                {t('customer_invoices.newest', { count: rows.length })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

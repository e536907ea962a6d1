import { type Invoice, INVOICE_STATUSES } from '@clientbox/contracts';
import { Anchor, Button, Group, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ExportMenu } from '../crm/relations/export-menu.tsx';
import { DocumentListCard } from '../documents/document-list-card.tsx';
import { DocumentCustomerFilter, DocumentStatusFilter } from '../documents/document-list-filters.tsx';
import { DocumentListResults, useDocumentListLabels } from '../documents/document-list-results.tsx';
import { isIsoDate, parseDocumentListSearch, useDocumentListSearch } from '../documents/document-list-search.ts';
import { RevenueChart } from './revenue-chart.tsx';
import { useRevenue } from './use-invoice-reports.ts';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { type InvoiceFilters, invoiceQueryString, useInvoiceList } from './use-invoices.ts';

/** The list's filters from the URL (`?status=open&customer_id=…&issued_from=…`), so a filtered list can be linked. */
export function parseInvoiceSearch(search: Record<string, unknown>): InvoiceFilters {
  const filters: InvoiceFilters = parseDocumentListSearch(search, INVOICE_STATUSES);
  if (isIsoDate(search.issued_from)) filters.issued_from = search.issued_from;
  if (isIsoDate(search.issued_to)) filters.issued_to = search.issued_to;
  return filters;
}

/** A phone shows each invoice as a card: number, status, customer, total and due date. */
function InvoiceCard({ invoice }: { invoice: Invoice }) {
  const { t } = useI18n();
  const label = useDocumentListLabels('invoice');
  return (
    <DocumentListCard
      kind="invoice"
      document={invoice}
      badge={<InvoiceStatusBadge status={invoice.status} testId="invoice-row-status" />}
      dateLine={
        invoice.due_date ? t('invoices.due_on', { date: label.date(invoice.due_date) }) : t('invoices.not_issued')
      }
    />
  );
}

function InvoiceTable({ rows }: { rows: Invoice[] }) {
  const { t } = useI18n();
  const label = useDocumentListLabels('invoice');
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="invoices-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoices.column.number')}</Table.Th>
          <Table.Th>{t('invoices.column.customer')}</Table.Th>
          <Table.Th>{t('invoices.column.issue_date')}</Table.Th>
          <Table.Th visibleFrom="md">{t('invoices.column.due_date')}</Table.Th>
          <Table.Th ta="right">{t('invoices.column.total')}</Table.Th>
          <Table.Th>{t('invoices.column.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((invoice) => (
          <Table.Tr key={invoice.id} data-testid="invoice-row" data-id={invoice.id} data-status={invoice.status}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/invoices/${invoice.id}`} size="sm" data-testid="invoice-row-number">
                {label.number(invoice)}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="invoice-row-customer">
              {invoice.customer_name}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{label.date(invoice.issue_date)}</Table.Td>
            <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
              {label.date(invoice.due_date)}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="invoice-row-total">
              {label.total(invoice)}
            </Table.Td>
            <Table.Td>
              <InvoiceStatusBadge status={invoice.status} testId="invoice-row-status" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `/invoices`: newest first, filtered by status, customer and issue period (all in the URL), paged with "load more". */
export function InvoicesPage() {
  const { t } = useI18n();
  const { filters, setFilters } = useDocumentListSearch<InvoiceFilters>('invoice');
  const invoices = useInvoiceList(filters);
  const revenue = useRevenue(12);

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>{t('invoices.title')}</Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/invoices/vat" data-testid="invoices-vat-summary">
            {t('invoices.vat_summary_link')}
          </Button>
          <ExportMenu
            url="/api/v1/invoices/export"
            params={new URLSearchParams(invoiceQueryString(filters))}
            testId="invoices-export"
          />
          <Button component={Link} to="/invoices/new" data-testid="invoices-new">
            {t('invoices.new')}
          </Button>
        </Group>
      </Group>
      {revenue.data && <RevenueChart revenue={revenue.data} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <DocumentStatusFilter
          kind="invoice"
          options={INVOICE_STATUSES.map((value) => ({ value, label: t(`invoice.status.${value}`) }))}
          value={filters.status}
          isLoading={invoices.isFetching && !invoices.isFetchingNextPage}
          onChange={(status) => setFilters({ status })}
        />
        <DocumentCustomerFilter
          kind="invoice"
          customerId={filters.customer_id}
          onChange={(customer_id) => setFilters({ customer_id })}
        />
        <TextInput
          type="date"
          label={t('invoices.issued_from')}
          value={filters.issued_from ?? ''}
          onChange={(event) => setFilters({ issued_from: event.currentTarget.value || undefined })}
          data-testid="invoices-issued-from"
        />
        <TextInput
          type="date"
          label={t('invoices.issued_to')}
          value={filters.issued_to ?? ''}
          onChange={(event) => setFilters({ issued_to: event.currentTarget.value || undefined })}
          data-testid="invoices-issued-to"
        />
      </SimpleGrid>
      <DocumentListResults
        kind="invoice"
        list={invoices}
        isFiltered={Boolean(filters.status || filters.customer_id || filters.issued_from || filters.issued_to)}
        card={(invoice) => <InvoiceCard invoice={invoice} />}
        table={(rows) => <InvoiceTable rows={rows} />}
      />
    </Stack>
  );
}

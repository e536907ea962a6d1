import { formatMoney, type Invoice, INVOICE_STATUSES, parseAmount } from '@clientbox/contracts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { RelationPicker } from '../crm/activities/relation-picker.tsx';
import { ExportMenu } from '../crm/relations/export-menu.tsx';
import { useDocumentCustomer } from '../documents/use-document-customer.ts';
import { RevenueChart } from './revenue-chart.tsx';
import { useRevenue } from './use-invoice-reports.ts';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { type InvoiceFilters, invoiceQueryString, useInvoiceList } from './use-invoices.ts';

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The list's filters from the URL (`?status=open&customer_id=…&issued_from=…`), so a filtered list can be linked. */
export function parseInvoiceSearch(search: Record<string, unknown>): InvoiceFilters {
  const filters: InvoiceFilters = {};
  if (INVOICE_STATUSES.includes(search.status as Invoice['status']))
    filters.status = search.status as Invoice['status'];
  if (isUuid(search.customer_id)) filters.customer_id = search.customer_id;
  if (isDate(search.issued_from)) filters.issued_from = search.issued_from;
  if (isDate(search.issued_to)) filters.issued_to = search.issued_to;
  return filters;
}

function useInvoiceLabels() {
  const { t, locale } = useI18n();
  return {
    number: (invoice: Invoice) => invoice.number ?? t('invoices.draft_number'),
    date: (value: string | null) => (value ? formatDate(value, locale) : t('invoice.none')),
    total: (invoice: Invoice) => formatMoney(parseAmount(invoice.total_incl_vat), locale),
  };
}

/** A phone shows each invoice as a card: number, status, customer, total and due date. */
function InvoiceCard({ invoice }: { invoice: Invoice }) {
  const { t } = useI18n();
  const label = useInvoiceLabels();
  return (
    <Paper withBorder p="sm" data-testid="invoice-row" data-id={invoice.id} data-status={invoice.status}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={600} data-testid="invoice-row-number">
          {label.number(invoice)}
        </Anchor>
        <InvoiceStatusBadge status={invoice.status} testId="invoice-row-status" />
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="invoice-row-customer">
        {invoice.customer_name}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {invoice.due_date ? t('invoices.due_on', { date: label.date(invoice.due_date) }) : t('invoices.not_issued')}
        </Text>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="invoice-row-total">
          {label.total(invoice)}
        </Text>
      </Group>
    </Paper>
  );
}

function InvoiceTable({ rows }: { rows: Invoice[] }) {
  const { t } = useI18n();
  const label = useInvoiceLabels();
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

/** `/invoices`: newest first, filtered by status and customer (both in the URL), paged with "load more". */
export function InvoicesPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const filters = useSearch({ strict: false }) as InvoiceFilters;
  const invoices = useInvoiceList(filters);
  const customer = useDocumentCustomer(filters.customer_id);
  const revenue = useRevenue(12);
  // Read at once, so a phone never renders the table first.
  const isPhone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const rows = invoices.data?.pages.flatMap((page) => page.data) ?? [];

  const setFilters = (changes: Partial<InvoiceFilters>) =>
    void navigate({
      to: '/invoices',
      search: Object.fromEntries(
        Object.entries({ ...filters, ...changes }).filter(([, value]) => value !== undefined && value !== ''),
      ) as InvoiceFilters,
      replace: true,
    });

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
        <Select
          label={t('invoices.status_filter')}
          placeholder={t('invoices.status_all')}
          data={INVOICE_STATUSES.map((value) => ({ value, label: t(`invoice.status.${value}`) }))}
          value={filters.status ?? null}
          clearable
          onChange={(value) => setFilters({ status: (value ?? undefined) as InvoiceFilters['status'] })}
          rightSection={invoices.isFetching && !invoices.isFetchingNextPage ? <Loader size="xs" /> : undefined}
          data-testid="invoices-status"
        />
        {filters.customer_id && customer.isPending ? (
          <Loader size="sm" />
        ) : (
          <RelationPicker
            key={filters.customer_id ?? 'none'}
            value={customer.data ?? null}
            onChange={(picked) => setFilters({ customer_id: picked?.id })}
            label={t('invoices.customer_filter')}
            placeholder={t('invoices.customer_placeholder')}
            testId="invoices-customer"
          />
        )}
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

      {invoices.error && (
        <Alert color="red" data-testid="invoices-error">
          {serverErrors(invoices.error, locale).general}
        </Alert>
      )}
      {invoices.isSuccess && rows.length === 0 && (
        <Text c="dimmed" data-testid="invoices-empty">
          {filters.status || filters.customer_id || filters.issued_from || filters.issued_to
            ? t('invoices.no_results')
            : t('invoices.empty')}
        </Text>
      )}
      {rows.length > 0 &&
        (isPhone ? (
          <Stack gap="xs" data-testid="invoices-cards">
            {rows.map((invoice) => (
              <InvoiceCard key={invoice.id} invoice={invoice} />
            ))}
          </Stack>
        ) : (
          <InvoiceTable rows={rows} />
        ))}
      {invoices.hasNextPage && (
        <Button
          variant="default"
          onClick={() => invoices.fetchNextPage()}
          loading={invoices.isFetchingNextPage}
          data-testid="invoices-load-more"
        >
          {t('common.load_more')}
        </Button>
      )}
    </Stack>
  );
}

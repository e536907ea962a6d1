import { formatMoney, parseAmount, type Quote, QUOTE_STATUSES, type QuoteStatus } from '@clientbox/contracts';
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
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { RelationPicker } from '../crm/activities/relation-picker.tsx';
import { useDocumentCustomer } from '../documents/use-document-customer.ts';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { type QuoteFilters, useQuoteList } from './use-quotes.ts';

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The list's filters from the URL (`?status=sent&customer_id=…`), so a filtered list can be linked. */
export function parseQuoteSearch(search: Record<string, unknown>): QuoteFilters {
  const filters: QuoteFilters = {};
  if (QUOTE_STATUSES.includes(search.status as QuoteStatus)) filters.status = search.status as QuoteStatus;
  if (isUuid(search.customer_id)) filters.customer_id = search.customer_id;
  return filters;
}

function useQuoteLabels() {
  const { t, locale } = useI18n();
  return {
    number: (quote: Quote) => quote.number ?? t('quotes.draft_number'),
    date: (value: string | null) => (value ? formatDate(value, locale) : t('invoice.none')),
    total: (quote: Quote) => formatMoney(parseAmount(quote.total_incl_vat), locale),
  };
}

/** A phone shows each quote as a card: number and version, status, customer, total and validity. */
function QuoteCard({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  const label = useQuoteLabels();
  return (
    <Paper withBorder p="sm" data-testid="quote-row" data-id={quote.id} data-status={quote.status}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/quotes/${quote.id}`} fw={600} data-testid="quote-row-number">
            {label.number(quote)}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="quote-row-revision">
            {t('quotes.revision_short', { revision: quote.revision })}
          </Text>
        </Group>
        <QuoteStatusBadge status={quote.status} testId="quote-row-status" />
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="quote-row-customer">
        {quote.customer_name}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {quote.valid_until ? t('quotes.valid_until_on', { date: label.date(quote.valid_until) }) : ''}
        </Text>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="quote-row-total">
          {label.total(quote)}
        </Text>
      </Group>
    </Paper>
  );
}

function QuoteTable({ rows }: { rows: Quote[] }) {
  const { t } = useI18n();
  const label = useQuoteLabels();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="quotes-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('quotes.column.number')}</Table.Th>
          <Table.Th>{t('quotes.column.revision')}</Table.Th>
          <Table.Th>{t('quotes.column.customer')}</Table.Th>
          <Table.Th>{t('quotes.column.status')}</Table.Th>
          <Table.Th>{t('quotes.column.valid_until')}</Table.Th>
          <Table.Th ta="right">{t('quotes.column.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((quote) => (
          <Table.Tr key={quote.id} data-testid="quote-row" data-id={quote.id} data-status={quote.status}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/quotes/${quote.id}`} size="sm" data-testid="quote-row-number">
                {label.number(quote)}
              </Anchor>
            </Table.Td>
            <Table.Td data-testid="quote-row-revision">{quote.revision}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="quote-row-customer">
              {quote.customer_name}
            </Table.Td>
            <Table.Td>
              <QuoteStatusBadge status={quote.status} testId="quote-row-status" />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="quote-row-valid-until">
              {label.date(quote.valid_until)}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="quote-row-total">
              {label.total(quote)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `/quotes`: newest first, filtered by status and customer (both in the URL), paged with "load more". */
export function QuotesPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const filters = useSearch({ strict: false }) as QuoteFilters;
  const quotes = useQuoteList(filters);
  const customer = useDocumentCustomer(filters.customer_id);
  // Read at once, so a phone never renders the table first.
  const isPhone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const rows = quotes.data?.pages.flatMap((page) => page.data) ?? [];

  const setFilters = (changes: Partial<QuoteFilters>) =>
    void navigate({
      to: '/quotes',
      search: Object.fromEntries(
        Object.entries({ ...filters, ...changes }).filter(([, value]) => value !== undefined && value !== ''),
      ) as QuoteFilters,
      replace: true,
    });

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>{t('quotes.title')}</Title>
        <Button component={Link} to="/quotes/new" data-testid="quotes-new">
          {t('quotes.new')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Select
          label={t('quotes.status_filter')}
          placeholder={t('quotes.status_all')}
          data={QUOTE_STATUSES.map((value) => ({ value, label: t(`quote.status.${value}`) }))}
          value={filters.status ?? null}
          clearable
          onChange={(value) => setFilters({ status: (value ?? undefined) as QuoteFilters['status'] })}
          rightSection={quotes.isFetching && !quotes.isFetchingNextPage ? <Loader size="xs" /> : undefined}
          data-testid="quotes-status"
        />
        {filters.customer_id && customer.isPending ? (
          <Loader size="sm" />
        ) : (
          <RelationPicker
            key={filters.customer_id ?? 'none'}
            value={customer.data ?? null}
            onChange={(picked) => setFilters({ customer_id: picked?.id })}
            label={t('quotes.customer_filter')}
            placeholder={t('quotes.customer_placeholder')}
            testId="quotes-customer"
          />
        )}
      </SimpleGrid>

      {quotes.error && (
        <Alert color="red" data-testid="quotes-error">
          {serverErrors(quotes.error, locale).general}
        </Alert>
      )}
      {quotes.isSuccess && rows.length === 0 && (
        <Text c="dimmed" data-testid="quotes-empty">
          {filters.status || filters.customer_id ? t('quotes.no_results') : t('quotes.empty')}
        </Text>
      )}
      {rows.length > 0 &&
        (isPhone ? (
          <Stack gap="xs" data-testid="quotes-cards">
            {rows.map((quote) => (
              <QuoteCard key={quote.id} quote={quote} />
            ))}
          </Stack>
        ) : (
          <QuoteTable rows={rows} />
        ))}
      {quotes.hasNextPage && (
        <Button
          variant="default"
          onClick={() => quotes.fetchNextPage()}
          loading={quotes.isFetchingNextPage}
          data-testid="quotes-load-more"
        >
          {t('common.load_more')}
        </Button>
      )}
    </Stack>
  );
}

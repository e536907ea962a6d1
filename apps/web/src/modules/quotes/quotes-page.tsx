import { type Quote, QUOTE_STATUSES } from '@clientbox/contracts';
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { DocumentListCard } from '../documents/document-list-card.tsx';
import { DocumentCustomerFilter, DocumentStatusFilter } from '../documents/document-list-filters.tsx';
import { DocumentListResults, useDocumentListLabels } from '../documents/document-list-results.tsx';
import { parseDocumentListSearch, useDocumentListSearch } from '../documents/document-list-search.ts';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { type QuoteFilters, useQuoteList } from './use-quotes.ts';

/** The list's filters from the URL (`?status=sent&customer_id=…`), so a filtered list can be linked. */
export function parseQuoteSearch(search: Record<string, unknown>): QuoteFilters {
  return parseDocumentListSearch(search, QUOTE_STATUSES);
}

/** A phone shows each quote as a card: number and version, status, customer, total and validity. */
function QuoteCard({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  const label = useDocumentListLabels('quote');
  return (
    <DocumentListCard
      kind="quote"
      document={quote}
      numberNote={
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="quote-row-revision">
          {t('quotes.revision_short', { revision: quote.revision })}
        </Text>
      }
      badge={<QuoteStatusBadge status={quote.status} testId="quote-row-status" />}
      dateLine={quote.valid_until ? t('quotes.valid_until_on', { date: label.date(quote.valid_until) }) : ''}
    />
  );
}

function QuoteTable({ rows }: { rows: Quote[] }) {
  const { t } = useI18n();
  const label = useDocumentListLabels('quote');
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
  const { t } = useI18n();
  const { filters, setFilters } = useDocumentListSearch<QuoteFilters>('quote');
  const quotes = useQuoteList(filters);

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>{t('quotes.title')}</Title>
        <Button component={Link} to="/quotes/new" data-testid="quotes-new">
          {t('quotes.new')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <DocumentStatusFilter
          kind="quote"
          options={QUOTE_STATUSES.map((value) => ({ value, label: t(`quote.status.${value}`) }))}
          value={filters.status}
          isLoading={quotes.isFetching && !quotes.isFetchingNextPage}
          onChange={(status) => setFilters({ status })}
        />
        <DocumentCustomerFilter
          kind="quote"
          customerId={filters.customer_id}
          onChange={(customer_id) => setFilters({ customer_id })}
        />
      </SimpleGrid>
      <DocumentListResults
        kind="quote"
        list={quotes}
        isFiltered={Boolean(filters.status || filters.customer_id)}
        card={(quote) => <QuoteCard quote={quote} />}
        table={(rows) => <QuoteTable rows={rows} />}
      />
    </Stack>
  );
}

import { formatMoney, parseAmount, type Quote } from '@clientbox/contracts';
import { Alert, Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import type { RelationOnPage } from '../../shared/ui/relation-sections.tsx';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { useCustomerQuotes } from './use-quotes.ts';

/** One quote of the customer; on a phone its validity and total go under the number. */
function QuoteRow({ quote }: { quote: Quote }) {
  const { t, locale } = useI18n();
  const validUntil = quote.valid_until ? formatDate(quote.valid_until, locale) : t('invoice.none');
  const total = formatMoney(parseAmount(quote.total_incl_vat), locale);
  return (
    <Table.Tr data-testid="customer-quote-row" data-id={quote.id} data-status={quote.status}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/quotes/${quote.id}`} size="sm" data-testid="customer-quote-number">
          {quote.number ?? t('quotes.draft_number')}
        </Anchor>
        {quote.revision > 1 && (
          <Text size="xs" c="dimmed">
            {t('quotes.revision_short', { revision: quote.revision })}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {validUntil} · {total}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {validUntil}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="customer-quote-total">
        {total}
      </Table.Td>
      <Table.Td>
        <QuoteStatusBadge status={quote.status} testId="customer-quote-status" />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The quotes module's section on an organization's or person's page: the customer's newest
 * quotes (the current version of each), each linked. Rendered through the relation page's slot
 * (`shared/ui/relation-sections.tsx`), only for tenants with Quotes.
 */
export function CustomerQuotesSection({ relation }: { relation: RelationOnPage }) {
  const { t, locale } = useI18n();
  const quotes = useCustomerQuotes(relation.id);
  const rows = quotes.data?.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="customer-quotes">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t('customer_quotes.title')}</Text>
          {rows.length > 0 && (
            <Anchor
              component={Link}
              to={`/quotes?customer_id=${relation.id}`}
              size="sm"
              data-testid="customer-quotes-all"
            >
              {t('customer_quotes.all')}
            </Anchor>
          )}
        </Group>
        {quotes.error ? (
          <Alert color="red">{serverErrors(quotes.error, locale).general}</Alert>
        ) : !quotes.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="customer-quotes-empty">
            {t('customer_quotes.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" data-testid="customer-quotes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.column.number')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('quotes.column.valid_until')}</Table.Th>
                <Table.Th visibleFrom="sm" ta="right">
                  {t('quotes.column.total')}
                </Table.Th>
                <Table.Th>{t('quotes.column.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((quote) => (
                <QuoteRow key={quote.id} quote={quote} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {quotes.data?.has_more && (
          <Text size="xs" c="dimmed">
            {t('customer_quotes.newest', { count: rows.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

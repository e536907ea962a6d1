import { formatMoney, parseAmount } from '@clientbox/contracts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import type { List } from '../../shared/api/api-client.ts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import type { DocumentKind } from './document-kind.ts';

/** How a row of a quote or invoice list writes its number (a draft has none yet), dates and total. */
export function useDocumentListLabels(kind: DocumentKind) {
  const { t, locale } = useI18n();
  return {
    number: (document: { number: string | null }) => document.number ?? t(`${kind}s.draft_number`),
    date: (value: string | null) => (value ? formatDate(value, locale) : t('invoice.none')),
    total: (document: { total_incl_vat: string }) => formatMoney(parseAmount(document.total_incl_vat), locale),
  };
}

/**
 * The rows of a quote or invoice list: as cards on a phone, as a table on a wider screen, with
 * "load more" while the server has more; what failed, or that there is nothing (for these filters).
 */
export function DocumentListResults<Row extends { id: string }>({
  kind,
  list,
  isFiltered,
  card,
  table,
}: {
  kind: DocumentKind;
  list: UseInfiniteQueryResult<InfiniteData<List<Row>>>;
  isFiltered: boolean;
  card(row: Row): ReactNode;
  table(rows: Row[]): ReactNode;
}) {
  const { t, locale } = useI18n();
  // Read at once, so a phone never renders the table first.
  const isPhone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const testId = (part: string) => `${kind}s-${part}`;
  return (
    <>
      {list.error && (
        <Alert color="red" data-testid={testId('error')}>
          {serverErrors(list.error, locale).general}
        </Alert>
      )}
      {list.isSuccess && rows.length === 0 && (
        <Text c="dimmed" data-testid={testId('empty')}>
          {isFiltered ? t(`${kind}s.no_results`) : t(`${kind}s.empty`)}
        </Text>
      )}
      {rows.length > 0 &&
        (isPhone ? (
          <Stack gap="xs" data-testid={testId('cards')}>
            {rows.map((row) => (
              <Fragment key={row.id}>{card(row)}</Fragment>
            ))}
          </Stack>
        ) : (
          table(rows)
        ))}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          data-testid={testId('load-more')}
        >
          {t('common.load_more')}
        </Button>
      )}
    </>
  );
}

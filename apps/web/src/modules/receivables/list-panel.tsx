import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';

/**
 * The frame of a list in the receivables screens: the server's error, loading, the empty text,
 * or the list itself. The list pages differ only in their columns and what is empty.
 */
export function ListPanel({
  query,
  isEmpty,
  empty,
  heading,
  children,
}: {
  query: { error: Error | null; data: unknown };
  isEmpty: boolean;
  empty: { text: string; testId: string };
  heading?: ReactNode;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const content = query.error ? (
    <Alert color="red">{serverErrors(query.error, locale).general}</Alert>
  ) : !query.data ? (
    <Text size="sm">{t('common.loading')}</Text>
  ) : isEmpty ? (
    <Text size="sm" c="dimmed" data-testid={empty.testId}>
      {empty.text}
    </Text>
  ) : (
    children
  );
  return (
    <Paper withBorder p="md">
      {heading ? (
        <Stack gap="sm">
          {heading}
          {content}
        </Stack>
      ) : (
        content
      )}
    </Paper>
  );
}

/** "Load more" under a cursor-paged list, while the server says there is more. */
export function LoadMoreButton({
  list,
  label,
  testId,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
  testId: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="default"
      onClick={() => void list.fetchNextPage()}
      loading={list.isFetchingNextPage}
      style={{ alignSelf: 'center' }}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

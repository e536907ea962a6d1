import { MANDATE_STATUSES, type MandateStatus } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { MandatesTable } from './mandates-table.tsx';
import { useMandateList } from './use-mandates.ts';

export interface MandateSearch {
  status?: MandateStatus;
}

/** `/receivables/mandates?status=active`: the filter in the URL, so a filtered list can be linked. */
export function parseMandateSearch(search: Record<string, unknown>): MandateSearch {
  const status = search.status;
  return typeof status === 'string' && (MANDATE_STATUSES as readonly string[]).includes(status)
    ? { status: status as MandateStatus }
    : {};
}

/**
 * `/receivables/mandates`: every SEPA direct-debit mandate of the tenant, newest first, with a
 * status filter. Recording and requesting happen on the customer's page, where the customer is known.
 */
export function MandatesPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as MandateSearch;
  const status = search.status ?? null;
  const list = useMandateList(status);
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack maw={1100} data-testid="mandates-page">
      <Title order={2}>{t('mandates.title')}</Title>
      <Group>
        <Select
          label={t('mandates.status_filter')}
          data={[
            { value: '', label: t('mandates.status_all') },
            ...MANDATE_STATUSES.map((value) => ({ value, label: t(`mandates.status.${value}`) })),
          ]}
          value={status ?? ''}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
          onChange={(value) =>
            void navigate({
              to: '/receivables/mandates',
              search: value ? { status: value as MandateStatus } : {},
              replace: true,
            })
          }
          data-testid="mandates-status-filter"
        />
      </Group>
      <Paper withBorder p="md">
        {list.error ? (
          <Alert color="red">{serverErrors(list.error, locale).general}</Alert>
        ) : !list.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="mandates-empty">
            {t('mandates.list_empty')}
          </Text>
        ) : (
          <MandatesTable mandates={rows} showCustomer />
        )}
      </Paper>
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
          data-testid="mandates-load-more"
        >
          {t('mandates.load_more')}
        </Button>
      )}
    </Stack>
  );
}

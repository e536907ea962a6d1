import { MANDATE_STATUSES, type MandateStatus } from '@clientbox/contracts';
import { Group, Select, Stack, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ListPanel, LoadMoreButton } from '../list-panel.tsx';
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
  const { t } = useI18n();
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
      <ListPanel
        query={list}
        isEmpty={rows.length === 0}
        empty={{ text: t('mandates.list_empty'), testId: 'mandates-empty' }}
      >
        <MandatesTable mandates={rows} showCustomer />
      </ListPanel>
      <LoadMoreButton list={list} label={t('mandates.load_more')} testId="mandates-load-more" />
    </Stack>
  );
}

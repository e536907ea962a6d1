import { formatDateTime } from '../../shared/i18n/format-date.ts';
import type { AuditEvent } from '@clientbox/contracts';
import { Button, Stack, Table, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { accountKeys } from './use-me.ts';

export function AuditPage() {
  const { t, locale } = useI18n();
  const pages = useInfiniteQuery({
    queryKey: accountKeys.audit,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<List<AuditEvent>>('GET', `/api/v1/audit_events?limit=50${pageParam ? `&starting_after=${pageParam}` : ''}`),
    getNextPageParam: (last) => (last.has_more ? last.data[last.data.length - 1]!.id : null),
  });
  const events = pages.data?.pages.flatMap((page) => page.data) ?? [];
  const format = (value: string) => formatDateTime(value, locale);
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('audit.title')}</Title>
      <Table.ScrollContainer minWidth={700}>
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.time')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.ip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{format(event.occurred_at)}</Table.Td>
                <Table.Td>{event.actor_name ?? event.actor_type}</Table.Td>
                <Table.Td>{event.action}</Table.Td>
                <Table.Td>
                  {event.target_type ? `${event.target_type} ${event.target_id?.slice(0, 8) ?? ''}` : ''}
                </Table.Td>
                <Table.Td>{event.ip}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.hasNextPage && (
        <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('common.load_more')}
        </Button>
      )}
    </Stack>
  );
}

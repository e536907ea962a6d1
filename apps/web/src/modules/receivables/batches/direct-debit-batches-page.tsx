import { type DirectDebitBatchDto, formatMoney, parseAmount } from '@clientbox/contracts';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { BatchStatusBadge } from './batch-status-badge.tsx';
import { DirectDebitBatchCreateDialog } from './direct-debit-batch-create-dialog.tsx';
import { useDirectDebitBatchList } from './use-batches.ts';
import { ListPanel } from '../list-panel.tsx';

/** One batch; on a phone the scheme, dates and count go under the message id. */
function BatchRow({ batch }: { batch: DirectDebitBatchDto }) {
  const { t, locale } = useI18n();
  const collection = formatDate(batch.collection_date, locale);
  const submitBy = formatDate(batch.submit_by, locale);
  return (
    <Table.Tr data-testid="direct-debit-row" data-id={batch.id} data-status={batch.status}>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/receivables/direct-debit-batches/${batch.id}`}
          size="sm"
          fw={500}
          style={{ wordBreak: 'break-all' }}
          data-testid="direct-debit-row-link"
        >
          {batch.message_id}
        </Anchor>
        <Text size="xs" c="dimmed" hiddenFrom="md">
          {batch.scheme} · {t('direct_debits.column.collection_date')} {collection} ·{' '}
          {t('direct_debits.column.submit_by')} {submitBy} · {batch.item_count} {t('direct_debits.column.items')}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="md">{batch.scheme}</Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
        {collection}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
        {submitBy}
      </Table.Td>
      <Table.Td visibleFrom="md" ta="right">
        {batch.item_count}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="direct-debit-row-total">
        {formatMoney(parseAmount(batch.total_amount), locale)}
      </Table.Td>
      <Table.Td>
        <BatchStatusBadge status={batch.status} />
      </Table.Td>
    </Table.Tr>
  );
}

/** `/receivables/direct-debit-batches`: the collection batches, newest first, and a new one. */
export function DirectDebitBatchesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useDirectDebitBatchList();
  const [isCreating, setCreating] = useState(false);
  const rows = list.data?.data ?? [];
  const onCreated = (batches: DirectDebitBatchDto[]) => {
    setCreating(false);
    // One scheme: straight to its file; two: both stand at the top of the list.
    if (batches.length === 1)
      void navigate({ to: '/receivables/direct-debit-batches/$batchId', params: { batchId: batches[0]!.id } });
  };
  return (
    <Stack maw={1100} data-testid="direct-debits-page">
      <Group justify="space-between" gap="sm">
        <Title order={2}>{t('direct_debits.title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="direct-debit-new">
          {t('direct_debits.new')}
        </Button>
      </Group>
      <ListPanel
        query={list}
        isEmpty={rows.length === 0}
        empty={{ text: t('direct_debits.list_empty'), testId: 'direct-debits-empty' }}
      >
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} fz="sm" data-testid="direct-debits-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('direct_debits.column.message_id')}</Table.Th>
                <Table.Th visibleFrom="md">{t('direct_debits.column.scheme')}</Table.Th>
                <Table.Th visibleFrom="md">{t('direct_debits.column.collection_date')}</Table.Th>
                <Table.Th visibleFrom="md">{t('direct_debits.column.submit_by')}</Table.Th>
                <Table.Th visibleFrom="md" ta="right">
                  {t('direct_debits.column.items')}
                </Table.Th>
                <Table.Th ta="right">{t('direct_debits.column.total')}</Table.Th>
                <Table.Th>{t('direct_debits.column.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((batch) => (
                <BatchRow key={batch.id} batch={batch} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListPanel>
      {isCreating && <DirectDebitBatchCreateDialog onClose={() => setCreating(false)} onCreated={onCreated} />}
    </Stack>
  );
}

import { formatMoney, parseAmount, type RefundBatchDto } from '@clientbox/contracts';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { problemMessage } from '../problem-message.ts';
import { refundFileUrl, useCreateRefundBatch, useRefundBatchList } from './use-batches.ts';
import { ListPanel } from '../list-panel.tsx';

/** "Nieuwe terugbetaling": every refund due in one pain.001 file; `nothing_to_refund` says why not. */
function RefundCreateDialog({ onClose }: { onClose(): void }) {
  const { t, locale } = useI18n();
  const create = useCreateRefundBatch();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      const batch = await create.mutateAsync({});
      notifications.show({ color: 'green', message: t('refunds.created', { message_id: batch.message_id }) });
      onClose();
    } catch (caught) {
      setError(problemMessage(caught, locale));
    }
  };
  return (
    <ConfirmDialog
      opened
      title={t('refunds.new')}
      confirmLabel={t('refunds.create')}
      isBusy={create.isPending}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="refund-create-dialog"
    >
      <Text size="sm">{t('refunds.create_hint')}</Text>
    </ConfirmDialog>
  );
}

function RefundRow({ batch }: { batch: RefundBatchDto }) {
  const { t, locale } = useI18n();
  const executionDate = formatDate(batch.execution_date, locale);
  return (
    <Table.Tr data-testid="refund-row" data-id={batch.id}>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/receivables/refund-batches/${batch.id}`}
          size="sm"
          fw={500}
          style={{ wordBreak: 'break-all' }}
        >
          {batch.message_id}
        </Anchor>
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {executionDate} · {batch.item_count} {t('refunds.column.items')}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {executionDate}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {batch.item_count}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(parseAmount(batch.total_amount), locale)}
      </Table.Td>
      <Table.Td>
        <Anchor
          href={refundFileUrl(batch.id)}
          download={`${batch.message_id}.xml`}
          size="sm"
          data-testid="refund-download"
        >
          {t('refunds.download')}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

/** `/receivables/refund-batches`: refunds of credit notes by credit transfer, newest first. */
export function RefundBatchesPage() {
  const { t } = useI18n();
  const list = useRefundBatchList();
  const [isCreating, setCreating] = useState(false);
  const rows = list.data?.data ?? [];
  return (
    <Stack maw={1100} data-testid="refunds-page">
      <Group justify="space-between" gap="sm">
        <Title order={2}>{t('refunds.title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="refund-new">
          {t('refunds.new')}
        </Button>
      </Group>
      <ListPanel
        query={list}
        isEmpty={rows.length === 0}
        empty={{ text: t('refunds.list_empty'), testId: 'refunds-empty' }}
      >
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} fz="sm" data-testid="refunds-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('refunds.column.message_id')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('refunds.column.execution_date')}</Table.Th>
                <Table.Th visibleFrom="sm" ta="right">
                  {t('refunds.column.items')}
                </Table.Th>
                <Table.Th ta="right">{t('refunds.column.total')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((batch) => (
                <RefundRow key={batch.id} batch={batch} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListPanel>
      {isCreating && <RefundCreateDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}

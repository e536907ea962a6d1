import { formatMoney, parseAmount } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { maskIban } from '../mandates/mandate-labels.ts';
import { refundFileUrl, useRefundBatch } from './use-batches.ts';

/** One refund batch: its file and the credit notes it refunds. */
export function RefundBatchPage() {
  const { t, locale } = useI18n();
  const { batchId } = useParams({ strict: false }) as { batchId: string };
  const batch = useRefundBatch(batchId);
  if (batch.error) return <Alert color="red">{serverErrors(batch.error, locale).general}</Alert>;
  if (!batch.data) return <Text size="sm">{t('common.loading')}</Text>;
  const data = batch.data;
  const money = (amount: string) => formatMoney(parseAmount(amount), locale);
  return (
    <Stack maw={1100} data-testid="refund-page">
      <Anchor component={Link} to="/receivables/refund-batches" size="sm">
        ← {t('refunds.back')}
      </Anchor>
      <Title order={2} style={{ overflowWrap: 'anywhere' }}>
        {t('refunds.detail_title', { message_id: data.message_id })}
      </Title>
      <Paper withBorder p="md">
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {t('refunds.column.execution_date')} {formatDate(data.execution_date, locale)} · {data.item_count}{' '}
            {t('refunds.column.items')} · {money(data.total_amount)}
          </Text>
          <Button component="a" href={refundFileUrl(data.id)} download={`${data.message_id}.xml`}>
            {t('refunds.download')}
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('refunds.item.credit_note')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('refunds.item.creditor')}</Table.Th>
                <Table.Th ta="right">{t('refunds.item.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data.items ?? []).map((item) => (
                <Table.Tr key={item.credit_note_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${item.credit_note_id}`} size="sm">
                      {item.credit_note_number}
                    </Anchor>
                    <Text size="xs" c="dimmed" hiddenFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                      {item.creditor_name} · {maskIban(item.creditor_iban)}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.creditor_name}
                    <Text size="xs" c="dimmed">
                      {maskIban(item.creditor_iban)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(item.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

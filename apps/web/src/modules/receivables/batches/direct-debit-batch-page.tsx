import { formatMoney, parseAmount } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { maskIban } from '../mandates/mandate-labels.ts';
import { BatchStatusBadge } from './batch-status-badge.tsx';
import { directDebitFileUrl, useDirectDebitBatch } from './use-batches.ts';

/** One collection batch: when to hand in its file, the file, and the invoices it collects. */
export function DirectDebitBatchPage() {
  const { t, locale } = useI18n();
  const { batchId } = useParams({ strict: false }) as { batchId: string };
  const batch = useDirectDebitBatch(batchId);
  if (batch.error) return <Alert color="red">{serverErrors(batch.error, locale).general}</Alert>;
  if (!batch.data) return <Text size="sm">{t('common.loading')}</Text>;
  const data = batch.data;
  const money = (amount: string) => formatMoney(parseAmount(amount), locale);
  return (
    <Stack maw={1100} data-testid="direct-debit-page">
      <Anchor component={Link} to="/receivables/direct-debit-batches" size="sm">
        ← {t('direct_debits.back')}
      </Anchor>
      <Group justify="space-between" gap="sm">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {t('direct_debits.detail_title', { message_id: data.message_id })}
        </Title>
        <BatchStatusBadge status={data.status} />
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text size="sm" data-testid="direct-debit-summary">
            {data.scheme} · {data.item_count} {t('direct_debits.column.items')} · {money(data.total_amount)}
          </Text>
          <Text size="sm">
            {t('direct_debits.submit_hint', {
              date: formatDate(data.submit_by, locale),
              collection_date: formatDate(data.collection_date, locale),
            })}
          </Text>
          <Group>
            <Button
              component="a"
              href={directDebitFileUrl(data.id)}
              download={`${data.message_id}.xml`}
              data-testid="direct-debit-download"
            >
              {t('direct_debits.download')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} fz="sm" data-testid="direct-debit-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('direct_debits.item.invoice')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('direct_debits.item.debtor')}</Table.Th>
                <Table.Th visibleFrom="md">{t('direct_debits.item.mandate')}</Table.Th>
                <Table.Th visibleFrom="md">{t('direct_debits.item.sequence')}</Table.Th>
                <Table.Th ta="right">{t('direct_debits.item.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data.items ?? []).map((item) => (
                <Table.Tr key={item.invoice_id} data-testid="direct-debit-item" data-invoice-id={item.invoice_id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/invoices/${item.invoice_id}`}
                      size="sm"
                      data-testid="direct-debit-item-invoice"
                    >
                      {item.invoice_number}
                    </Anchor>
                    <Text size="xs" c="dimmed" hiddenFrom="md" style={{ overflowWrap: 'anywhere' }}>
                      <Text span size="xs" hiddenFrom="sm">
                        {item.debtor_name} ·{' '}
                      </Text>
                      {item.mandate_reference} · {t(`direct_debits.sequence.${item.sequence_type}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.debtor_name}
                    <Text size="xs" c="dimmed">
                      {maskIban(item.debtor_iban)}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="md" style={{ wordBreak: 'break-all' }}>
                    {item.mandate_reference}
                  </Table.Td>
                  <Table.Td visibleFrom="md">{t(`direct_debits.sequence.${item.sequence_type}`)}</Table.Td>
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

import { type BankStatement, formatMoney, parseAmount } from '@clientbox/contracts';
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ListPanel, LoadMoreButton } from '../list-panel.tsx';
import { BankStatementUpload } from './bank-statement-upload.tsx';
import { useBankStatementList } from './use-bank-statements.ts';

/** The counts of a statement: what still waits for a decision first, as a link to that queue. */
function StatementCounts({ statement }: { statement: BankStatement }) {
  const { t } = useI18n();
  const toProcess = statement.counts.suggested + statement.counts.unmatched;
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed" data-testid="bank-statement-row-total">
        {t('bank_statements.entry_count', { count: statement.counts.total })}
      </Text>
      {toProcess > 0 && (
        <Link
          to="/receivables/bank-statements/$statementId"
          params={{ statementId: statement.id }}
          search={{ view: 'queue' }}
          data-testid="bank-statement-row-to-process"
        >
          <Badge color="orange" variant="light" style={{ cursor: 'pointer' }}>
            {t('bank_statements.to_process', { count: toProcess })}
          </Badge>
        </Link>
      )}
      {(['booked', 'returned', 'ignored'] as const).map(
        (status) =>
          statement.counts[status] > 0 && (
            <Badge key={status} color="gray" variant="outline" data-testid={`bank-statement-row-${status}`}>
              {t(`bank_statement.status.${status}`)}: {statement.counts[status]}
            </Badge>
          ),
      )}
    </Group>
  );
}

function StatementRow({ statement }: { statement: BankStatement }) {
  const { locale } = useI18n();
  const closing = formatMoney(parseAmount(statement.closing_balance.amount), locale);
  return (
    <Table.Tr data-testid="bank-statement-row" data-id={statement.id}>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/receivables/bank-statements/${statement.id}`}
          size="sm"
          fw={500}
          style={{ wordBreak: 'break-all' }}
          data-testid="bank-statement-row-link"
        >
          {statement.statement_id}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {statement.account_iban}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {formatDateTime(statement.created_at, locale)} · {closing}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(statement.created_at, locale)}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {closing}
      </Table.Td>
      <Table.Td>
        <StatementCounts statement={statement} />
      </Table.Td>
    </Table.Tr>
  );
}

/** `/receivables/bank-statements`: import a statement file; the statements imported, newest first. */
export function BankStatementsPage() {
  const { t } = useI18n();
  const list = useBankStatementList();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack maw={1100} data-testid="bank-statements-page">
      <Title order={2}>{t('bank_statements.title')}</Title>
      <BankStatementUpload />
      <ListPanel
        query={list}
        isEmpty={rows.length === 0}
        empty={{ text: t('bank_statements.list_empty'), testId: 'bank-statements-empty' }}
        heading={
          <Title order={3} size="h4">
            {t('bank_statements.list_title')}
          </Title>
        }
      >
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={4} fz="sm" data-testid="bank-statements-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bank_statements.column.statement')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('bank_statements.column.imported_at')}</Table.Th>
                <Table.Th visibleFrom="sm" ta="right">
                  {t('bank_statements.column.closing_balance')}
                </Table.Th>
                <Table.Th>{t('bank_statements.column.entries')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((statement) => (
                <StatementRow key={statement.id} statement={statement} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListPanel>
      <LoadMoreButton list={list} label={t('bank_statements.load_more')} testId="bank-statements-load-more" />
    </Stack>
  );
}

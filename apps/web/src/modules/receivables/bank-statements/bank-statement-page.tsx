import { formatMoney, parseAmount } from '@clientbox/contracts';
import { Alert, Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { BankStatementEntries, isToProcess } from './bank-statement-entries.tsx';
import { useBankStatement, useInvoicesById } from './use-bank-statements.ts';

export interface BankStatementSearch {
  /** `queue`: only the entries that wait for a decision ("Te verwerken"). */
  view?: 'queue';
}

/** `/receivables/bank-statements/$statementId?view=queue`: the view in the URL, so the queue can be linked. */
export function parseBankStatementSearch(search: Record<string, unknown>): BankStatementSearch {
  return search.view === 'queue' ? { view: 'queue' } : {};
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** One imported statement: its balances and entries, each with what matching made of it. */
export function BankStatementPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { statementId } = useParams({ strict: false }) as { statementId: string };
  const search = useSearch({ strict: false }) as BankStatementSearch;
  const isQueue = search.view === 'queue';
  const statement = useBankStatement(statementId);
  const entries = statement.data?.entries ?? [];
  const invoices = useInvoicesById(
    entries.flatMap((entry) => [...(entry.invoice_id ? [entry.invoice_id] : []), ...entry.suggested_invoice_ids]),
  );
  const shown = isQueue ? entries.filter(isToProcess) : entries;
  const money = (amount: string) => formatMoney(parseAmount(amount), locale);

  if (statement.error)
    return (
      <Alert color="red" data-testid="bank-statement-error">
        {serverErrors(statement.error, locale).general}
      </Alert>
    );
  if (!statement.data) return <Text size="sm">{t('common.loading')}</Text>;
  const data = statement.data;
  return (
    <Stack maw={1200} data-testid="bank-statement-page">
      <Anchor component={Link} to="/receivables/bank-statements" size="sm">
        ← {t('bank_statement.back')}
      </Anchor>
      <Title order={2} style={{ overflowWrap: 'anywhere' }}>
        {t('bank_statement.title', { statement_id: data.statement_id })}
      </Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t('bank_statement.account')} value={data.account_iban} />
          <Fact
            label={t('bank_statement.opening_balance')}
            value={`${money(data.opening_balance.amount)} (${formatDate(data.opening_balance.date, locale)})`}
          />
          <Fact
            label={t('bank_statement.closing_balance')}
            value={`${money(data.closing_balance.amount)} (${formatDate(data.closing_balance.date, locale)})`}
            testId="bank-statement-closing"
          />
          <Fact label={t('bank_statement.file')} value={data.file_name ?? data.format} />
        </SimpleGrid>
      </Paper>
      <Group>
        <SegmentedControl
          value={isQueue ? 'queue' : 'all'}
          data={[
            { value: 'all', label: `${t('bank_statement.view.all')} (${data.counts.total})` },
            {
              value: 'queue',
              label: `${t('bank_statement.view.queue')} (${data.counts.suggested + data.counts.unmatched})`,
            },
          ]}
          onChange={(value) =>
            void navigate({
              to: '/receivables/bank-statements/$statementId',
              params: { statementId },
              search: value === 'queue' ? { view: 'queue' } : {},
              replace: true,
            })
          }
          data-testid="bank-statement-view"
        />
      </Group>
      <Paper withBorder p="md">
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="entries-empty">
            {isQueue ? t('bank_statement.queue_empty') : t('bank_statement.entries_empty')}
          </Text>
        ) : (
          <BankStatementEntries entries={shown} invoices={invoices} />
        )}
      </Paper>
    </Stack>
  );
}

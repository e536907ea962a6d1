import { type BankStatementEntry, formatMoney, type Invoice, parseAmount } from '@clientbox/contracts';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { EntryIgnoreDialog } from './entry-ignore-dialog.tsx';
import { EntryMatchDialog } from './entry-match-dialog.tsx';
import { EntryStatusBadge } from './entry-status-badge.tsx';

/** Only these wait for a decision by hand; the server refuses the others (409). */
export const isToProcess = (entry: BankStatementEntry) => entry.status === 'suggested' || entry.status === 'unmatched';

function InvoiceLink({ id, invoices }: { id: string; invoices: Map<string, Invoice> }) {
  return (
    <Anchor component={Link} to={`/invoices/${id}`} size="xs" data-testid="entry-invoice-link">
      {invoices.get(id)?.number ?? '…'}
    </Anchor>
  );
}

/** How the entry was matched, to which invoice, or which invoices the server proposes. */
function EntryOutcome({ entry, invoices }: { entry: BankStatementEntry; invoices: Map<string, Invoice> }) {
  const { t, locale } = useI18n();
  const suggestions = entry.suggested_invoice_ids.filter((id) => id !== entry.invoice_id);
  return (
    <>
      <Group gap={4} wrap="wrap">
        <EntryStatusBadge status={entry.status} />
        {entry.invoice_id && <InvoiceLink id={entry.invoice_id} invoices={invoices} />}
      </Group>
      {entry.match_rule && entry.status === 'booked' && (
        <Text size="xs" c="dimmed" data-testid="entry-rule">
          {t(`bank_statement.rule.${entry.match_rule}`)}
        </Text>
      )}
      {suggestions.length > 0 && (
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('bank_statement.suggested_invoices')}:
          </Text>
          {suggestions.map((id) => (
            <InvoiceLink key={id} id={id} invoices={invoices} />
          ))}
        </Group>
      )}
      {parseAmount(entry.unallocated_amount) > 0n && (
        <Text size="xs" c="orange">
          {t('bank_statement.unallocated', { amount: formatMoney(parseAmount(entry.unallocated_amount), locale) })}
        </Text>
      )}
      {entry.return_reason_code && (
        <Text size="xs" c="dimmed">
          {t('bank_statement.return_reason', { code: entry.return_reason_code })}
        </Text>
      )}
    </>
  );
}

function EntryRow({ entry, invoices }: { entry: BankStatementEntry; invoices: Map<string, Invoice> }) {
  const { t, locale } = useI18n();
  const [dialog, setDialog] = useState<'match' | 'ignore' | null>(null);
  const none = t('bank_statement.none');
  const amount = formatMoney(parseAmount(entry.amount) * (entry.credit_debit === 'DBIT' ? -1n : 1n), locale);
  const date = entry.booking_date ? formatDate(entry.booking_date, locale) : none;
  const text = entry.remittance_text ?? entry.structured_reference ?? entry.end_to_end_id ?? none;
  return (
    <Table.Tr data-testid="entry-row" data-id={entry.id} data-status={entry.status}>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="entry-counterparty">
          {entry.counterparty_name ?? none}
        </Text>
        {entry.counterparty_iban && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {entry.counterparty_iban}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="md" style={{ overflowWrap: 'anywhere' }}>
          <Text span size="xs" hiddenFrom="sm">
            {date} ·{' '}
          </Text>
          {text}
        </Text>
      </Table.Td>
      <Table.Td
        ta="right"
        style={{ whiteSpace: 'nowrap' }}
        c={entry.credit_debit === 'DBIT' ? 'red' : undefined}
        data-testid="entry-amount"
      >
        {amount}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ overflowWrap: 'anywhere', maxWidth: 320 }} data-testid="entry-text">
        <Text size="sm">{text}</Text>
      </Table.Td>
      <Table.Td>
        <EntryOutcome entry={entry} invoices={invoices} />
        {isToProcess(entry) && (
          <Group gap={4} mt={4} wrap="wrap">
            {entry.credit_debit === 'CRDT' && (
              <Button size="compact-xs" onClick={() => setDialog('match')} data-testid="entry-match">
                {t('bank_statement.match')}
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => setDialog('ignore')}
              data-testid="entry-ignore"
            >
              {t('bank_statement.ignore')}
            </Button>
          </Group>
        )}
        {dialog === 'match' && <EntryMatchDialog entry={entry} onClose={() => setDialog(null)} />}
        {dialog === 'ignore' && <EntryIgnoreDialog entry={entry} onClose={() => setDialog(null)} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** A statement's entries; on a phone the date and description go under the counterparty. */
export function BankStatementEntries({
  entries,
  invoices,
}: {
  entries: BankStatementEntry[];
  invoices: Map<string, Invoice>;
}) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing={6} fz="sm" data-testid="entries-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th visibleFrom="sm">{t('bank_statement.column.date')}</Table.Th>
            <Table.Th>{t('bank_statement.column.counterparty')}</Table.Th>
            <Table.Th ta="right">{t('bank_statement.column.amount')}</Table.Th>
            <Table.Th visibleFrom="md">{t('bank_statement.column.text')}</Table.Th>
            <Table.Th>{t('bank_statement.column.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} invoices={invoices} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

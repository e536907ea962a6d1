import type { DueReminder } from '@clientbox/contracts';
import { Anchor, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { letterLabel, money } from './reminder-labels.ts';

interface ItemProps {
  due: DueReminder;
  isSelected: boolean;
  onToggle(): void;
}

function InvoiceLink({ due }: { due: DueReminder }) {
  return (
    <Anchor component={Link} to={`/invoices/${due.invoice_id}`} fw={600} size="sm" data-testid="due-reminder-invoice">
      {due.invoice_number}
    </Anchor>
  );
}

/** Where the letter goes, or the warning that it cannot go anywhere. */
function Recipient({ due }: { due: DueReminder }) {
  const { t } = useI18n();
  return due.recipient ? (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="due-reminder-recipient">
      {due.recipient}
    </Text>
  ) : (
    <Text size="sm" c="red" fw={500} data-testid="due-reminder-no-email">
      ⚠ {t('reminders.no_email')}
    </Text>
  );
}

function SelectBox({ due, isSelected, onToggle }: ItemProps) {
  const { t } = useI18n();
  return (
    <Checkbox
      checked={isSelected}
      onChange={onToggle}
      aria-label={t('reminders.select', { number: due.invoice_number })}
      data-testid="due-reminder-select"
    />
  );
}

/** A due reminder as a row of the table on a wider screen. */
export function DueReminderRow(props: ItemProps) {
  const { t, locale } = useI18n();
  const { due } = props;
  return (
    <Table.Tr data-testid="due-reminder" data-invoice-id={due.invoice_id}>
      <Table.Td>
        <SelectBox {...props} />
      </Table.Td>
      <Table.Td>
        <InvoiceLink due={due} />
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{due.customer_name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('reminders.days_overdue', { days: due.days_overdue })}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="due-reminder-letter">
        {letterLabel(locale, due.level, due.kind)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {money(due.principal_due, locale)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="due-reminder-interest">
        {money(due.interest, locale)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="due-reminder-costs">
        {money(due.costs, locale)}
      </Table.Td>
      <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="due-reminder-total">
        {money(due.total_due, locale)}
      </Table.Td>
      <Table.Td>
        <Recipient due={due} />
      </Table.Td>
    </Table.Tr>
  );
}

/** A due reminder as a card on a phone: the same facts, stacked. */
export function DueReminderCard(props: ItemProps) {
  const { t, locale } = useI18n();
  const { due } = props;
  const amounts = [
    [t('reminders.column.principal'), due.principal_due],
    [t('reminders.column.interest'), due.interest],
    [t('reminders.column.costs'), due.costs],
  ] as const;
  return (
    <Paper withBorder p="sm" data-testid="due-reminder" data-invoice-id={due.invoice_id}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <SelectBox {...props} />
          <InvoiceLink due={due} />
        </Group>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="due-reminder-letter">
          {letterLabel(locale, due.level, due.kind)}
        </Text>
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {due.customer_name}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reminders.days_overdue', { days: due.days_overdue })}
      </Text>
      <Group gap="sm" wrap="wrap">
        {amounts.map(([label, amount]) => (
          <Text key={label} size="xs" c="dimmed">
            {label}: {money(amount, locale)}
          </Text>
        ))}
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Recipient due={due} />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="due-reminder-total">
          {money(due.total_due, locale)}
        </Text>
      </Group>
    </Paper>
  );
}

/** The header of the table of due reminders, with "select all". */
export function DueRemindersHead({
  allSelected,
  someSelected,
  onToggleAll,
}: {
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll(): void;
}) {
  const { t } = useI18n();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>
          <Checkbox
            checked={allSelected}
            indeterminate={someSelected && !allSelected}
            onChange={onToggleAll}
            aria-label={t('reminders.select_all')}
            data-testid="due-reminders-select-all"
          />
        </Table.Th>
        <Table.Th>{t('reminders.column.invoice')}</Table.Th>
        <Table.Th>{t('reminders.column.customer')}</Table.Th>
        <Table.Th>{t('reminders.column.overdue')}</Table.Th>
        <Table.Th>{t('reminders.column.level')}</Table.Th>
        <Table.Th ta="right">{t('reminders.column.principal')}</Table.Th>
        <Table.Th ta="right">{t('reminders.column.interest')}</Table.Th>
        <Table.Th ta="right">{t('reminders.column.costs')}</Table.Th>
        <Table.Th ta="right">{t('reminders.column.total')}</Table.Th>
        <Table.Th>{t('reminders.column.recipient')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

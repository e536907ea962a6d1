import type { Reminder } from '@clientbox/contracts';
import { Alert, Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { letterLabel, money } from './reminder-labels.ts';
import { ReminderStatusBadge } from './reminder-status-badge.tsx';
import { reminderPdfUrl, useSentReminders } from './use-reminders.ts';

/** One sent reminder; on a phone its customer, amounts and recipient go under the invoice. */
function SentReminderRow({ reminder }: { reminder: Reminder }) {
  const { t, locale } = useI18n();
  const letter = letterLabel(locale, reminder.level, reminder.kind);
  const date = formatDate(reminder.reckoned_on, locale);
  const total = money(reminder.total_due, locale);
  return (
    <Table.Tr data-testid="sent-reminder" data-id={reminder.id} data-status={reminder.status}>
      <Table.Td>
        {reminder.invoice_id ? (
          <Anchor component={Link} to={`/invoices/${reminder.invoice_id}`} fw={600} size="sm">
            {reminder.invoice_number}
          </Anchor>
        ) : (
          <Text size="sm" fw={600}>
            {reminder.invoice_number}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {reminder.customer_name}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="md">
          {date} · {letter} · {total}
        </Text>
        {reminder.fourteen_day_letter && (
          <Text size="xs" c="dimmed" data-testid="sent-reminder-fourteen-day">
            {t('reminders.fourteen_day_letter', {
              costs: money(reminder.fourteen_day_letter.costs, locale),
              date: formatDate(reminder.fourteen_day_letter.expires_on, locale),
            })}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }} data-testid="sent-reminder-letter">
        {letter}
        <Text size="xs" c="dimmed">
          {t(`reminders.trigger.${reminder.trigger}`)}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="md" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {total}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ overflowWrap: 'anywhere' }}>
        {reminder.recipient ?? t('reminders.no_email')}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <ReminderStatusBadge reminder={reminder} />
          <Anchor
            href={reminderPdfUrl(reminder)}
            target="_blank"
            rel="noopener"
            size="sm"
            data-testid="sent-reminder-pdf"
          >
            {t('reminders.pdf')}
          </Anchor>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The reminders sent, newest first, with their status and letter. */
export function SentReminders() {
  const { t, locale } = useI18n();
  const sent = useSentReminders();
  const rows = sent.data?.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="sent-reminders">
      <Stack gap="sm">
        <Text fw={600}>{t('reminders.sent_title')}</Text>
        {sent.error ? (
          <Alert color="red">{serverErrors(sent.error, locale).general}</Alert>
        ) : !sent.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="sent-reminders-empty">
            {t('reminders.sent_empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing={4} fz="sm" data-testid="sent-reminders-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reminders.column.invoice')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('reminders.column.date')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('reminders.column.level')}</Table.Th>
                  <Table.Th visibleFrom="md" ta="right">
                    {t('reminders.column.total')}
                  </Table.Th>
                  <Table.Th visibleFrom="md">{t('reminders.column.recipient')}</Table.Th>
                  <Table.Th>{t('reminders.column.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((reminder) => (
                  <SentReminderRow key={reminder.id} reminder={reminder} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

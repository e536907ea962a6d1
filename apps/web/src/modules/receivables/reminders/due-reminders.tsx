import type { DueReminder, ReminderRun } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { DueReminderCard, DueReminderRow, DueRemindersHead } from './due-reminder-items.tsx';
import { ReminderRunResult } from './reminder-run-result.tsx';
import { useDueReminders, useSendReminders } from './use-reminders.ts';

interface Sent {
  run: ReminderRun;
  numbers: ReadonlyMap<string, string>;
}

/**
 * The review list: the reminders due today, each with the amounts its letter would state and
 * where it goes. Sending takes a selection or everything due; the answer says what went out and
 * why anything did not, and the list reloads.
 */
export function DueReminders() {
  const { t, locale } = useI18n();
  const due = useDueReminders();
  const send = useSendReminders();
  // Read at once, so a phone never renders the table first.
  const isPhone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [isConfirmingAll, setConfirmingAll] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const rows = due.data?.data ?? [];
  const chosen = rows.filter((row) => selected.has(row.invoice_id));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected(chosen.length === rows.length ? new Set() : new Set(rows.map((row) => row.invoice_id)));

  const run = async (invoices: DueReminder[] | null) => {
    setSendError(null);
    const numbers = new Map(rows.map((row) => [row.invoice_id, row.invoice_number]));
    try {
      const result = await send.mutateAsync(invoices ? { invoice_ids: invoices.map((row) => row.invoice_id) } : {});
      setSent({ run: result, numbers });
      setSelected(new Set());
    } catch (error) {
      setSendError(serverErrors(error, locale).general ?? t('error.generic'));
    } finally {
      setConfirmingAll(false);
    }
  };

  const item = (row: DueReminder) => {
    const props = { due: row, isSelected: selected.has(row.invoice_id), onToggle: () => toggle(row.invoice_id) };
    return isPhone ? (
      <DueReminderCard key={row.invoice_id} {...props} />
    ) : (
      <DueReminderRow key={row.invoice_id} {...props} />
    );
  };

  return (
    <Paper withBorder p="md" data-testid="due-reminders">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <div>
            <Text fw={600}>{t('reminders.due_title')}</Text>
            <Text size="xs" c="dimmed">
              {t('reminders.due_hint')}
            </Text>
          </div>
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="default"
              disabled={chosen.length === 0}
              loading={send.isPending && !isConfirmingAll}
              onClick={() => void run(chosen)}
              data-testid="due-reminders-send-selected"
            >
              {t('reminders.send_selected', { count: chosen.length })}
            </Button>
            <Button
              size="xs"
              disabled={rows.length === 0}
              onClick={() => setConfirmingAll(true)}
              data-testid="due-reminders-send-all"
            >
              {t('reminders.send_all')}
            </Button>
          </Group>
        </Group>
        {sent && <ReminderRunResult run={sent.run} numbers={sent.numbers} onClose={() => setSent(null)} />}
        {sendError && (
          <Alert color="red" role="alert">
            {sendError}
          </Alert>
        )}
        {due.error ? (
          <Alert color="red">{serverErrors(due.error, locale).general}</Alert>
        ) : !due.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="due-reminders-empty">
            {t('reminders.due_empty')}
          </Text>
        ) : isPhone ? (
          <Stack gap="xs" data-testid="due-reminders-cards">
            {rows.map(item)}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} fz="sm" data-testid="due-reminders-table">
              <DueRemindersHead
                allSelected={rows.length > 0 && chosen.length === rows.length}
                someSelected={chosen.length > 0}
                onToggleAll={toggleAll}
              />
              <Table.Tbody>{rows.map(item)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmDialog
        opened={isConfirmingAll}
        title={t('reminders.send_all_title')}
        confirmLabel={t('reminders.send_all')}
        isBusy={send.isPending}
        onConfirm={() => void run(null)}
        onClose={() => setConfirmingAll(false)}
        testId="due-reminders-send-all-dialog"
      >
        <Text size="sm">{t('reminders.send_all_body', { count: rows.length })}</Text>
      </ConfirmDialog>
    </Paper>
  );
}

import { Stack, Title } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { DueReminders } from './due-reminders.tsx';
import { RemindersTabs } from './reminders-tabs.tsx';
import { SentReminders } from './sent-reminders.tsx';

/**
 * `/receivables/reminders`: the review list "Herinneringen" — what would be sent today, to send
 * all or a selection — and below it the reminders sent, with their letters.
 */
export function RemindersPage() {
  const { t } = useI18n();
  return (
    <Stack maw={1100} data-testid="reminders-page">
      <Title order={2}>{t('reminders.title')}</Title>
      <RemindersTabs active="review" />
      <DueReminders />
      <SentReminders />
    </Stack>
  );
}

import { Alert, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { ReminderSettingsForm } from './reminder-settings-form.tsx';
import { RemindersTabs } from './reminders-tabs.tsx';
import { useReminderSettings } from './use-reminders.ts';

/** `/receivables/reminders/settings`: the schedule of reminders and the late-payment charges. */
export function ReminderSettingsPage() {
  const { t, locale } = useI18n();
  const settings = useReminderSettings();
  return (
    <Stack maw={900} data-testid="reminder-settings-page">
      <Title order={2}>{t('reminders.title')}</Title>
      <RemindersTabs active="settings" />
      <Title order={3} size="h4">
        {t('reminders.settings_title')}
      </Title>
      {settings.error ? (
        <Alert color="red">{serverErrors(settings.error, locale).general}</Alert>
      ) : !settings.data ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : (
        <ReminderSettingsForm key={settings.data.updated_at ?? 'defaults'} settings={settings.data} />
      )}
    </Stack>
  );
}

import { updateSubscriptionSettings } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Radio, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { wholeNumberOf } from './subscription-form-values.ts';
import { type SubscriptionSettings, useUpdateSubscriptionSettings } from './use-subscriptions.ts';

type BillingMode = SubscriptionSettings['billing_mode'];

/** Whether the daily run invoices by itself, and how many months ahead a price change is announced. */
function SettingsForm({ settings }: { settings: SubscriptionSettings }) {
  const { t } = useI18n();
  const update = useUpdateSubscriptionSettings();
  const [mode, setMode] = useState<BillingMode>(settings.billing_mode);
  const [months, setMonths] = useState(String(settings.price_notice_months));
  const { errors, general, submit } = useCheckedSubmit(updateSubscriptionSettings, async (body) => {
    await update.mutateAsync(body);
    notifications.show({ color: 'green', message: t('subscriptions.settings.saved') });
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit({ billing_mode: mode, price_notice_months: wholeNumberOf(months) });
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="subscription-settings">
      <Stack gap="sm">
        <Radio.Group
          label={t('subscriptions.settings.billing_mode')}
          value={mode}
          error={errors.billing_mode}
          onChange={(next) => setMode(next as BillingMode)}
        >
          <Stack gap="xs" mt={6}>
            {(['automatic', 'off'] as const).map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`subscriptions.settings.mode.${value}`)}
                description={t(`subscriptions.settings.mode.${value}.hint`)}
                data-testid={`subscription-settings-mode-${value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('subscriptions.settings.price_notice_months')}
          description={t('subscriptions.settings.price_notice_hint')}
          inputMode="numeric"
          maw={260}
          value={months}
          error={errors.price_notice_months}
          onChange={(event) => setMonths(event.currentTarget.value)}
          data-testid="subscription-settings-notice"
        />
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.isPending} data-testid="subscription-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SubscriptionSettingsSection({ settings }: { settings: SubscriptionSettings | undefined }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('subscriptions.settings.title')}
        </Title>
        {settings ? <SettingsForm settings={settings} /> : t('common.loading')}
      </Stack>
    </Paper>
  );
}

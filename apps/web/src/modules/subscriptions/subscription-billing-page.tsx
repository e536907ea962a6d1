import { Anchor, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { BillingRunSection } from './billing-run-section.tsx';
import { IndexationSection } from './indexation-form.tsx';
import { SubscriptionSettingsSection } from './subscription-settings-form.tsx';
import { useSubscriptionSettings } from './use-subscriptions.ts';

/** `/subscriptions/billing`: the billing run by hand, the settings of the daily run and the yearly indexation. */
export function SubscriptionBillingPage() {
  const { t } = useI18n();
  const settings = useSubscriptionSettings();
  return (
    <Stack maw={1100} data-testid="subscription-billing-page">
      <Anchor component={Link} to="/subscriptions" size="sm">
        ← {t('subscriptions.back')}
      </Anchor>
      <Title order={2}>{t('subscriptions.billing.title')}</Title>
      <BillingRunSection />
      <SubscriptionSettingsSection settings={settings.data} />
      <IndexationSection />
    </Stack>
  );
}

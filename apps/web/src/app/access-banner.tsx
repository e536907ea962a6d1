import type { TenantAccess } from '@clientbox/contracts';
import { Alert } from '@mantine/core';
import { useI18n } from '../shared/i18n/i18n.tsx';

/** The demo's day counter (terms art. 10), or why the account is locked (art. 10, 13, 15). */
export function AccessBanner({ access }: { access: TenantAccess | null }) {
  const { t } = useI18n();
  if (!access || access.state === 'active') return null;
  if (access.state === 'demo') {
    const text = access.demo_days_left <= 1 ? t('demo.banner_one') : t('demo.banner', { days: access.demo_days_left });
    return (
      <Alert color="blue" mb="md" role="status" data-testid="demo-banner">
        {text}
      </Alert>
    );
  }
  return (
    <Alert color="red" mb="md" role="alert">
      {t(`error.tenant_${access.state}`)}
    </Alert>
  );
}

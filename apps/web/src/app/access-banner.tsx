import type { TenantAccess } from '@clientbox/contracts';
import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../shared/i18n/i18n.tsx';

/**
 * The demo's day counter (terms art. 10), or why the account is locked (art. 10, 13, 15) with the
 * way to the export, which a locked account keeps (art. 17).
 */
export function AccessBanner({
  access,
  canExport,
  canOrder,
}: {
  access: TenantAccess | null;
  canExport: boolean;
  /** Owners and admins see the subscription page; a demo or an expired demo can still order (art. 10). */
  canOrder: boolean;
}) {
  const { t } = useI18n();
  if (!access || access.state === 'active') return null;
  const orderLink = canOrder && (access.state === 'demo' || access.state === 'expired') && (
    <Anchor
      component={Link}
      to="/order"
      size="sm"
      fw={600}
      ml={access.state === 'demo' ? 'xs' : 0}
      data-testid="banner-order"
    >
      {t('order.order_now')}
    </Anchor>
  );
  if (access.state === 'demo') {
    const text = access.demo_days_left <= 1 ? t('demo.banner_one') : t('demo.banner', { days: access.demo_days_left });
    return (
      <Alert color="blue" mb="md" role="status" data-testid="demo-banner">
        {text}
        {orderLink}
      </Alert>
    );
  }
  return (
    <Alert color="red" mb="md" role="alert" data-testid="locked-banner">
      <Text size="sm">{t(`error.tenant_${access.state}`)}</Text>
      {orderLink && (
        <>
          {orderLink}
          {canExport && ' · '}
        </>
      )}
      {canExport && (
        <Anchor component={Link} to="/settings/export" size="sm">
          {t('access.export')}
        </Anchor>
      )}
    </Alert>
  );
}

import type { SubscriptionStatus } from '@clientbox/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';

const COLORS: Record<SubscriptionStatus, string> = {
  scheduled: 'gray',
  active: 'green',
  ending: 'orange',
  ended: 'dark',
};

/** Scheduled (starts later), active, ending (cancelled, runs until its end date) or ended. */
export function SubscriptionStatusBadge({
  status,
  testId = 'subscription-status',
}: {
  status: SubscriptionStatus;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid={testId} data-status={status} style={{ flexShrink: 0 }}>
      {t(`subscriptions.status.${status}`)}
    </Badge>
  );
}

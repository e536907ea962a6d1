import type { Mandate } from '@clientbox/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const COLORS: Record<Mandate['status'], string> = {
  pending: 'yellow',
  active: 'green',
  expired: 'orange',
  revoked: 'gray',
};

/**
 * The mandate's status; an active one-off mandate that has been collected on is active but not
 * usable any more, and says so ("Gebruikt").
 */
export function MandateStatusBadge({ mandate }: { mandate: Mandate }) {
  const { t } = useI18n();
  const isUsedUp = mandate.status === 'active' && !mandate.usable;
  return (
    <Badge
      color={isUsedUp ? 'gray' : COLORS[mandate.status]}
      variant="light"
      data-testid="mandate-status"
      data-status={mandate.status}
      data-usable={String(mandate.usable)}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {isUsedUp ? t('mandates.used') : t(`mandates.status.${mandate.status}`)}
    </Badge>
  );
}

import type { QuoteStatus } from '@clientbox/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';

const COLORS: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  viewed: 'cyan',
  accepted: 'green',
  declined: 'red',
  expired: 'orange',
  superseded: 'grape',
};

/** Stored (draft, sent, viewed, accepted, declined) or computed by the server (expired, superseded). */
export function QuoteStatusBadge({ status, testId }: { status: QuoteStatus; testId: string }) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid={testId} data-status={status} style={{ flexShrink: 0 }}>
      {t(`quote.status.${status}`)}
    </Badge>
  );
}

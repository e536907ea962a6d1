import type { Invoice } from '@clientbox/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';

const COLORS: Record<Invoice['status'], string> = {
  draft: 'gray',
  open: 'blue',
  partially_paid: 'yellow',
  paid: 'green',
  overdue: 'red',
  credited: 'grape',
};

/** Draft, or computed by the server from payments, credit notes and the due date. */
export function InvoiceStatusBadge({ status, testId }: { status: Invoice['status']; testId: string }) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid={testId} data-status={status} style={{ flexShrink: 0 }}>
      {t(`invoice.status.${status}`)}
    </Badge>
  );
}

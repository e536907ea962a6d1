import type { DirectDebitBatchDto } from '@clientbox/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const COLORS: Record<DirectDebitBatchDto['status'], string> = { open: 'blue', settled: 'green', cancelled: 'gray' };

export function BatchStatusBadge({ status }: { status: DirectDebitBatchDto['status'] }) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="batch-status" data-status={status}>
      {t(`direct_debits.status.${status}`)}
    </Badge>
  );
}

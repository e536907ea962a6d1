import type { BankStatementEntryStatus } from '@clientbox/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const COLORS: Record<BankStatementEntryStatus, string> = {
  booked: 'green',
  suggested: 'yellow',
  unmatched: 'orange',
  returned: 'red',
  ignored: 'gray',
};

export function EntryStatusBadge({ status }: { status: BankStatementEntryStatus }) {
  const { t } = useI18n();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      data-testid="entry-status"
      data-status={status}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {t(`bank_statement.status.${status}`)}
    </Badge>
  );
}

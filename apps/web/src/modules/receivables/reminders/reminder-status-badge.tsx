import type { Reminder } from '@clientbox/contracts';
import { Badge, Tooltip } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const COLOR = { queued: 'gray', sent: 'green', failed: 'red' } as const;

/** Sent, queued or failed; a failure's error on hover. */
export function ReminderStatusBadge({ reminder }: { reminder: Reminder }) {
  const { t } = useI18n();
  const badge = (
    <Badge color={COLOR[reminder.status]} variant="light" data-testid="reminder-status">
      {t(`reminders.status.${reminder.status}`)}
    </Badge>
  );
  return reminder.error ? <Tooltip label={reminder.error}>{badge}</Tooltip> : badge;
}

import type { ReminderRun } from '@clientbox/contracts';
import { Alert, CloseButton, Group, List, Text } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { skipReason } from './reminder-labels.ts';

/**
 * What a send did: how many letters went out, and each named invoice that got none with the
 * reason. `numbers` names the invoices as the list showed them when they were sent.
 */
export function ReminderRunResult({
  run,
  numbers,
  onClose,
}: {
  run: ReminderRun;
  numbers: ReadonlyMap<string, string>;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  return (
    <Alert color={run.skipped.length ? 'yellow' : 'green'} data-testid="reminder-run-result">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} data-testid="reminder-run-sent" data-count={run.sent.length}>
            {t('reminders.result_sent', { count: run.sent.length })}
          </Text>
          {run.skipped.length > 0 && (
            <>
              <Text size="sm">{t('reminders.result_skipped', { count: run.skipped.length })}</Text>
              <List size="sm" data-testid="reminder-run-skipped">
                {run.skipped.map((skipped) => (
                  <List.Item key={skipped.invoice_id} data-reason={skipped.reason}>
                    {numbers.get(skipped.invoice_id) ?? skipped.invoice_id}: {skipReason(locale, skipped.reason)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </div>
        <CloseButton onClick={onClose} aria-label={t('common.close')} />
      </Group>
    </Alert>
  );
}

import type { CollectionPause } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { CollectionEvents } from './collection-events.tsx';
import { CollectionPauseDialog, CollectionResumeDialog } from './collection-pause-dialog.tsx';
import { type HistoryOf, useCollectionHistory } from './use-reminders.ts';

function ActivePause({ pause }: { pause: CollectionPause }) {
  const { t, locale } = useI18n();
  const date = formatDate(pause.paused_on, locale);
  return (
    <Alert color="yellow" data-testid="collection-active-pause" data-id={pause.id}>
      <Text size="sm" fw={500}>
        {pause.until
          ? t('collections.active_pause_until', { date, until: formatDate(pause.until, locale) })
          : t('collections.active_pause', { date })}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="collection-active-pause-reason">
        {pause.reason}
      </Text>
    </Alert>
  );
}

/**
 * "Incassogeschiedenis": what happened in collecting an invoice or a customer's invoices, oldest
 * first, and the pause that holds the reminders today. On a customer's page (`customerId`) the
 * reminders can be paused and resumed there.
 */
export function CollectionHistorySection({ of, customerId }: { of: HistoryOf; customerId?: string }) {
  const { t, locale } = useI18n();
  const history = useCollectionHistory(of);
  const [dialog, setDialog] = useState<'pause' | 'resume' | null>(null);
  const pause = history.data?.active_pause ?? null;
  const events = history.data?.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="collection-history">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t('collections.title')}</Text>
          {customerId &&
            history.data &&
            (pause ? (
              <Button size="xs" variant="default" onClick={() => setDialog('resume')} data-testid="collection-resume">
                {t('collections.resume')}
              </Button>
            ) : (
              <Button size="xs" variant="default" onClick={() => setDialog('pause')} data-testid="collection-pause">
                {t('collections.pause')}
              </Button>
            ))}
        </Group>
        {pause && <ActivePause pause={pause} />}
        {history.error ? (
          <Alert color="red">{serverErrors(history.error, locale).general}</Alert>
        ) : !history.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : events.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="collection-history-empty">
            {t('collections.empty')}
          </Text>
        ) : (
          <CollectionEvents events={events} showInvoice={!('invoice_id' in of)} />
        )}
      </Stack>
      {customerId && dialog === 'pause' && (
        <CollectionPauseDialog customerId={customerId} onClose={() => setDialog(null)} />
      )}
      {dialog === 'resume' && pause && <CollectionResumeDialog pause={pause} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

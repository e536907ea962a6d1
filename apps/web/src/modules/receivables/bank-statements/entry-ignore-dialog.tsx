import type { BankStatementEntry } from '@clientbox/contracts';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { problemMessage } from '../problem-message.ts';
import { useIgnoreEntry } from './use-bank-statements.ts';

/** "Negeren", after confirmation: the entry leaves the queue without booking anything. */
export function EntryIgnoreDialog({ entry, onClose }: { entry: BankStatementEntry; onClose(): void }) {
  const { t, locale } = useI18n();
  const ignore = useIgnoreEntry();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await ignore.mutateAsync(entry.id);
      notifications.show({ color: 'green', message: t('bank_statement.ignored') });
      onClose();
    } catch (caught) {
      setError(problemMessage(caught, locale));
    }
  };
  return (
    <ConfirmDialog
      opened
      title={t('bank_statement.ignore_title')}
      confirmLabel={t('bank_statement.ignore')}
      color="gray"
      isBusy={ignore.isPending}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="entry-ignore-dialog"
    >
      <Text size="sm">{t('bank_statement.ignore_body')}</Text>
    </ConfirmDialog>
  );
}

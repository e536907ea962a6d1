import type { Person } from '@clientbox/contracts';
import { Badge, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { canManage, useMe } from '../../accounts/use-me.ts';
import { serverPathErrors } from './relation-form-errors.ts';
import { useErasePerson } from './use-relations.ts';

/** GDPR data-subject tools on the person page, for admins: download everything stored, or erase. */
export function PersonPrivacyActions({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const erase = useErasePerson();
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (person.erased_at)
    return (
      <Badge color="gray" variant="light" data-testid="person-erased">
        {t('relations.erased_on', { date: new Date(person.erased_at).toLocaleDateString(locale) })}
      </Badge>
    );
  if (!canManage(me)) return null;

  const confirm = async () => {
    try {
      await erase.mutateAsync(person.id);
      notifications.show({ color: 'green', message: t('relations.erased') });
      setConfirming(false);
    } catch (failure) {
      setError(serverPathErrors(failure, locale).general ?? t('error.generic'));
    }
  };

  return (
    <>
      <Button
        variant="default"
        component="a"
        href={`/api/v1/persons/${person.id}/personal-data`}
        download={`personal-data-${person.id}.json`}
        data-testid="person-personal-data"
      >
        {t('relations.personal_data')}
      </Button>
      <Button variant="light" color="red" onClick={() => setConfirming(true)} data-testid="person-erase">
        {t('relations.erase')}
      </Button>
      <ConfirmDialog
        opened={isConfirming}
        title={t('relations.erase_title')}
        confirmLabel={t('relations.erase')}
        color="red"
        isBusy={erase.isPending}
        error={error}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
        testId="person-erase-dialog"
      >
        <Text>{t('relations.erase_text', { name: person.name })}</Text>
      </ConfirmDialog>
    </>
  );
}

import type { Organization } from '@clientbox/contracts';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { OrganizationPicker, type PickedOrganization } from './organization-picker.tsx';
import { serverPathErrors } from './relation-form-errors.ts';
import { useMergeOrganization } from './use-relations.ts';

/** Picks the duplicate and, after confirmation, merges it into `organization` (the one kept). */
export function MergeOrganizationDialog({
  organization,
  opened,
  onClose,
}: {
  organization: Organization;
  opened: boolean;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const merge = useMergeOrganization();
  const [duplicate, setDuplicate] = useState<PickedOrganization | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | undefined>(undefined);

  const close = () => {
    setDuplicate(null);
    setError(null);
    setPickError(undefined);
    onClose();
  };
  const confirm = async () => {
    if (!duplicate || duplicate.id === organization.id) {
      setPickError(t(duplicate ? 'relations.merge_itself' : 'error.required'));
      return;
    }
    try {
      await merge.mutateAsync({ id: organization.id, duplicateId: duplicate.id });
      notifications.show({ color: 'green', message: t('relations.merged', { name: duplicate.name }) });
      close();
    } catch (failure) {
      const problem = serverPathErrors(failure, locale);
      setError(problem.general ?? Object.values(problem.fields)[0] ?? t('error.generic'));
    }
  };

  return (
    <ConfirmDialog
      opened={opened}
      title={t('relations.merge_title')}
      confirmLabel={t('relations.merge')}
      color="orange"
      isBusy={merge.isPending}
      error={error}
      onConfirm={confirm}
      onClose={close}
      testId="organization-merge-dialog"
    >
      <OrganizationPicker
        label={t('relations.merge_pick')}
        value={duplicate}
        onChange={(picked) => {
          setDuplicate(picked);
          setPickError(undefined);
        }}
        error={pickError}
        testId="organization-merge-pick"
      />
      <Text size="sm">{t('relations.merge_text', { kept: organization.name, duplicate: duplicate?.name ?? '…' })}</Text>
    </ConfirmDialog>
  );
}

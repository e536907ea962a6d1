import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A dialog that asks before an action with consequences for someone else (a tenant, all users).
 * Fields for the action (a reason, a number of days) go in `children`; the form submits on Enter.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  color,
  isBusy,
  error,
  onConfirm,
  onClose,
  testId,
  size,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  isBusy?: boolean;
  /** A general error of the last attempt; field errors belong next to their field in `children`. */
  error?: string | null;
  onConfirm(): void;
  onClose(): void;
  testId?: string;
  /** The dialog's width (Mantine size); wider for a form of several fields. */
  size?: string;
}) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack>
          {children}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={isBusy} data-testid={testId ? `${testId}-confirm` : undefined}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

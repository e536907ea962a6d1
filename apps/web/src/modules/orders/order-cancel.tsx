import { cancelContract } from '@clientbox/contracts';
import { Alert, Anchor, Button, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useCancelContract } from './use-orders.ts';

/** Art. 8 and 15: the day the account is deactivated, once cancelled or announced by the operator. */
export function DeactivationNotice({ dueAt }: { dueAt: string }) {
  const { t, locale } = useI18n();
  return (
    <Alert color="orange" title={t('order.deactivation_title')} data-testid="order-deactivation" data-due-at={dueAt}>
      <Stack gap={4}>
        <Text size="sm" data-testid="order-deactivation-text">
          {t('order.deactivation_text', { date: formatDate(dueAt, locale) })}
        </Text>
        <Anchor component={Link} to="/settings/export" size="sm">
          {t('order.deactivation_export')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/**
 * Art. 8: the owner cancels the contract. The dialog says what follows before it is sent: the
 * account is deactivated within five working days, export stays possible, and an invoice already
 * issued stays due.
 */
export function CancelContractSection() {
  const { t, locale } = useI18n();
  const cancel = useCancelContract();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setErrors({});
    setGeneral(null);
  };
  const confirm = async () => {
    const checked = validate(cancelContract, { confirm: true, ...(reason.trim() ? { reason } : {}) }, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      const result = await cancel.mutateAsync(checked.data);
      notifications.show({
        color: 'orange',
        message: t('order.cancelled', { date: formatDate(result.deactivation_due_at, locale) }),
      });
      close();
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general ?? problem.fields.confirm ?? null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="order-cancel-section">
      <Title order={3} size="h5" mb="xs">
        {t('order.cancel_title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('order.cancel_text')}
      </Text>
      <Button variant="light" color="red" onClick={() => setOpen(true)} data-testid="order-cancel">
        {t('order.cancel_action')}
      </Button>
      <ConfirmDialog
        opened={isOpen}
        title={t('order.cancel_title')}
        confirmLabel={t('order.cancel_confirm')}
        color="red"
        isBusy={cancel.isPending}
        error={general}
        onConfirm={confirm}
        onClose={close}
        testId="order-cancel-dialog"
      >
        <List size="sm" spacing={4} data-testid="order-cancel-consequences">
          <List.Item>{t('order.cancel_text')}</List.Item>
          <List.Item>{t('order.cancel_export')}</List.Item>
          <List.Item>{t('order.cancel_invoice')}</List.Item>
        </List>
        <Textarea
          label={t('order.cancel_reason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          data-testid="order-cancel-reason"
        />
      </ConfirmDialog>
    </Paper>
  );
}

import { deactivateTenant, extendDemo, type OperatorTenant } from '@clientbox/contracts';
import { Button, Group, NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { ReasonField } from './reason-field.tsx';
import { RegisterCancellationDialog } from './register-cancellation-dialog.tsx';
import { useTenantAction } from './use-operator.ts';

type Kind = 'extend-demo' | 'deactivate' | 'reactivate' | 'register-cancellation';

/** Whether a deactivation is announced but not carried out yet (art. 15: five days' notice). */
export function isDeactivationScheduled(tenant: OperatorTenant): boolean {
  return tenant.state !== 'deactivated' && tenant.deactivation_due_at !== null;
}

/** The admin's actions on one tenant (art. 10, 15), each behind a dialog that says what happens. */
export function TenantActions({ tenant }: { tenant: OperatorTenant }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Kind | null>(null);
  const canExtend = (tenant.state === 'demo' || tenant.state === 'expired') && tenant.monthly_total === null;
  const canDeactivate = tenant.state !== 'deactivated' && !isDeactivationScheduled(tenant);
  // Art. 8: a tenant with a contract may cancel by e-mail too.
  const canRegisterCancellation = canDeactivate && tenant.monthly_total !== null;
  const canReactivate =
    tenant.state === 'suspended' || tenant.state === 'deactivated' || isDeactivationScheduled(tenant);
  return (
    <Group gap="xs">
      {canExtend && (
        <Button size="xs" variant="light" onClick={() => setOpen('extend-demo')} data-testid="console-extend-demo">
          {t('console.tenants.extend_demo')}
        </Button>
      )}
      {canReactivate && (
        <Button size="xs" variant="light" onClick={() => setOpen('reactivate')} data-testid="console-reactivate">
          {isDeactivationScheduled(tenant) ? t('console.tenants.cancel_deactivation') : t('console.tenants.reactivate')}
        </Button>
      )}
      {canRegisterCancellation && (
        <Button
          size="xs"
          variant="light"
          color="orange"
          onClick={() => setOpen('register-cancellation')}
          data-testid="console-register-cancellation"
        >
          {t('console.tenants.register_cancellation')}
        </Button>
      )}
      {canDeactivate && (
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => setOpen('deactivate')}
          data-testid="console-deactivate"
        >
          {t('console.tenants.deactivate')}
        </Button>
      )}
      {open === 'register-cancellation' && <RegisterCancellationDialog tenant={tenant} onClose={() => setOpen(null)} />}
      {open && open !== 'register-cancellation' && (
        <TenantActionDialog tenant={tenant} kind={open} onClose={() => setOpen(null)} />
      )}
    </Group>
  );
}

function TenantActionDialog({
  tenant,
  kind,
  onClose,
}: {
  tenant: OperatorTenant;
  kind: Exclude<Kind, 'register-cancellation'>;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const action = useTenantAction();
  const [days, setDays] = useState<number | string>(14);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const isCancel = kind === 'reactivate' && isDeactivationScheduled(tenant);
  const name = { tenant: tenant.name };

  const confirm = async () => {
    setGeneral(null);
    try {
      if (kind === 'extend-demo') {
        const checked = validate(extendDemo, { days: typeof days === 'number' ? days : undefined }, locale);
        setErrors(checked.errors);
        if (!checked.data) return;
        const result = await action.mutateAsync({ tenantId: tenant.id, action: kind, body: checked.data });
        notifications.show({
          color: 'green',
          message: t('console.tenants.extended', { ...name, date: formatDate(result!.demo_ends_at!, locale) }),
        });
      } else if (kind === 'deactivate') {
        const checked = validate(deactivateTenant, { reason }, locale);
        setErrors(checked.errors);
        if (!checked.data) return;
        const result = await action.mutateAsync({ tenantId: tenant.id, action: kind, body: checked.data });
        notifications.show({
          color: 'orange',
          message: t('console.tenants.deactivation_scheduled', {
            ...name,
            date: formatDate(result!.deactivation_due_at!, locale),
          }),
        });
      } else {
        await action.mutateAsync({ tenantId: tenant.id, action: kind });
        notifications.show({
          color: 'green',
          message: isCancel
            ? t('console.tenants.deactivation_cancelled', name)
            : t('console.tenants.reactivated', name),
        });
      }
      onClose();
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      const isConflict = error instanceof ApiError && error.problem.code === 'conflict';
      if (isConflict && kind === 'extend-demo') setGeneral(t('console.tenants.extend_conflict'));
      else if (isConflict && kind === 'deactivate') setGeneral(t('console.tenants.deactivate_conflict'));
      else setGeneral(problem.general);
    }
  };

  const title =
    kind === 'extend-demo'
      ? t('console.tenants.extend_demo')
      : kind === 'deactivate'
        ? t('console.tenants.deactivate')
        : isCancel
          ? t('console.tenants.cancel_deactivation')
          : t('console.tenants.reactivate');
  return (
    <ConfirmDialog
      opened
      title={`${title}: ${tenant.name}`}
      confirmLabel={title}
      color={kind === 'deactivate' ? 'red' : undefined}
      isBusy={action.isPending}
      error={general}
      onConfirm={confirm}
      onClose={onClose}
      testId={`console-dialog-${kind}`}
    >
      {kind === 'extend-demo' && (
        <>
          <Text size="sm">{t('console.tenants.extend_demo_text', name)}</Text>
          <NumberInput
            label={t('console.tenants.days')}
            min={1}
            max={60}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={errors.days}
            data-autofocus
            data-testid="console-extend-days"
          />
        </>
      )}
      {kind === 'deactivate' && (
        <>
          <Text size="sm">{t('console.tenants.deactivate_text', name)}</Text>
          <ReasonField
            value={reason}
            onChange={setReason}
            error={errors.reason}
            hint={t('console.tenants.reason_hint')}
            minRows={3}
            autoFocus
            testId="console-deactivate-reason"
          />
        </>
      )}
      {kind === 'reactivate' && (
        <Text size="sm">
          {isCancel ? t('console.tenants.cancel_deactivation_text', name) : t('console.tenants.reactivate_text', name)}
        </Text>
      )}
    </ConfirmDialog>
  );
}

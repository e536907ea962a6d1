import { cancelPendingOrder, decideOrder, type ReviewQueueItem } from '@clientbox/contracts';
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { formatPrice } from '../orders/price-labels.ts';
import { BillingTenantPicker } from './operator-billing-tenant.tsx';
import { ReasonField } from './reason-field.tsx';
import {
  useCancelPendingOrder,
  useDecideOrder,
  useOperatorMe,
  usePlatformSettings,
  useReviewQueue,
  useUpdatePlatformSettings,
} from './use-operator.ts';

/** Terms art. 6: with the review switch on, orders wait here until an admin accepts or refuses them. */
export function OperatorOrdersPage() {
  const { t, locale } = useI18n();
  const isAdmin = useOperatorMe().data?.role === 'admin';
  const settings = usePlatformSettings();
  const update = useUpdatePlatformSettings();
  const queue = useReviewQueue();
  const isOn = settings.data?.review_queue ?? false;

  const toggle = async (next: boolean) => {
    try {
      await update.mutateAsync({ review_queue: next });
      notifications.show({
        color: 'green',
        message: t(next ? 'console.orders.review_saved_on' : 'console.orders.review_saved_off'),
      });
    } catch (error) {
      notifications.show({ color: 'red', message: serverErrors(error, locale).general ?? t('error.generic') });
    }
  };

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('console.orders.title')}</Title>
      <Paper withBorder p="md" radius="md">
        <Switch
          label={t('console.orders.review_switch')}
          description={t(isOn ? 'console.orders.review_on' : 'console.orders.review_off')}
          checked={isOn}
          disabled={!settings.data || !isAdmin || update.isPending}
          onChange={(event) => void toggle(event.currentTarget.checked)}
          data-testid="console-review-switch"
        />
        {!isAdmin && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('console.admin_only')}
          </Text>
        )}
      </Paper>
      <BillingTenantPicker isAdmin={isAdmin} />
      <Title order={3} size="h4">
        {t('console.orders.pending')}
      </Title>
      {queue.data?.length === 0 && <Text c="dimmed">{t('console.orders.none')}</Text>}
      {queue.data?.map((order) => (
        <Paper
          key={order.id}
          withBorder
          p="md"
          radius="md"
          data-testid="console-order"
          data-tenant-id={order.tenant_id}
        >
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Text fw={600}>{order.tenant_name}</Text>
              <Badge color="yellow">{t('order.pending_order')}</Badge>
            </Group>
            <Text size="sm">
              {t('order.placed', {
                date: formatDate(order.placed_at, locale),
                name: order.placed_by_name ?? '—',
              })}
            </Text>
            <Text size="sm">
              {t('console.tenants.modules')}: {order.modules.map((name) => t(`module.${name}`)).join(', ')}
            </Text>
            <Text size="sm">
              {t('order.users_count', { users: order.users })} · {t(`period.${order.period}`)}
            </Text>
            <Text size="sm" fw={600} data-testid="console-order-totals">
              {t('price.per_month', { amount: formatPrice(order.monthly_total, locale) })} ·{' '}
              {t('order.total_per', { period: t(`period.unit.${order.period}`) })}:{' '}
              {formatPrice(order.period_total, locale)}
            </Text>
            {isAdmin && <OrderDecision order={order} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function OrderDecision({ order }: { order: ReviewQueueItem }) {
  const { t } = useI18n();
  const decide = useDecideOrder();
  const cancel = useCancelPendingOrder();
  const [open, setOpen] = useState<'accept' | 'refuse' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const name = { tenant: order.tenant_name };
  const decision = useCheckedSubmit(decideOrder, async (body) => {
    await decide.mutateAsync({ tenantId: order.tenant_id, orderId: order.id, ...body });
    notifications.show({
      color: body.decision === 'accept' ? 'green' : 'orange',
      message: t(body.decision === 'accept' ? 'console.orders.accepted' : 'console.orders.refused', name),
    });
    close();
  });
  // Art. 14: withdrawn before delivery; the operator's billing invoices 10% of the period's price.
  const cancellation = useCheckedSubmit(cancelPendingOrder, async (body) => {
    await cancel.mutateAsync({ tenantId: order.tenant_id, orderId: order.id, ...body });
    notifications.show({ color: 'orange', message: t('console.orders.cancelled', name) });
    close();
  });
  const { errors, general } = open === 'cancel' ? cancellation : decision;

  const close = () => {
    setOpen(null);
    decision.reset();
    cancellation.reset();
  };
  const confirm = () => {
    if (open === 'cancel') return cancellation.submit(reason.trim() ? { reason } : {});
    if (open) return decision.submit(open === 'refuse' ? { decision: open, reason } : { decision: open });
  };
  const label =
    open === 'refuse'
      ? t('console.orders.refuse')
      : open === 'cancel'
        ? t('console.orders.cancel')
        : t('console.orders.accept');

  return (
    <Group gap="xs">
      <Button size="xs" onClick={() => setOpen('accept')} data-testid="console-order-accept">
        {t('console.orders.accept')}
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={() => setOpen('refuse')}
        data-testid="console-order-refuse"
      >
        {t('console.orders.refuse')}
      </Button>
      <Button
        size="xs"
        color="orange"
        variant="subtle"
        onClick={() => setOpen('cancel')}
        data-testid="console-order-cancel"
      >
        {t('console.orders.cancel')}
      </Button>
      <ConfirmDialog
        opened={open !== null}
        title={`${label}: ${order.tenant_name}`}
        confirmLabel={label}
        color={open === 'refuse' || open === 'cancel' ? 'red' : undefined}
        isBusy={decide.isPending || cancel.isPending}
        error={general}
        onConfirm={confirm}
        onClose={close}
        testId={`console-dialog-${open ?? 'decision'}`}
      >
        {open === 'cancel' ? (
          <>
            <Text size="sm">{t('console.orders.cancel_text', name)}</Text>
            <ReasonField
              value={reason}
              onChange={setReason}
              error={errors.reason}
              autoFocus
              testId="console-cancel-order-reason"
            />
          </>
        ) : open === 'refuse' ? (
          <>
            <Text size="sm">{t('console.orders.refuse_text', name)}</Text>
            <ReasonField
              value={reason}
              onChange={setReason}
              error={errors.reason}
              minRows={3}
              autoFocus
              testId="console-refuse-reason"
            />
          </>
        ) : (
          <Text size="sm">{t('console.orders.accept_text', name)}</Text>
        )}
        {errors.decision && <Alert color="red">{errors.decision}</Alert>}
      </ConfirmDialog>
    </Group>
  );
}

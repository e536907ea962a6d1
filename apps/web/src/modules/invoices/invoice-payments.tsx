import { formatMoney, type Invoice, type InvoicePayment, parseAmount } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { InvoicePaymentDialog } from './invoice-payment-dialog.tsx';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { useDeletePayment, useInvoicePayments } from './use-invoice-payments.ts';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </div>
  );
}

function Amount({ amount, testId }: { amount: string; testId: string }) {
  const { locale } = useI18n();
  return (
    <Text size="sm" fw={600} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {formatMoney(parseAmount(amount), locale)}
    </Text>
  );
}

function PaymentItem({ payment, onDelete }: { payment: InvoicePayment; onDelete(): void }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="invoice-payment-row" data-id={payment.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="wrap" style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="invoice-payment-row-amount">
            {formatMoney(parseAmount(payment.amount), locale)}
          </Text>
          <Text size="sm" data-testid="invoice-payment-row-date">
            {formatDate(payment.paid_on, locale)}
          </Text>
          <Text size="sm" c="dimmed" data-testid="invoice-payment-row-method">
            {t(`invoice.payment_method.${payment.method}`)}
          </Text>
        </Group>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={onDelete}
          data-testid="invoice-payment-row-delete"
        >
          {t('invoice.payment_delete')}
        </Button>
      </Group>
      {payment.note && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="invoice-payment-row-note">
          {payment.note}
        </Text>
      )}
    </Paper>
  );
}

/**
 * What an issued invoice still asks of the customer: status, amount due, paid and credited, the
 * payments received (a mistaken one can be removed) and "Betaling registreren".
 */
export function InvoicePayments({ invoice }: { invoice: Invoice }) {
  const { t, locale } = useI18n();
  const payments = useInvoicePayments(invoice.id);
  const remove = useDeletePayment();
  const [isRegistering, setRegistering] = useState(false);
  const [deleting, setDeleting] = useState<InvoicePayment | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const isDue = parseAmount(invoice.amount_due) > 0n;

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ invoiceId: invoice.id, paymentId: deleting.id });
      notifications.show({ color: 'green', message: t('invoice.payment_deleted') });
      setDeleting(null);
    } catch (error) {
      setDeleteError(serverErrors(error, locale).general);
    }
  };

  return (
    <Stack gap="xs" data-testid="invoice-payments">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {t('invoice.payments')}
        </Title>
        {isDue && (
          <Button onClick={() => setRegistering(true)} data-testid="invoice-payment-register">
            {t('invoice.payment_register')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="sm">
          <Figure label={t('invoices.column.status')}>
            <InvoiceStatusBadge status={invoice.status} testId="invoice-payments-status" />
          </Figure>
          <Figure label={t('invoice.totals.due')}>
            <Amount amount={invoice.amount_due} testId="invoice-payments-due" />
          </Figure>
          <Figure label={t('invoice.totals.paid')}>
            <Amount amount={invoice.amount_paid} testId="invoice-payments-paid" />
          </Figure>
          <Figure label={t(invoice.type === 'credit_note' ? 'invoice.payments_offset' : 'invoice.payments_credited')}>
            <Amount amount={invoice.amount_credited} testId="invoice-payments-credited" />
          </Figure>
        </SimpleGrid>
      </Paper>
      {payments.error ? (
        <Alert color="red">{serverErrors(payments.error, locale).general}</Alert>
      ) : !payments.data ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : payments.data.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="invoice-payments-empty">
          {t('invoice.payments_empty')}
        </Text>
      ) : (
        payments.data.data.map((payment) => (
          <PaymentItem
            key={payment.id}
            payment={payment}
            onDelete={() => {
              setDeleteError(null);
              setDeleting(payment);
            }}
          />
        ))
      )}
      {isRegistering && <InvoicePaymentDialog invoice={invoice} onClose={() => setRegistering(false)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('invoice.payment_delete_title')}
        confirmLabel={t('invoice.payment_delete')}
        color="red"
        isBusy={remove.isPending}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
        testId="invoice-payment-delete-dialog"
      >
        <Text size="sm">
          {deleting &&
            t('invoice.payment_delete_text', {
              amount: formatMoney(parseAmount(deleting.amount), locale),
              date: formatDate(deleting.paid_on, locale),
            })}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

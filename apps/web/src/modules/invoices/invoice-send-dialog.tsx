import { type Invoice, sendInvoice } from '@clientbox/contracts';
import { Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { SendFailedError, useSendInvoice } from './use-invoice-deliveries.ts';

/** "a@x.nl, b@y.nl; c@z.nl" → the addresses, in the order typed. */
function addressList(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

/**
 * E-mail an issued invoice: to the customer's invoice address (prefilled, may be changed), copies,
 * and a personal word. Mounted only while open, so every opening starts from the customer's address.
 */
export function InvoiceSendDialog({
  invoice,
  recipient,
  onClose,
}: {
  invoice: Invoice;
  /** The customer's invoice e-mail address from the CRM; undefined while it loads. */
  recipient: string | null | undefined;
  onClose(): void;
}) {
  const { t } = useI18n();
  const send = useSendInvoice();
  const [to, setTo] = useState<string | null>(null);
  const [cc, setCc] = useState('');
  const [message, setMessage] = useState('');
  const toValue = to ?? recipient ?? '';
  const hasUbl = Boolean(invoice.has_ubl?.peppol);

  const form = useCheckedSubmit(
    sendInvoice,
    async (body) => {
      const delivery = await send.mutateAsync({ id: invoice.id, body });
      notifications.show({ color: 'green', message: t('invoice.sent', { to: delivery.to ?? toValue }) });
      onClose();
    },
    (error) => (error instanceof SendFailedError ? t('invoice.send_failed', { error: error.message }) : null),
  );

  return (
    <ConfirmDialog
      opened
      title={t('invoice.send_title', { number: invoice.number ?? '' })}
      confirmLabel={t('invoice.send')}
      isBusy={send.isPending}
      error={form.general}
      onConfirm={() => void form.submit({ to: toValue, cc: addressList(cc), message })}
      onClose={onClose}
      testId="invoice-send-dialog"
    >
      <TextInput
        label={t('invoice.send_to')}
        description={t('invoice.send_to_hint')}
        type="email"
        value={toValue}
        error={form.errors.to}
        onChange={(event) => setTo(event.currentTarget.value)}
        data-testid="invoice-send-to"
        data-autofocus
      />
      <TextInput
        label={t('invoice.send_cc')}
        description={t('invoice.send_cc_hint')}
        value={cc}
        error={form.errors.cc}
        onChange={(event) => setCc(event.currentTarget.value)}
        data-testid="invoice-send-cc"
      />
      <Textarea
        label={t('invoice.send_message')}
        description={t('invoice.send_message_hint')}
        value={message}
        error={form.errors.message}
        autosize
        minRows={3}
        onChange={(event) => setMessage(event.currentTarget.value)}
        data-testid="invoice-send-message"
      />
      <Text size="sm" c="dimmed" data-testid="invoice-send-attachments">
        {t(hasUbl ? 'invoice.send_attachments_ubl' : 'invoice.send_attachments_pdf')}
      </Text>
    </ConfirmDialog>
  );
}

import { type Invoice, markInvoiceSent, type MarkInvoiceSent } from '@clientbox/contracts';
import { Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { useMarkInvoiceSent } from './use-invoice-deliveries.ts';

const METHODS = ['post', 'hand', 'other'] as const;

/** The invoice reached the customer without the app's e-mail: by post, by hand, otherwise. */
export function InvoiceMarkSentDialog({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const { t } = useI18n();
  const mark = useMarkInvoiceSent();
  const [method, setMethod] = useState<MarkInvoiceSent['method']>('post');
  const [note, setNote] = useState('');
  const form = useCheckedSubmit(markInvoiceSent, async (body) => {
    await mark.mutateAsync({ id: invoice.id, body });
    notifications.show({ color: 'green', message: t('invoice.marked_sent') });
    onClose();
  });

  return (
    <ConfirmDialog
      opened
      title={t('invoice.mark_sent')}
      confirmLabel={t('invoice.mark_sent')}
      isBusy={mark.isPending}
      error={form.general}
      onConfirm={() => void form.submit({ method, note })}
      onClose={onClose}
      testId="invoice-mark-sent-dialog"
    >
      <Text size="sm">{t('invoice.mark_sent_text')}</Text>
      <Select
        label={t('invoice.mark_sent_method')}
        data={METHODS.map((value) => ({ value, label: t(`invoice.delivery_channel.${value}`) }))}
        value={method}
        allowDeselect={false}
        error={form.errors.method}
        onChange={(value) => setMethod((value ?? 'post') as MarkInvoiceSent['method'])}
        comboboxProps={{ withinPortal: true }}
        data-testid="invoice-mark-sent-method"
      />
      <TextInput
        label={t('invoice.mark_sent_note')}
        value={note}
        error={form.errors.note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-testid="invoice-mark-sent-note"
      />
    </ConfirmDialog>
  );
}

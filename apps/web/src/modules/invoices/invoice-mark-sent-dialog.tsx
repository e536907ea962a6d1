import { type Invoice, markInvoiceSent, type MarkInvoiceSent } from '@clientbox/contracts';
import { Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useMarkInvoiceSent } from './use-invoice-deliveries.ts';

const METHODS = ['post', 'hand', 'other'] as const;

/** The invoice reached the customer without the app's e-mail: by post, by hand, otherwise. */
export function InvoiceMarkSentDialog({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const { t, locale } = useI18n();
  const mark = useMarkInvoiceSent();
  const [method, setMethod] = useState<MarkInvoiceSent['method']>('post');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const confirm = async () => {
    const checked = validate(markInvoiceSent, { method, note }, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      await mark.mutateAsync({ id: invoice.id, body: checked.data });
      notifications.show({ color: 'green', message: t('invoice.marked_sent') });
      onClose();
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <ConfirmDialog
      opened
      title={t('invoice.mark_sent')}
      confirmLabel={t('invoice.mark_sent')}
      isBusy={mark.isPending}
      error={general}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="invoice-mark-sent-dialog"
    >
      <Text size="sm">{t('invoice.mark_sent_text')}</Text>
      <Select
        label={t('invoice.mark_sent_method')}
        data={METHODS.map((value) => ({ value, label: t(`invoice.delivery_channel.${value}`) }))}
        value={method}
        allowDeselect={false}
        error={errors.method}
        onChange={(value) => setMethod((value ?? 'post') as MarkInvoiceSent['method'])}
        comboboxProps={{ withinPortal: true }}
        data-testid="invoice-mark-sent-method"
      />
      <TextInput
        label={t('invoice.mark_sent_note')}
        value={note}
        error={errors.note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-testid="invoice-mark-sent-note"
      />
    </ConfirmDialog>
  );
}

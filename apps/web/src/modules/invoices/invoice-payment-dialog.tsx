import { amsterdamDate, type Invoice, PAYMENT_METHODS, type PaymentMethod, recordPayment } from '@clientbox/contracts';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { decimalFromInput, priceInputValue } from '../products/product-labels.ts';
import { useRecordPayment } from './use-invoice-payments.ts';

/**
 * "Betaling registreren": money received on an issued invoice. Starts from today and the whole
 * amount still due, the usual case; a partial payment is that amount typed lower. Mounted only
 * while open, so every opening starts from the invoice as it is now.
 */
export function InvoicePaymentDialog({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const { t, locale } = useI18n();
  const record = useRecordPayment();
  const [paidOn, setPaidOn] = useState(amsterdamDate());
  const [amount, setAmount] = useState(priceInputValue(invoice.amount_due, locale));
  const [method, setMethod] = useState<PaymentMethod>(
    invoice.payment_means === 'direct_debit' ? 'direct_debit' : 'bank_transfer',
  );
  const [note, setNote] = useState('');
  const form = useCheckedSubmit(recordPayment, async (body) => {
    await record.mutateAsync({ invoiceId: invoice.id, body });
    notifications.show({ color: 'green', message: t('invoice.payment_recorded') });
    onClose();
  });

  return (
    <ConfirmDialog
      opened
      title={t('invoice.payment_register_title', { number: invoice.number ?? '' })}
      confirmLabel={t('invoice.payment_register')}
      isBusy={record.isPending}
      error={form.general}
      onConfirm={() => void form.submit({ paid_on: paidOn, amount: decimalFromInput(amount), method, note })}
      onClose={onClose}
      testId="invoice-payment-dialog"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('invoice.payment_paid_on')}
          value={paidOn}
          max={amsterdamDate()}
          error={form.errors.paid_on}
          onChange={(event) => setPaidOn(event.currentTarget.value)}
          data-testid="invoice-payment-paid-on"
        />
        <TextInput
          label={t('invoice.payment_amount')}
          description={t('invoice.payment_amount_hint')}
          inputMode="decimal"
          value={amount}
          error={form.errors.amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          data-testid="invoice-payment-amount"
          data-autofocus
        />
      </SimpleGrid>
      <Select
        label={t('invoice.payment_method')}
        data={PAYMENT_METHODS.map((value) => ({ value, label: t(`invoice.payment_method.${value}`) }))}
        value={method}
        allowDeselect={false}
        error={form.errors.method}
        onChange={(value) => setMethod((value ?? 'bank_transfer') as PaymentMethod)}
        comboboxProps={{ withinPortal: true }}
        data-testid="invoice-payment-method"
      />
      <TextInput
        label={t('invoice.payment_note')}
        description={t('invoice.payment_note_hint')}
        value={note}
        error={form.errors.note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-testid="invoice-payment-note"
      />
    </ConfirmDialog>
  );
}

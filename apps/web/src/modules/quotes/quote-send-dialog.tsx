import { sendQuote } from '@clientbox/contracts';
import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, validate } from '../../shared/ui/form-errors.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { useDocumentRecipient } from '../documents/use-document-customer.ts';

/**
 * Asks before a draft goes out, to the customer's address from the CRM or another one typed here.
 * Mounted only while open; the editor saves and sends, and reports what the server refused.
 */
export function QuoteSendDialog({
  customer,
  hasUnsavedChanges,
  isBusy,
  errors,
  general,
  onSend,
  onClose,
}: {
  customer: PickedRelation | null;
  hasUnsavedChanges: boolean;
  isBusy: boolean;
  /** Field errors of the last attempt (`email`). */
  errors: FieldErrors;
  general: string | null;
  onSend(body: { email?: string }): void;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const recipient = useDocumentRecipient(customer);
  const [email, setEmail] = useState('');
  const [checkErrors, setCheckErrors] = useState<FieldErrors>({});
  const hint = recipient.data
    ? t('quote.send_email_default', { email: recipient.data })
    : recipient.isSuccess
      ? t('quote.send_email_none')
      : undefined;

  const confirm = () => {
    const checked = validate(sendQuote, email.trim() ? { email: email.trim() } : {}, locale);
    setCheckErrors(checked.errors);
    if (checked.data) onSend(checked.data);
  };

  return (
    <ConfirmDialog
      opened
      title={t('quote.send_title')}
      confirmLabel={t('quote.send')}
      isBusy={isBusy}
      error={general}
      onConfirm={confirm}
      onClose={onClose}
      testId="quote-send-dialog"
    >
      <Text size="sm">{t('quote.send_text')}</Text>
      {hasUnsavedChanges && <Text size="sm">{t('quote.send_saves_first')}</Text>}
      <TextInput
        label={t('quote.send_email')}
        description={hint}
        type="email"
        value={email}
        error={checkErrors.email ?? errors.email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        data-testid="quote-send-email"
        data-autofocus
      />
    </ConfirmDialog>
  );
}

import { amsterdamDate, createQuote, type Quote, type SendQuote, updateQuote } from '@clientbox/contracts';
import { Button, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors } from '../../shared/ui/form-errors.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { DocumentDraftEditor } from '../documents/document-draft-editor.tsx';
import { DocumentHeaderFields } from '../documents/document-header-fields.tsx';
import { missingFieldsOf } from '../documents/document-incomplete.tsx';
import { useDocumentDraftForm } from '../documents/use-document-draft-form.ts';
import { EMPTY_QUOTE_DRAFT, quoteDraftBody, quoteDraftValues } from './quote-draft.ts';
import { QuoteSendDialog } from './quote-send-dialog.tsx';
import { quoteDetailQuery, useCreateQuote, useDeleteQuote, useSendQuote, useUpdateQuote } from './use-quotes.ts';

/**
 * The editor of a new or a draft quote: the shared draft form with the quote's validity, optional
 * lines left out of the totals; sending asks first and lists what is still missing when refused.
 */
export function QuoteEditor({ quote, customer }: { quote?: Quote; customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const send = useSendQuote();
  const form = useDocumentDraftForm(
    {
      kind: 'quote',
      empty: EMPTY_QUOTE_DRAFT,
      valuesOf: quoteDraftValues,
      bodyOf: quoteDraftBody,
      createSchema: createQuote,
      updateSchema: updateQuote,
      create: useCreateQuote(),
      update: useUpdateQuote(),
      remove: useDeleteQuote(),
      detailQuery: quoteDetailQuery,
      onCreated: (created) => navigate({ to: '/quotes/$id', params: { id: created.id } }),
      // Deleting a later version's draft goes back to the version it revised.
      onDeleted: (deleted) =>
        deleted.previous_revision_id
          ? navigate({ to: '/quotes/$id', params: { id: deleted.previous_revision_id } })
          : navigate({ to: '/quotes' }),
    },
    quote,
    customer,
  );
  const [isSending, setIsSending] = useState(false);
  const [sendErrors, setSendErrors] = useState<{ fields: FieldErrors; general: string | null }>({
    fields: {},
    general: null,
  });

  const openSend = () => {
    setSendErrors({ fields: {}, general: null });
    setIsSending(true);
  };

  const confirmSend = async (body: SendQuote) => {
    const saved = await form.save();
    if (!saved) return setIsSending(false);
    try {
      const sent = await send.mutateAsync({ id: saved.id, body });
      setIsSending(false);
      notifications.show({ color: 'green', message: t('quote.sent', { number: sent.number ?? '' }) });
    } catch (error) {
      const fields = missingFieldsOf(error, 'quote_incomplete');
      if (fields) {
        setIsSending(false);
        form.setMissing(fields);
        return;
      }
      // A wrong address stays in the dialog, next to its field; anything else shows on the form.
      const problem = serverErrors(error, locale);
      if (problem.fields.email) return setSendErrors(problem);
      setIsSending(false);
      await form.fail(error);
    }
  };

  const { values, errors } = form;
  return (
    <>
      <DocumentDraftEditor
        form={form}
        rateDate={amsterdamDate()}
        canBeOptional
        header={
          <DocumentHeaderFields kind="quote" values={values} errors={errors} onChange={form.set}>
            <TextInput
              type="date"
              label={t('quote.valid_until')}
              description={t('quote.valid_until_hint')}
              value={values.valid_until}
              error={errors.valid_until}
              onChange={(event) => form.set({ valid_until: event.currentTarget.value })}
              data-testid="quote-valid-until"
            />
          </DocumentHeaderFields>
        }
        nextStep={
          <Button color="green" onClick={openSend} data-testid="quote-send">
            {t('quote.send')}
          </Button>
        }
        deleteText={quote?.previous_revision_id ? t('quote.delete_revision_text') : t('quote.delete_text')}
      />
      {isSending && (
        <QuoteSendDialog
          customer={values.customer}
          hasUnsavedChanges={form.isDirty}
          isBusy={form.isSaving || send.isPending}
          errors={sendErrors.fields}
          general={sendErrors.general}
          onSend={(body) => void confirmSend(body)}
          onClose={() => setIsSending(false)}
        />
      )}
    </>
  );
}

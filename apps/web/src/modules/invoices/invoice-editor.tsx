import { amsterdamDate, createInvoice, type Invoice, updateInvoice } from '@clientbox/contracts';
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { DocumentDraftEditor } from '../documents/document-draft-editor.tsx';
import { missingFieldsOf } from '../documents/document-incomplete.tsx';
import { useDocumentDraftForm } from '../documents/use-document-draft-form.ts';
import { draftBody, draftValues, EMPTY_DRAFT } from './invoice-draft.ts';
import { InvoiceHeaderFields } from './invoice-header-fields.tsx';
import {
  invoiceDetailQuery,
  useCreateInvoice,
  useDeleteInvoice,
  useFinalizeInvoice,
  useUpdateInvoice,
} from './use-invoices.ts';

/**
 * The editor of a new or a draft invoice: the shared draft form with the invoice's dates and
 * payment term; finalizing asks first and lists what the law still requires when something is missing.
 */
export function InvoiceEditor({ invoice, customer }: { invoice?: Invoice; customer: PickedRelation | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const finalize = useFinalizeInvoice();
  const form = useDocumentDraftForm(
    {
      kind: 'invoice',
      empty: EMPTY_DRAFT,
      valuesOf: draftValues,
      bodyOf: draftBody,
      createSchema: createInvoice,
      updateSchema: updateInvoice,
      create: useCreateInvoice(),
      update: useUpdateInvoice(),
      remove: useDeleteInvoice(),
      detailQuery: invoiceDetailQuery,
      onCreated: (created) => navigate({ to: '/invoices/$id', params: { id: created.id } }),
      onDeleted: () => navigate({ to: '/invoices' }),
    },
    invoice,
    customer,
  );
  const [isFinalizing, setIsFinalizing] = useState(false);

  const confirmFinalize = async () => {
    const saved = await form.save();
    if (!saved) return setIsFinalizing(false);
    try {
      const issued = await finalize.mutateAsync(saved.id);
      setIsFinalizing(false);
      notifications.show({ color: 'green', message: t('invoice.finalized', { number: issued.number ?? '' }) });
    } catch (error) {
      setIsFinalizing(false);
      const fields = missingFieldsOf(error, 'invoice_incomplete');
      if (fields) form.setMissing(fields);
      else await form.fail(error);
    }
  };

  const { values } = form;
  return (
    <>
      <DocumentDraftEditor
        form={form}
        // The VAT rates of the day the supply is taxed: the supply date, else the invoice date.
        rateDate={values.supply_date || values.issue_date || amsterdamDate()}
        header={<InvoiceHeaderFields values={values} errors={form.errors} onChange={form.set} />}
        nextStep={
          <Button color="green" onClick={() => setIsFinalizing(true)} data-testid="invoice-finalize">
            {t('invoice.finalize')}
          </Button>
        }
        deleteText={t('invoice.delete_text')}
      />
      <ConfirmDialog
        opened={isFinalizing}
        title={t('invoice.finalize_title')}
        confirmLabel={t('invoice.finalize')}
        color="green"
        isBusy={form.isSaving || finalize.isPending}
        onConfirm={confirmFinalize}
        onClose={() => setIsFinalizing(false)}
        testId="invoice-finalize-dialog"
      >
        <Text size="sm">{t('invoice.finalize_text')}</Text>
        {form.isDirty && <Text size="sm">{t('invoice.finalize_saves_first')}</Text>}
      </ConfirmDialog>
    </>
  );
}

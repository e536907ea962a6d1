import {
  amsterdamDate,
  createInvoice,
  type FieldError,
  type Invoice,
  NL_DEFAULT_VAT_RATES,
  updateInvoice,
  vatRateOn,
} from '@clientbox/contracts';
import { Alert, Box, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useMe } from '../accounts/use-me.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { decimalFromInput } from '../products/product-labels.ts';
import { useVatRates } from '../products/use-products.ts';
import { DocumentIncomplete, missingFieldsOf } from '../documents/document-incomplete.tsx';
import { previewTotals, summaryOfPreview } from '../documents/document-draft-lines.ts';
import { vatRateOptions } from '../documents/vat-rate-options.ts';
import { DocumentLines } from '../documents/document-lines.tsx';
import { DocumentTotalsPanel } from '../documents/document-totals-panel.tsx';
import { documentCustomerKeys } from '../documents/use-document-customer.ts';
import { draftBody, draftChanges, draftValues, type DraftValues, EMPTY_DRAFT } from './invoice-draft.ts';
import { InvoiceHeaderFields } from './invoice-header-fields.tsx';
import {
  invoiceDetailQuery,
  useCreateInvoice,
  useDeleteInvoice,
  useFinalizeInvoice,
  useUpdateInvoice,
} from './use-invoices.ts';

const INDEXED = { keepIndexes: true };

/**
 * The editor of a new or a draft invoice: checked with the same zod schemas as the server, the
 * totals previewed with the server's own function, saved with the version it was read at;
 * finalizing asks first and lists what the law still requires when something is missing.
 */
export function InvoiceEditor({ invoice, customer }: { invoice?: Invoice; customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hasProducts = useMe().data?.access?.modules.includes('products') ?? false;
  const rates = useVatRates().data?.data ?? NL_DEFAULT_VAT_RATES;
  const create = useCreateInvoice();
  const update = useUpdateInvoice();
  const finalize = useFinalizeInvoice();
  const remove = useDeleteInvoice();
  const [original, setOriginal] = useState<DraftValues>(() =>
    invoice ? draftValues(invoice, customer, locale) : EMPTY_DRAFT,
  );
  const [values, setValues] = useState<DraftValues>(original);
  // The version these values were read at: a refetch in the background must not move it, or a
  // save would overwrite someone else's change unseen.
  const [version, setVersion] = useState(invoice?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [missing, setMissing] = useState<FieldError[] | null>(null);
  const [dialog, setDialog] = useState<'finalize' | 'delete' | null>(null);

  const rateDate = values.supply_date || values.issue_date || amsterdamDate();
  const rateOptions = useMemo(() => vatRateOptions(rates, rateDate, locale), [rates, rateDate, locale]);
  const defaultRate = vatRateOn(rates, 'standard', rateDate) ?? '21';
  const preview = useMemo(() => previewTotals(values), [values]);
  const changes = invoice ? draftChanges(values, original) : null;
  const isDirty = changes ? Object.keys(changes).length > 0 : true;
  const set = (next: Partial<DraftValues>) => setValues((current) => ({ ...current, ...next }));

  const reset = (fresh: Invoice) => {
    const next = draftValues(fresh, values.customer, locale);
    setOriginal(next);
    setValues(next);
    setVersion(fresh.version);
  };

  const fail = async (error: unknown) => {
    if (error instanceof ApiError && error.status === 412 && invoice) {
      setGeneral(t('invoice.conflict'));
      reset(await queryClient.fetchQuery({ ...invoiceDetailQuery(invoice.id), staleTime: 0 }));
      return;
    }
    const problem = serverErrors(error, locale, INDEXED);
    setErrors(problem.fields);
    setGeneral(problem.general);
  };

  /** Creates or saves the draft; the saved invoice, or null when it was refused. */
  const save = async (): Promise<Invoice | null> => {
    setErrors({});
    setGeneral(null);
    setMissing(null);
    try {
      if (!invoice) {
        const checked = validate(createInvoice, draftBody(values), locale, INDEXED);
        setErrors(checked.errors);
        if (!checked.data) return null;
        const created = await create.mutateAsync(checked.data);
        // The new draft's page need not look its customer up again.
        if (values.customer)
          queryClient.setQueryData(documentCustomerKeys.customer(values.customer.id), values.customer);
        notifications.show({ color: 'green', message: t('invoice.created') });
        await navigate({ to: '/invoices/$id', params: { id: created.id } });
        return created;
      }
      const checked = validate(updateInvoice, changes, locale, INDEXED);
      setErrors(checked.errors);
      if (!checked.data) return null;
      if (!isDirty) return invoice;
      const saved = await update.mutateAsync({ id: invoice.id, changes: checked.data, version });
      reset(saved);
      notifications.show({ color: 'green', message: t('invoice.saved') });
      return saved;
    } catch (error) {
      await fail(error);
      return null;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const confirmFinalize = async () => {
    const saved = await save();
    if (!saved) return setDialog(null);
    try {
      const issued = await finalize.mutateAsync(saved.id);
      setDialog(null);
      notifications.show({ color: 'green', message: t('invoice.finalized', { number: issued.number ?? '' }) });
    } catch (error) {
      setDialog(null);
      const fields = missingFieldsOf(error, 'invoice_incomplete');
      if (fields) setMissing(fields);
      else await fail(error);
    }
  };

  const confirmDelete = async () => {
    if (!invoice) return;
    try {
      await remove.mutateAsync({ id: invoice.id, version });
      notifications.show({ color: 'green', message: t('invoice.deleted') });
      await navigate({ to: '/invoices' });
    } catch (error) {
      setDialog(null);
      await fail(error);
    }
  };

  const discount = decimalFromInput(values.discount_percent) || null;
  // The dialogs stand outside the form: their own forms' submit events would bubble into it.
  return (
    <>
      <form onSubmit={submit} noValidate data-testid="invoice-editor">
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="invoice-error">
              {general}
            </Alert>
          )}
          {missing && (
            <DocumentIncomplete
              kind="invoice"
              missing={missing}
              customer={values.customer}
              title={t('invoice.incomplete_title')}
              text={t('invoice.incomplete_text')}
              documentLabel={t('invoice.incomplete_invoice')}
            />
          )}
          <InvoiceHeaderFields values={values} errors={errors} onChange={set} />
          <DocumentLines
            kind="invoice"
            title={t('invoice.lines')}
            lines={values.lines}
            preview={preview}
            errors={errors}
            rateOptions={rateOptions}
            defaultRate={defaultRate}
            hasProducts={hasProducts}
            onChange={(lines) => set({ lines })}
          />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }} offset={{ base: 0, md: 6 }}>
              <DocumentTotalsPanel
                kind="invoice"
                summary={summaryOfPreview(preview, preview.isDiscountReadable ? discount : null)}
                title={t('invoice.totals_preview')}
                hint={
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('invoice.totals_preview_hint')}
                  </Text>
                }
              />
            </Grid.Col>
          </Grid>
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <Button type="submit" loading={create.isPending || update.isPending} data-testid="invoice-save">
                {t('invoice.save')}
              </Button>
              {invoice && (
                <Button color="green" onClick={() => setDialog('finalize')} data-testid="invoice-finalize">
                  {t('invoice.finalize')}
                </Button>
              )}
              {invoice && isDirty && (
                <Text size="sm" c="orange.8" data-testid="invoice-unsaved">
                  {t('invoice.unsaved')}
                </Text>
              )}
            </Group>
            {invoice && (
              <Box>
                <Button variant="subtle" color="red" onClick={() => setDialog('delete')} data-testid="invoice-delete">
                  {t('invoice.delete')}
                </Button>
              </Box>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={dialog === 'finalize'}
        title={t('invoice.finalize_title')}
        confirmLabel={t('invoice.finalize')}
        color="green"
        isBusy={update.isPending || finalize.isPending}
        onConfirm={confirmFinalize}
        onClose={() => setDialog(null)}
        testId="invoice-finalize-dialog"
      >
        <Text size="sm">{t('invoice.finalize_text')}</Text>
        {isDirty && <Text size="sm">{t('invoice.finalize_saves_first')}</Text>}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('invoice.delete_title')}
        confirmLabel={t('invoice.delete')}
        color="red"
        isBusy={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDialog(null)}
        testId="invoice-delete-dialog"
      >
        <Text size="sm">{t('invoice.delete_text')}</Text>
      </ConfirmDialog>
    </>
  );
}

import {
  amsterdamDate,
  createQuote,
  type FieldError,
  NL_DEFAULT_VAT_RATES,
  type Quote,
  type SendQuote,
  updateQuote,
  vatRateOn,
} from '@clientbox/contracts';
import { Alert, Box, Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
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
import { previewTotals, summaryOfPreview } from '../documents/document-draft-lines.ts';
import { DocumentHeaderFields } from '../documents/document-header-fields.tsx';
import { DocumentIncomplete, missingFieldsOf } from '../documents/document-incomplete.tsx';
import { vatRateOptions } from '../documents/vat-rate-options.ts';
import { DocumentLines } from '../documents/document-lines.tsx';
import { DocumentTotalsPanel } from '../documents/document-totals-panel.tsx';
import { documentCustomerKeys } from '../documents/use-document-customer.ts';
import { decimalFromInput } from '../products/product-labels.ts';
import { useVatRates } from '../products/use-products.ts';
import {
  EMPTY_QUOTE_DRAFT,
  quoteDraftBody,
  quoteDraftChanges,
  type QuoteDraftValues,
  quoteDraftValues,
} from './quote-draft.ts';
import { QuoteSendDialog } from './quote-send-dialog.tsx';
import { quoteDetailQuery, useCreateQuote, useDeleteQuote, useSendQuote, useUpdateQuote } from './use-quotes.ts';

const INDEXED = { keepIndexes: true };

/**
 * The editor of a new or a draft quote: checked with the same zod schemas as the server, the
 * totals previewed with the server's own function (optional lines left out), saved with the
 * version it was read at; sending asks first and lists what is still missing when refused.
 */
export function QuoteEditor({ quote, customer }: { quote?: Quote; customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hasProducts = useMe().data?.access?.modules.includes('products') ?? false;
  const rates = useVatRates().data?.data ?? NL_DEFAULT_VAT_RATES;
  const create = useCreateQuote();
  const update = useUpdateQuote();
  const send = useSendQuote();
  const remove = useDeleteQuote();
  const [original, setOriginal] = useState<QuoteDraftValues>(() =>
    quote ? quoteDraftValues(quote, customer, locale) : EMPTY_QUOTE_DRAFT,
  );
  const [values, setValues] = useState<QuoteDraftValues>(original);
  // The version these values were read at: a refetch in the background must not move it, or a
  // save would overwrite someone else's change unseen.
  const [version, setVersion] = useState(quote?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [missing, setMissing] = useState<FieldError[] | null>(null);
  const [dialog, setDialog] = useState<'send' | 'delete' | null>(null);
  const [sendErrors, setSendErrors] = useState<{ fields: FieldErrors; general: string | null }>({
    fields: {},
    general: null,
  });

  const rateDate = amsterdamDate();
  const rateOptions = useMemo(() => vatRateOptions(rates, rateDate, locale), [rates, rateDate, locale]);
  const defaultRate = vatRateOn(rates, 'standard', rateDate) ?? '21';
  const preview = useMemo(() => previewTotals(values), [values]);
  const changes = quote ? quoteDraftChanges(values, original) : null;
  const isDirty = changes ? Object.keys(changes).length > 0 : true;
  const set = (next: Partial<QuoteDraftValues>) => setValues((current) => ({ ...current, ...next }));

  const reset = (fresh: Quote) => {
    const next = quoteDraftValues(fresh, values.customer, locale);
    setOriginal(next);
    setValues(next);
    setVersion(fresh.version);
  };

  const fail = async (error: unknown) => {
    if (error instanceof ApiError && error.status === 412 && quote) {
      setGeneral(t('quote.conflict'));
      reset(await queryClient.fetchQuery({ ...quoteDetailQuery(quote.id), staleTime: 0 }));
      return;
    }
    const problem = serverErrors(error, locale, INDEXED);
    setErrors(problem.fields);
    setGeneral(problem.general);
  };

  /** Creates or saves the draft; the saved quote, or null when it was refused. */
  const save = async (): Promise<Quote | null> => {
    setErrors({});
    setGeneral(null);
    setMissing(null);
    try {
      if (!quote) {
        const checked = validate(createQuote, quoteDraftBody(values), locale, INDEXED);
        setErrors(checked.errors);
        if (!checked.data) return null;
        const created = await create.mutateAsync(checked.data);
        // The new draft's page need not look its customer up again.
        if (values.customer)
          queryClient.setQueryData(documentCustomerKeys.customer(values.customer.id), values.customer);
        notifications.show({ color: 'green', message: t('quote.created') });
        await navigate({ to: '/quotes/$id', params: { id: created.id } });
        return created;
      }
      const checked = validate(updateQuote, changes, locale, INDEXED);
      setErrors(checked.errors);
      if (!checked.data) return null;
      if (!isDirty) return quote;
      const saved = await update.mutateAsync({ id: quote.id, changes: checked.data, version });
      reset(saved);
      notifications.show({ color: 'green', message: t('quote.saved') });
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

  const openSend = () => {
    setSendErrors({ fields: {}, general: null });
    setDialog('send');
  };

  const confirmSend = async (body: SendQuote) => {
    const saved = await save();
    if (!saved) return setDialog(null);
    try {
      const sent = await send.mutateAsync({ id: saved.id, body });
      setDialog(null);
      notifications.show({ color: 'green', message: t('quote.sent', { number: sent.number ?? '' }) });
    } catch (error) {
      const fields = missingFieldsOf(error, 'quote_incomplete');
      if (fields) {
        setDialog(null);
        setMissing(fields);
        return;
      }
      // A wrong address stays in the dialog, next to its field; anything else shows on the form.
      const problem = serverErrors(error, locale);
      if (problem.fields.email) return setSendErrors(problem);
      setDialog(null);
      await fail(error);
    }
  };

  const confirmDelete = async () => {
    if (!quote) return;
    try {
      await remove.mutateAsync({ id: quote.id, version });
      notifications.show({ color: 'green', message: t('quote.deleted') });
      if (quote.previous_revision_id) await navigate({ to: '/quotes/$id', params: { id: quote.previous_revision_id } });
      else await navigate({ to: '/quotes' });
    } catch (error) {
      setDialog(null);
      await fail(error);
    }
  };

  const discount = decimalFromInput(values.discount_percent) || null;
  // The dialogs stand outside the form: their own forms' submit events would bubble into it.
  return (
    <>
      <form onSubmit={submit} noValidate data-testid="quote-editor">
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="quote-error">
              {general}
            </Alert>
          )}
          {missing && (
            <DocumentIncomplete
              kind="quote"
              missing={missing}
              customer={values.customer}
              title={t('quote.incomplete_title')}
              text={t('quote.incomplete_text')}
              documentLabel={t('quote.incomplete_quote')}
            />
          )}
          <DocumentHeaderFields kind="quote" values={values} errors={errors} onChange={set}>
            <TextInput
              type="date"
              label={t('quote.valid_until')}
              description={t('quote.valid_until_hint')}
              value={values.valid_until}
              error={errors.valid_until}
              onChange={(event) => set({ valid_until: event.currentTarget.value })}
              data-testid="quote-valid-until"
            />
          </DocumentHeaderFields>
          <DocumentLines
            kind="quote"
            title={t('quote.lines')}
            lines={values.lines}
            preview={preview}
            errors={errors}
            rateOptions={rateOptions}
            defaultRate={defaultRate}
            hasProducts={hasProducts}
            canBeOptional
            onChange={(lines) => set({ lines })}
          />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }} offset={{ base: 0, md: 6 }}>
              <DocumentTotalsPanel
                kind="quote"
                summary={summaryOfPreview(preview, preview.isDiscountReadable ? discount : null)}
                title={t('quote.totals_preview')}
                optionalTotal={preview.optionalTotal > 0n ? preview.optionalTotal : null}
                hint={
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('quote.totals_preview_hint')}
                  </Text>
                }
              />
            </Grid.Col>
          </Grid>
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <Button type="submit" loading={create.isPending || update.isPending} data-testid="quote-save">
                {t('quote.save')}
              </Button>
              {quote && (
                <Button color="green" onClick={openSend} data-testid="quote-send">
                  {t('quote.send')}
                </Button>
              )}
              {quote && isDirty && (
                <Text size="sm" c="orange.8" data-testid="quote-unsaved">
                  {t('quote.unsaved')}
                </Text>
              )}
            </Group>
            {quote && (
              <Box>
                <Button variant="subtle" color="red" onClick={() => setDialog('delete')} data-testid="quote-delete">
                  {t('quote.delete')}
                </Button>
              </Box>
            )}
          </Group>
        </Stack>
      </form>
      {dialog === 'send' && (
        <QuoteSendDialog
          customer={values.customer}
          hasUnsavedChanges={isDirty}
          isBusy={update.isPending || send.isPending}
          errors={sendErrors.fields}
          general={sendErrors.general}
          onSend={(body) => void confirmSend(body)}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('quote.delete_title')}
        confirmLabel={t('quote.delete')}
        color="red"
        isBusy={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDialog(null)}
        testId="quote-delete-dialog"
      >
        <Text size="sm">{quote?.previous_revision_id ? t('quote.delete_revision_text') : t('quote.delete_text')}</Text>
      </ConfirmDialog>
    </>
  );
}

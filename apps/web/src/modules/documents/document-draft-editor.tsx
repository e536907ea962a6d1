import { NL_DEFAULT_VAT_RATES, vatRateOn } from '@clientbox/contracts';
import { Alert, Box, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useMe } from '../accounts/use-me.ts';
import { decimalFromInput } from '../products/product-labels.ts';
import { useVatRates } from '../products/use-products.ts';
import { previewTotals, summaryOfPreview } from './document-draft-lines.ts';
import { DocumentIncomplete } from './document-incomplete.tsx';
import type { DocumentKind } from './document-kind.ts';
import { DocumentLines } from './document-lines.tsx';
import { DocumentTotalsPanel } from './document-totals-panel.tsx';
import type { DocumentDraftForm } from './use-document-draft-form.ts';
import { vatRateOptions } from './vat-rate-options.ts';

/** The heading of what is missing on the document itself ("Deze offerte"). */
const INCOMPLETE_DOCUMENT: Record<DocumentKind, MessageKey> = {
  quote: 'quote.incomplete_quote',
  invoice: 'invoice.incomplete_invoice',
};

/** The lines of the draft with their live totals (the optional lines, not in the total, apart). */
function DraftLinesAndTotals({
  form,
  rateDate,
  canBeOptional,
}: {
  form: DocumentDraftForm;
  rateDate: string;
  canBeOptional: boolean;
}) {
  const { t, locale } = useI18n();
  const { kind, values, errors } = form;
  const hasProducts = useMe().data?.access?.modules.includes('products') ?? false;
  const rates = useVatRates().data?.data ?? NL_DEFAULT_VAT_RATES;
  const rateOptions = useMemo(() => vatRateOptions(rates, rateDate, locale), [rates, rateDate, locale]);
  const defaultRate = vatRateOn(rates, 'standard', rateDate) ?? '21';
  const preview = useMemo(() => previewTotals(values), [values]);
  const discount = decimalFromInput(values.discount_percent) || null;
  return (
    <>
      <DocumentLines
        kind={kind}
        title={t(`${kind}.lines`)}
        lines={values.lines}
        preview={preview}
        errors={errors}
        rateOptions={rateOptions}
        defaultRate={defaultRate}
        hasProducts={hasProducts}
        canBeOptional={canBeOptional}
        onChange={(lines) => form.set({ lines })}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }} offset={{ base: 0, md: 6 }}>
          <DocumentTotalsPanel
            kind={kind}
            summary={summaryOfPreview(preview, preview.isDiscountReadable ? discount : null)}
            title={t(`${kind}.totals_preview`)}
            optionalTotal={preview.optionalTotal > 0n ? preview.optionalTotal : null}
            hint={
              <Text size="xs" c="dimmed" mb="xs">
                {t(`${kind}.totals_preview_hint`)}
              </Text>
            }
          />
        </Grid.Col>
      </Grid>
    </>
  );
}

/**
 * The form of a new or a draft quote or invoice: what the server refused, the header fields of the
 * kind (`header`), the lines with their live totals, save, the kind's own next step (`nextStep`,
 * for a stored draft: send, finalize) and delete after asking.
 */
export function DocumentDraftEditor({
  form,
  header,
  rateDate,
  canBeOptional = false,
  nextStep,
  deleteText,
}: {
  form: DocumentDraftForm;
  header: ReactNode;
  /** The day whose VAT rates the lines offer. */
  rateDate: string;
  /** A quote's items can be optional. */
  canBeOptional?: boolean;
  nextStep: ReactNode;
  deleteText: string;
}) {
  const { t } = useI18n();
  const { kind } = form;
  const [isDeleting, setIsDeleting] = useState(false);
  const testId = (part: string) => `${kind}-${part}`;

  const confirmDelete = async () => {
    if (!(await form.remove())) setIsDeleting(false);
  };

  // The dialogs stand outside the form: their own forms' submit events would bubble into it.
  return (
    <>
      <form onSubmit={form.submit} noValidate data-testid={testId('editor')}>
        <Stack>
          {form.general && (
            <Alert color="red" role="alert" data-testid={testId('error')}>
              {form.general}
            </Alert>
          )}
          {form.missing && (
            <DocumentIncomplete
              kind={kind}
              missing={form.missing}
              customer={form.values.customer}
              title={t(`${kind}.incomplete_title`)}
              text={t(`${kind}.incomplete_text`)}
              documentLabel={t(INCOMPLETE_DOCUMENT[kind])}
            />
          )}
          {header}
          <DraftLinesAndTotals form={form} rateDate={rateDate} canBeOptional={canBeOptional} />
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <Button type="submit" loading={form.isSaving} data-testid={testId('save')}>
                {t(`${kind}.save`)}
              </Button>
              {!form.isNew && nextStep}
              {!form.isNew && form.isDirty && (
                <Text size="sm" c="orange.8" data-testid={testId('unsaved')}>
                  {t(`${kind}.unsaved`)}
                </Text>
              )}
            </Group>
            {!form.isNew && (
              <Box>
                <Button variant="subtle" color="red" onClick={() => setIsDeleting(true)} data-testid={testId('delete')}>
                  {t(`${kind}.delete`)}
                </Button>
              </Box>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={isDeleting}
        title={t(`${kind}.delete_title`)}
        confirmLabel={t(`${kind}.delete`)}
        color="red"
        isBusy={form.isRemoving}
        onConfirm={confirmDelete}
        onClose={() => setIsDeleting(false)}
        testId={testId('delete-dialog')}
      >
        <Text size="sm">{deleteText}</Text>
      </ConfirmDialog>
    </>
  );
}

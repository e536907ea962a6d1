import { amsterdamDate, type NumberSeries, type UpdateNumberSeries } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { counterYear, formatDocumentNumber, type NumberedDocumentType } from '../domain/document-number.ts';
import {
  hasIssuedDocument,
  lastDocumentSequence,
  numberFormat,
  saveNumberFormat,
  setLastDocumentSequence,
} from '../invoices.repository.ts';

/** A series as the settings screen shows it: format, and what the next document issued today gets. */
export async function getNumberSeries(ctx: TenantContext, documentType: NumberedDocumentType): Promise<NumberSeries> {
  const format = await numberFormat(ctx.tx, ctx.tenantId, documentType);
  const today = amsterdamDate();
  const year = counterYear(format, today);
  const next = (await lastDocumentSequence(ctx.tx, ctx.tenantId, documentType, year)) + 1;
  return {
    object: 'number_series',
    document_type: documentType,
    format,
    year,
    next_number: next,
    next_example: formatDocumentNumber(format, today, next),
    is_format_locked: await hasIssuedDocument(ctx.tx, ctx.tenantId, documentType),
  };
}

/**
 * Changes a series. The format only while nothing of that type was issued (a new format could
 * give a number twice, and numbers must be unique, domain rules §1.2); the next number only
 * upwards, so a tenant can continue where its previous system stopped without reusing one.
 */
export async function updateNumberSeries(
  ctx: TenantContext,
  documentType: NumberedDocumentType,
  input: UpdateNumberSeries,
): Promise<NumberSeries> {
  const current = await getNumberSeries(ctx, documentType);
  if (input.format !== undefined && input.format !== current.format) {
    if (current.is_format_locked)
      throw new AppError('validation_failed', {
        fields: [{ field: 'format', code: 'number_format_locked', message: 'number_format_locked' }],
      });
    await saveNumberFormat(ctx.tx, ctx.tenantId, documentType, input.format);
  }
  if (input.next_number !== undefined) {
    const series = await getNumberSeries(ctx, documentType);
    if (input.next_number < series.next_number)
      throw new AppError('validation_failed', {
        fields: [{ field: 'next_number', code: 'below_next_number', message: 'below_next_number' }],
      });
    await setLastDocumentSequence(ctx.tx, ctx.tenantId, documentType, series.year, input.next_number - 1);
  }
  return getNumberSeries(ctx, documentType);
}

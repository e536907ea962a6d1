import { amsterdamDate, type Invoice, type UpdateInvoice } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { customerNotFound, invoiceNotDraft, invoiceNotFound } from '../invoices.errors.ts';
import { deleteInvoiceRow, findInvoice, replaceLines, updateInvoiceRow } from '../invoices.repository.ts';
import { draftFields, supplyDateOf } from './create-invoice.ts';
import { presentInvoice } from './present-invoice.ts';
import { resolveLines } from './resolve-lines.ts';

async function draftForChange(ctx: TenantContext, id: string, expectedVersion?: number) {
  const row = await findInvoice(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw invoiceNotFound();
  if (row.status !== 'draft') throw invoiceNotDraft();
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('version_conflict');
  return row;
}

/** Drafts only: a finalized invoice answers 409 invoice_not_draft. */
export async function updateInvoice(
  ctx: TenantContext,
  id: string,
  input: UpdateInvoice,
  expectedVersion?: number,
): Promise<Invoice> {
  const row = await draftForChange(ctx, id, expectedVersion);
  const customer = input.customer_id ? await getCustomerForDocument(ctx, input.customer_id) : undefined;
  if (customer === null) throw customerNotFound();
  if (input.lines) {
    const dates = {
      ...{ supply_date: row.supplyDate, period_start: row.periodStart, issue_date: row.issueDate },
      ...input,
    };
    const lines = await resolveLines(ctx, input.lines, supplyDateOf(dates) ?? amsterdamDate());
    await replaceLines(ctx.tx, ctx.tenantId, id, lines);
  }
  const updated = await updateInvoiceRow(ctx.tx, ctx.tenantId, id, {
    ...draftFields(input),
    ...(customer
      ? customer.kind === 'organization'
        ? { organizationId: customer.id, personId: null }
        : { personId: customer.id, organizationId: null }
      : {}),
  });
  return presentInvoice(ctx, updated!);
}

/** Drafts only; a draft uses no number, so deleting one leaves no gap. */
export async function deleteInvoice(ctx: TenantContext, id: string, expectedVersion?: number): Promise<void> {
  await draftForChange(ctx, id, expectedVersion);
  await deleteInvoiceRow(ctx.tx, ctx.tenantId, id);
}

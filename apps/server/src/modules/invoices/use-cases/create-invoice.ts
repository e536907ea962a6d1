import { amsterdamDate, type CreateInvoice, type Invoice } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { customerNotFound } from '../invoices.errors.ts';
import { insertInvoice, replaceLines } from '../invoices.repository.ts';
import { presentInvoice } from './present-invoice.ts';
import { resolveLines } from './resolve-lines.ts';

/** A draft invoice: no number yet, freely editable until it is finalized. */
export async function createInvoice(ctx: TenantContext, input: CreateInvoice): Promise<Invoice> {
  const customer = await getCustomerForDocument(ctx, input.customer_id);
  if (!customer) throw customerNotFound();
  const lines = await resolveLines(ctx, input.lines, supplyDateOf(input) ?? amsterdamDate());
  const row = await insertInvoice(ctx.tx, {
    tenantId: ctx.tenantId,
    type: 'invoice',
    ...(customer.kind === 'organization' ? { organizationId: customer.id } : { personId: customer.id }),
    ...draftFields(input),
  });
  await replaceLines(ctx.tx, ctx.tenantId, row.id, lines);
  await recordAuditEvent(ctx, { action: 'invoice.created', targetType: 'invoice', targetId: row.id, details: {} });
  return presentInvoice(ctx, row);
}

/** The date whose VAT rates apply: the supply date, the period's start, or the issue date. */
export function supplyDateOf(input: {
  supply_date?: string | null;
  period_start?: string | null;
  issue_date?: string | null;
}): string | null {
  return input.supply_date ?? input.period_start ?? input.issue_date ?? null;
}

/** The draft's own fields as columns; only those sent (undefined leaves a column alone). */
export function draftFields(input: Partial<CreateInvoice>) {
  return {
    issueDate: input.issue_date,
    supplyDate: input.supply_date,
    periodStart: input.period_start,
    periodEnd: input.period_end,
    paymentTermDays: input.payment_term_days,
    language: input.language,
    discountPercent: input.discount_percent,
    buyerReference: input.buyer_reference,
    note: input.note,
    paymentMeans: input.payment_means,
    mandateReference: input.mandate_reference,
  };
}

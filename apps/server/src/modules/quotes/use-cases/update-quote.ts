import type { Quote, UpdateQuote } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { customerNotFound, quoteNotDraft, quoteNotFound } from '../quotes.errors.ts';
import { deleteQuoteRow, findQuote, replaceQuoteLines, updateQuoteRow } from '../quotes.repository.ts';
import { draftFields } from './create-quote.ts';
import { presentQuote } from './present-quote.ts';
import { resolveQuoteLines } from './resolve-quote-lines.ts';

async function draftForChange(ctx: TenantContext, id: string, expectedVersion?: number) {
  const row = await findQuote(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw quoteNotFound();
  if (row.status !== 'draft') throw quoteNotDraft();
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('version_conflict');
  return row;
}

/** Drafts only: a sent quote answers 409 quote_not_draft (revise it instead). */
export async function updateQuote(
  ctx: TenantContext,
  id: string,
  input: UpdateQuote,
  publicBaseUrl: string,
  expectedVersion?: number,
): Promise<Quote> {
  const row = await draftForChange(ctx, id, expectedVersion);
  const customer = input.customer_id ? await getCustomerForDocument(ctx, input.customer_id) : undefined;
  if (customer === null) throw customerNotFound();
  const issueDate = input.issue_date !== undefined ? input.issue_date : row.issueDate;
  const validUntil = input.valid_until !== undefined ? input.valid_until : row.validUntil;
  if (issueDate && validUntil && validUntil < issueDate)
    throw new AppError('validation_failed', {
      fields: [
        { field: 'valid_until', code: 'valid_until_before_issue_date', message: 'valid_until_before_issue_date' },
      ],
    });
  if (input.lines)
    await replaceQuoteLines(ctx.tx, ctx.tenantId, id, await resolveQuoteLines(ctx, input.lines, issueDate));
  const updated = await updateQuoteRow(ctx.tx, ctx.tenantId, id, {
    ...draftFields(input),
    ...(customer
      ? customer.kind === 'organization'
        ? { organizationId: customer.id, personId: null }
        : { personId: customer.id, organizationId: null }
      : {}),
  });
  return presentQuote(ctx, updated!, publicBaseUrl);
}

/**
 * Drafts only; a draft has no number of its own, so deleting one leaves no gap. Deleting a new
 * version's draft puts the version it was made from back in force.
 */
export async function deleteQuote(ctx: TenantContext, id: string, expectedVersion?: number): Promise<void> {
  const row = await draftForChange(ctx, id, expectedVersion);
  await deleteQuoteRow(ctx.tx, ctx.tenantId, id);
  if (row.previousRevisionId)
    await updateQuoteRow(ctx.tx, ctx.tenantId, row.previousRevisionId, { supersededAt: null });
  await recordAuditEvent(ctx, {
    action: 'quote.deleted',
    targetType: 'quote',
    targetId: id,
    details: { number: row.number, revision: row.revision },
  });
}

import type { Quote } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { isRevisable } from '../domain/quote-status.ts';
import { newPublicToken } from '../domain/public-token.ts';
import { quoteNotFound, quoteNotRevisable } from '../quotes.errors.ts';
import { findQuote, insertQuote, loadQuoteLines, replaceQuoteLines, updateQuoteRow } from '../quotes.repository.ts';
import { presentQuote } from './present-quote.ts';

/**
 * A new version of a sent quote the customer has not accepted: a draft with the same number and
 * the next revision, the same customer, terms and lines, and a link of its own. The old version
 * stays as it was sent (PDF, page, answer) and is marked superseded, so it can no longer be
 * accepted. Dates are left open: the new version gets its own when it is sent.
 */
export async function reviseQuote(ctx: TenantContext, id: string, publicBaseUrl: string): Promise<Quote> {
  const row = await findQuote(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw quoteNotFound();
  if (!isRevisable(row)) throw quoteNotRevisable();
  const lines = await loadQuoteLines(ctx.tx, ctx.tenantId, id);
  const revision = await insertQuote(ctx.tx, {
    tenantId: ctx.tenantId,
    number: row.number,
    revision: row.revision + 1,
    previousRevisionId: row.id,
    organizationId: row.organizationId,
    personId: row.personId,
    language: row.language,
    discountPercent: row.discountPercent,
    buyerReference: row.buyerReference,
    note: row.note,
    publicToken: newPublicToken(),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await replaceQuoteLines(
    ctx.tx,
    ctx.tenantId,
    revision.id,
    lines.map((line) => ({
      kind: line.kind,
      productId: line.productId,
      productCode: line.productCode,
      description: line.description,
      quantity: line.quantity,
      unitCode: line.unitCode,
      unitPrice: line.unitPrice,
      vatRate: line.vatRate,
      vatCategory: line.vatCategory,
      discountPercent: line.discountPercent,
      discountAmount: line.discountAmount,
      isOptional: line.isOptional,
    })),
  );
  await updateQuoteRow(ctx.tx, ctx.tenantId, id, { supersededAt: new Date() });
  await recordAuditEvent(ctx, {
    action: 'quote.revised',
    targetType: 'quote',
    targetId: revision.id,
    details: { number: row.number, revision: revision.revision, previous_revision_id: row.id },
  });
  return presentQuote(ctx, revision, publicBaseUrl);
}

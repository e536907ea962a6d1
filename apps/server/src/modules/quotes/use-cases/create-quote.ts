import type { CreateQuote, Quote } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { newPublicToken } from '../domain/public-token.ts';
import { customerNotFound } from '../quotes.errors.ts';
import { insertQuote, replaceQuoteLines } from '../quotes.repository.ts';
import { presentQuote } from './present-quote.ts';
import { resolveQuoteLines } from './resolve-quote-lines.ts';

/** A draft quote: no number yet, freely editable until it is sent. */
export async function createQuote(ctx: TenantContext, input: CreateQuote, publicBaseUrl: string): Promise<Quote> {
  const customer = await getCustomerForDocument(ctx, input.customer_id);
  if (!customer) throw customerNotFound();
  const lines = await resolveQuoteLines(ctx, input.lines, input.issue_date);
  const row = await insertQuote(ctx.tx, {
    tenantId: ctx.tenantId,
    ...(customer.kind === 'organization' ? { organizationId: customer.id } : { personId: customer.id }),
    ...draftFields(input),
    publicToken: newPublicToken(),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await replaceQuoteLines(ctx.tx, ctx.tenantId, row.id, lines);
  await recordAuditEvent(ctx, { action: 'quote.created', targetType: 'quote', targetId: row.id, details: {} });
  return presentQuote(ctx, row, publicBaseUrl);
}

/** The draft's own fields as columns; only those sent (undefined leaves a column alone). */
export function draftFields(input: Partial<CreateQuote>) {
  return {
    issueDate: input.issue_date,
    validUntil: input.valid_until,
    language: input.language,
    discountPercent: input.discount_percent,
    buyerReference: input.buyer_reference,
    note: input.note,
  };
}

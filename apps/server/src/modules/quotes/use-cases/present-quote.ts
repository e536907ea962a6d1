import type { Quote } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { toQuoteDto } from '../quotes.dto.ts';
import { quoteNotFound } from '../quotes.errors.ts';
import { findNextRevision, findQuote, loadQuoteLines, type QuoteRow } from '../quotes.repository.ts';

/** The quote as the API shows it: lines, totals from the one totals function, status, the customer's link. */
export async function presentQuote(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  row: QuoteRow,
  publicBaseUrl: string,
): Promise<Quote> {
  const lines = await loadQuoteLines(ctx.tx, ctx.tenantId, row.id);
  const customerId = row.organizationId ?? row.personId;
  const customer = customerId && !row.snapshot ? await getCustomerForDocument(ctx, customerId) : null;
  const next = row.supersededAt ? await findNextRevision(ctx.tx, ctx.tenantId, row.id) : null;
  return toQuoteDto(row, lines, { customer, publicBaseUrl, supersededById: next?.id ?? null });
}

export async function getQuote(ctx: TenantContext, id: string, publicBaseUrl: string): Promise<Quote> {
  const row = await findQuote(ctx.tx, ctx.tenantId, id);
  if (!row) throw quoteNotFound();
  return presentQuote(ctx, row, publicBaseUrl);
}

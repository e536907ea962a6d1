import { amsterdamDate, type Quote, type QuoteListQuery } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { quoteNotFound } from '../quotes.errors.ts';
import { findQuote, listQuoteRows, listRevisions } from '../quotes.repository.ts';
import { presentQuote } from './present-quote.ts';

type QuoteList = { object: 'list'; data: Quote[]; has_more: boolean };

/**
 * Newest first, cursor-paged. The computed statuses (expired, superseded) are conditions on the
 * stored columns and today's date, so a status filter pages in the database.
 */
export async function listQuotes(ctx: TenantContext, query: QuoteListQuery, publicBaseUrl: string): Promise<QuoteList> {
  const startingAfter = query.starting_after ? await findQuote(ctx.tx, ctx.tenantId, query.starting_after) : undefined;
  if (startingAfter === null)
    throw new AppError('validation_failed', {
      fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
    });
  const rows = await listQuoteRows(ctx.tx, ctx.tenantId, {
    status: query.status,
    customerId: query.customer_id,
    today: amsterdamDate(),
    startingAfter,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const data: Quote[] = [];
  for (const row of page) data.push(await presentQuote(ctx, row, publicBaseUrl));
  return { object: 'list', data, has_more: rows.length > query.limit };
}

/** Every version of a quote, oldest first: the history stays readable after a revision. */
export async function listQuoteRevisions(ctx: TenantContext, id: string, publicBaseUrl: string): Promise<QuoteList> {
  const row = await findQuote(ctx.tx, ctx.tenantId, id);
  if (!row) throw quoteNotFound();
  const data: Quote[] = [];
  for (const revision of await listRevisions(ctx.tx, ctx.tenantId, row))
    data.push(await presentQuote(ctx, revision, publicBaseUrl));
  return { object: 'list', data, has_more: false };
}

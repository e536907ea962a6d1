import type { Invoice, InvoiceListQuery } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { findInvoice, listInvoiceRows } from '../invoices.repository.ts';
import { presentInvoice } from './present-invoice.ts';

/**
 * Newest first, cursor-paged. `status` draft filters in the database; the payment statuses are
 * computed, so those pages are filtered after loading (a page may then hold fewer rows).
 */
export async function listInvoices(
  ctx: TenantContext,
  query: InvoiceListQuery,
): Promise<{ object: 'list'; data: Invoice[]; has_more: boolean }> {
  const startingAfter = query.starting_after
    ? await findInvoice(ctx.tx, ctx.tenantId, query.starting_after)
    : undefined;
  if (startingAfter === null)
    throw new AppError('validation_failed', {
      fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
    });
  const rows = await listInvoiceRows(ctx.tx, ctx.tenantId, {
    type: query.type,
    isDraft: query.status === undefined ? undefined : query.status === 'draft',
    customerId: query.customer_id,
    issuedFrom: query.issued_from,
    issuedTo: query.issued_to,
    startingAfter,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const data: Invoice[] = [];
  for (const row of page) data.push(await presentInvoice(ctx, row));
  return {
    object: 'list',
    data: query.status ? data.filter((invoice) => invoice.status === query.status) : data,
    has_more: rows.length > query.limit,
  };
}

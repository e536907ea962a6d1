import type { Invoice, InvoiceListQuery } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { findInvoice, listInvoiceRows } from '../invoices.repository.ts';
import { presentInvoice } from './present-invoice.ts';

/** Newest first, cursor-paged; `status` draft filters in the database, the payment statuses after loading. */
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
  // Payment statuses are computed, not stored: read on until the page is full, so a page is
  // never empty while later rows match, and the last row returned is a valid cursor.
  const data: Invoice[] = [];
  let after = startingAfter ?? undefined;
  for (;;) {
    const rows = await listInvoiceRows(ctx.tx, ctx.tenantId, {
      type: query.type,
      isDraft: query.status === undefined ? undefined : query.status === 'draft',
      customerId: query.customer_id,
      issuedFrom: query.issued_from,
      issuedTo: query.issued_to,
      startingAfter: after,
      limit: query.limit + 1,
    });
    for (const row of rows) {
      const invoice = await presentInvoice(ctx, row);
      if (query.status && invoice.status !== query.status) continue;
      if (data.length === query.limit) return { object: 'list', data, has_more: true };
      data.push(invoice);
    }
    if (rows.length <= query.limit) return { object: 'list', data, has_more: false };
    after = rows.at(-1);
  }
}

import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { listOpenDocuments } from '../../../invoices/index.ts';
import { finalNoticeInvoiceIds } from '../reminders.repository.ts';

/**
 * The customer's invoices that were sent a final notice and are still (partly) unpaid: what
 * keeps a tenant of the platform suspended (terms art. 13) until the payment is matched.
 */
export async function unpaidFinalNotices(ctx: TenantContext, customerId: string): Promise<string[]> {
  const ids = await finalNoticeInvoiceIds(ctx.tx, ctx.tenantId, customerId);
  if (ids.length === 0) return [];
  return (await listOpenDocuments(ctx, { type: 'invoice', ids })).map((invoice) => invoice.id);
}

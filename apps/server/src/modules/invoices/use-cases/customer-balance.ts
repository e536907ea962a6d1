import { amsterdamDate, type CustomerBalance, formatAmount } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { customerBalanceRow } from '../invoice-payments.repository.ts';
import { customerNotFound } from '../invoices.errors.ts';

/**
 * What a customer (organization or person) still owes on issued invoices, and how much of that
 * is past its due date today (Europe/Amsterdam). Drafts owe nothing yet.
 */
export async function customerBalance(ctx: TenantContext, customerId: string): Promise<CustomerBalance> {
  if (!(await getCustomerForDocument(ctx, customerId))) throw customerNotFound();
  const balance = await customerBalanceRow(ctx.tx, ctx.tenantId, customerId, amsterdamDate());
  return {
    object: 'customer_balance',
    customer_id: customerId,
    open_invoices: balance.openInvoices,
    total_due: formatAmount(balance.totalDue),
    overdue: formatAmount(balance.overdue),
  };
}

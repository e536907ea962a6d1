import { DEFAULT_PAYMENT_TERM_DAYS } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { findDefaultPaymentTermDays } from '../company.repository.ts';

/**
 * Days a customer of this tenant has to pay when neither the invoice nor the customer has a term
 * of its own. Read without creating the profile row (a relation's page must not write), so a
 * tenant that never opened its profile gets the column's default.
 */
export async function getDefaultPaymentTermDays(ctx: Pick<TenantContext, 'tenantId' | 'tx'>): Promise<number> {
  return (await findDefaultPaymentTermDays(ctx.tx, ctx.tenantId)) ?? DEFAULT_PAYMENT_TERM_DAYS;
}

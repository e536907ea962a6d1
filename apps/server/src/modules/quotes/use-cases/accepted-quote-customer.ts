import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { quoteNotFound } from '../quotes.errors.ts';
import { findQuoteByToken } from '../quotes.repository.ts';

/**
 * The customer behind a quote's link, and whether the quote is accepted: another module may offer
 * that customer something on the quote page once they said yes (receivables: a direct-debit
 * mandate). Run inside `withPublicQuote`.
 */
export async function acceptedQuoteCustomer(
  ctx: TenantContext,
  token: string,
): Promise<{ customerId: string | null; isAccepted: boolean; language: 'nl' | 'en' }> {
  const row = await findQuoteByToken(ctx.tx, ctx.tenantId, token);
  if (!row) throw quoteNotFound();
  return {
    customerId: row.organizationId ?? row.personId,
    isAccepted: row.status === 'accepted',
    language: row.snapshot?.language ?? 'nl',
  };
}

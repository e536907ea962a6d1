import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { invoices } from '../invoices.tables.ts';

/** The numbers of these invoices (null for a draft), for another module's lists that link to them. */
export async function invoiceNumbers(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  ids: string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.tenantId, ctx.tenantId), inArray(invoices.id, ids)));
  return new Map(rows.map((row) => [row.id, row.number]));
}

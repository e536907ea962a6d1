import type { Product, ProductListQuery } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toProductDto } from '../products.dto.ts';
import { listCategories, listProductRows } from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';

export async function listProducts(
  ctx: TenantContext,
  query: ProductListQuery,
): Promise<{ object: 'list'; data: Product[]; has_more: boolean }> {
  const page = await listProductRows(ctx.tx, ctx.tenantId, { ...query, startingAfter: query.starting_after });
  const { rates, today } = await loadVatRates(ctx);
  return { object: 'list', data: page.rows.map((row) => toProductDto(row, rates, today)), has_more: page.hasMore };
}

/** The categories in use, with how many products each has (the list's filter). */
export async function listProductCategories(ctx: TenantContext) {
  const data = await listCategories(ctx.tx, ctx.tenantId);
  return { object: 'list' as const, data, has_more: false };
}

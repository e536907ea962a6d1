import type { Product } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toProductDto } from '../products.dto.ts';
import { productNotFound } from '../products.errors.ts';
import { findProduct } from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';

/** One product; `on` (a date of supply) shows the VAT percentage of that date instead of today's. */
export async function getProduct(ctx: TenantContext, id: string, on?: string): Promise<Product> {
  const row = await findProduct(ctx.tx, ctx.tenantId, id);
  if (!row) throw productNotFound();
  const { rates, today } = await loadVatRates(ctx);
  return toProductDto(row, rates, on ?? today);
}

import type { DatedVatRate, RecurringPeriod, VatCategory } from '@clientbox/contracts';
import { formatUnitPrice } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { productVatRate } from '../domain/resolve-vat.ts';
import { productNotFound } from '../products.errors.ts';
import { findProduct } from '../products.repository.ts';
import { ensureVatRates, toDatedRates } from '../vat-rates.repository.ts';

/** What a quote, invoice or subscription line copies from a product. */
export interface ProductForDocument {
  id: string;
  code: string;
  name: string;
  description: string | null;
  /** UN/ECE Recommendation 20 code (UBL `unitCode`). */
  unit_code: string;
  /** Excl. VAT, 4 decimals. */
  unit_price: string;
  currency: 'EUR';
  vat_category: VatCategory;
  vat_rate_class: string | null;
  /** The percentage on `vat_rate_on`; null for category O. */
  vat_rate: string | null;
  vat_rate_on: string;
  revenue_account: string | null;
  recurring_period: RecurringPeriod | null;
  /** Archived products are not offered for new lines; an existing line may still refer to one. */
  archived: boolean;
}

/**
 * A product as a document line needs it, with the VAT percentage in force on `onDate`: the
 * date of supply, not the invoice date (domain rules §2.2). A period that spans a rate change
 * is two lines, each asking for its own date. Throws `product_not_found` (404).
 */
export async function getProductForDocument(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  id: string,
  onDate: string,
): Promise<ProductForDocument> {
  const row = await findProduct(ctx.tx, ctx.tenantId, id);
  if (!row) throw productNotFound();
  const rates: DatedVatRate[] = toDatedRates(await ensureVatRates(ctx.tx, ctx.tenantId));
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    unit_code: row.unitCode,
    unit_price: formatUnitPrice(row.unitPrice),
    currency: 'EUR',
    vat_category: row.vatCategory as VatCategory,
    vat_rate_class: row.vatRateClass,
    vat_rate: productVatRate(row, rates, onDate),
    vat_rate_on: onDate,
    revenue_account: row.revenueAccount,
    recurring_period: row.recurringPeriod as RecurringPeriod | null,
    archived: row.archivedAt !== null,
  };
}

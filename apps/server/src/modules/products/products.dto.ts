import {
  type DatedVatRate,
  formatUnitPrice,
  parseUnitPrice,
  type Product,
  productMargin,
  type RecurringPeriod,
  type UpdateProduct,
  type VatCategory,
  type VatRate,
} from '@clientbox/contracts';
import { productVatRate } from './domain/resolve-vat.ts';
import type { ProductChanges, ProductRow } from './products.repository.ts';
import type { VatRateRow } from './vat-rates.repository.ts';

/** A product as the API shows it, with the VAT percentage in force on `date` (a date of supply). */
export function toProductDto(row: ProductRow, rates: readonly DatedVatRate[], date: string): Product {
  const unitPrice = formatUnitPrice(row.unitPrice);
  const purchasePrice = row.purchasePrice === null ? null : formatUnitPrice(row.purchasePrice);
  return {
    object: 'product',
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    unit_code: row.unitCode,
    unit_price: unitPrice,
    purchase_price: purchasePrice,
    currency: 'EUR',
    margin: productMargin(unitPrice, purchasePrice),
    vat_category: row.vatCategory as VatCategory,
    vat_rate: productVatRate(row, rates, date),
    vat_rate_class: row.vatRateClass,
    vat_rate_on: date,
    revenue_account: row.revenueAccount,
    category: row.category,
    recurring_period: row.recurringPeriod as RecurringPeriod | null,
    archived: row.archivedAt !== null,
    archived_at: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toVatRateDto(row: VatRateRow): VatRate {
  return {
    object: 'vat_rate',
    id: row.id,
    rate_class: row.rateClass,
    percent: row.percent,
    valid_from: row.validFrom,
    note: row.note,
    created_at: row.createdAt.toISOString(),
  };
}

const FIELD_TO_COLUMN = {
  code: 'code',
  name: 'name',
  description: 'description',
  unit_code: 'unitCode',
  unit_price: 'unitPrice',
  purchase_price: 'purchasePrice',
  revenue_account: 'revenueAccount',
  category: 'category',
  recurring_period: 'recurringPeriod',
} as const satisfies Partial<Record<keyof UpdateProduct, keyof ProductChanges>>;

/**
 * The plain fields of a request as column values (prices to 1/10,000 euro); the VAT fields are
 * resolved by the use case. Only fields present change; null clears.
 */
export function toProductChanges(input: UpdateProduct): ProductChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_TO_COLUMN)) {
    const value = input[field as keyof typeof FIELD_TO_COLUMN];
    if (value === undefined) continue;
    changes[column] =
      (field === 'unit_price' || field === 'purchase_price') && value !== null ? parseUnitPrice(value) : value;
  }
  return changes as ProductChanges;
}

import type { DatedVatRate, FieldError, UpdateProduct, VatCategory } from '@clientbox/contracts';
import { resolveVatChoice } from './domain/resolve-vat.ts';
import { toProductChanges } from './products.dto.ts';
import type { ProductChanges, ProductRow } from './products.repository.ts';

/** The API's field names of the columns, for the audit entry. */
const FIELD_OF_COLUMN: Record<string, string> = {
  code: 'code',
  name: 'name',
  description: 'description',
  unitCode: 'unit_code',
  unitPrice: 'unit_price',
  purchasePrice: 'purchase_price',
  vatCategory: 'vat_category',
  vatRateClass: 'vat_rate_class',
  revenueAccount: 'revenue_account',
  category: 'category',
  recurringPeriod: 'recurring_period',
};

/**
 * The column changes of a partial update, VAT included: a new category or rate is resolved to
 * a rate class like on create; sending neither keeps what the product has.
 */
export function productChangesFor(
  current: ProductRow,
  input: UpdateProduct,
  rates: readonly DatedVatRate[],
  today: string,
): { changes: ProductChanges; errors: FieldError[] } {
  const changes = toProductChanges(input);
  if (input.vat_category === undefined && input.vat_rate === undefined && input.vat_rate_class === undefined)
    return { changes, errors: [] };
  const category = input.vat_category ?? (current.vatCategory as VatCategory);
  const vat = resolveVatChoice(
    {
      category,
      rate: input.vat_rate,
      rateClass: input.vat_rate_class,
      currentClass: current.vatCategory === 'S' ? current.vatRateClass : null,
    },
    rates,
    today,
  );
  if (!vat.choice) return { changes, errors: vat.errors };
  return { changes: { ...changes, ...vat.choice }, errors: [] };
}

/** Only what differs from the stored row; the API's names of those fields. */
export function changedFields(current: ProductRow, changes: ProductChanges): string[] {
  return Object.entries(changes)
    .filter(([column, value]) => value !== current[column as keyof ProductRow])
    .map(([column]) => FIELD_OF_COLUMN[column] ?? column);
}

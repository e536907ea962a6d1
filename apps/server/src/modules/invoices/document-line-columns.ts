import { text, uuid } from 'drizzle-orm/pg-core';

/**
 * The columns every document line has (invoice and quote lines), after the document's key and
 * `position`. A function: each table needs column builders of its own.
 */
export function documentLineColumns() {
  return {
    kind: text('kind', { enum: ['item', 'text', 'heading'] })
      .notNull()
      .default('item'),
    productId: uuid('product_id'),
    productCode: text('product_code'),
    description: text('description').notNull(),
    /** Decimal strings as entered (up to 4 decimals), so what was typed is what is shown. */
    quantity: text('quantity').notNull().default('1'),
    unitCode: text('unit_code').notNull().default('C62'),
    unitPrice: text('unit_price').notNull().default('0.0000'),
    vatRate: text('vat_rate'),
    vatCategory: text('vat_category').notNull().default('S'),
    discountPercent: text('discount_percent'),
    discountAmount: text('discount_amount'),
  };
}

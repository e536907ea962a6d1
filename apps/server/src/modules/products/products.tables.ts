import { sql } from 'drizzle-orm';
import { bigint, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn, versionColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn } from '../../kernel/db/schema.ts';

/**
 * VAT rates as dated data per tenant (domain rules §2.2): a product names a rate class
 * (`standard`, `reduced`, `accommodation`, …), and the percentage is looked up by the date of
 * supply, so a change such as accommodation 9% → 21% on 2026-01-01 needs no product edit.
 */
export const vatRates = pgTable(
  'product_vat_rates',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    rateClass: text('rate_class').notNull(),
    /** Percentage as a decimal string, e.g. "21" or "9". */
    percent: text('percent').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('product_vat_rates_class_from_key').on(table.tenantId, table.rateClass, table.validFrom),
  ],
);

/** Catalogue lines that quotes, invoices and subscriptions reuse. */
export const products = pgTable(
  'products',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** UN/ECE Recommendation 20 unit code: C62 piece, HUR hour, DAY, MON, KMT … */
    unitCode: text('unit_code').notNull().default('C62'),
    /** Sale price excl. VAT in 1/10,000 euro (up to 4 decimals). */
    unitPrice: bigint('unit_price', { mode: 'bigint' }).notNull(),
    purchasePrice: bigint('purchase_price', { mode: 'bigint' }),
    /** UBL VAT category: S, Z, E, AE, K, G, O. */
    vatCategory: text('vat_category').notNull().default('S'),
    /** For category S: the rate class whose dated percentage applies. */
    vatRateClass: text('vat_rate_class'),
    revenueAccount: text('revenue_account'),
    category: text('category'),
    /** Recurring products carry their period for subscriptions. */
    recurringPeriod: text('recurring_period', { enum: ['month', 'quarter', 'year'] }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    searchText: text('search_text').notNull().default(''),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('products_code_key').on(table.tenantId, table.code),
    index('products_name_idx').on(table.tenantId, table.name, table.id),
    index('products_search_idx').using('gin', table.tenantId, sql`${table.searchText} gin_trgm_ops`),
  ],
);

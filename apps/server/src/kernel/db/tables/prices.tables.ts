import { bigint, date, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../columns.ts';

/**
 * The operator's price list (terms art. 11) as dated rows: a price change is a new row with a
 * later `valid_from`, never an edit, so the price on any date can be read back.
 */
export const priceList = pgTable(
  'price_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    item: text('item').notNull(),
    monthlyCents: bigint('monthly_cents', { mode: 'bigint' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: createdAtColumn(),
  },
  (table) => [uniqueIndex('price_list_item_valid_from_key').on(table.item, table.validFrom)],
);

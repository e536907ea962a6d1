import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.tables.ts';
import { operatorUsers } from './operator.tables.ts';
import { priceList } from './prices.tables.ts';
import { tenantIdColumn } from './tenants.tables.ts';

/**
 * Orders of a tenant (terms art. 6, 10, 11). The latest accepted order is the tenant's contract:
 * modules, users, billing period, the prices agreed at that moment and the accepted terms
 * version. Read by the operator across tenants, so row-level security is enabled, not forced.
 */
export const tenantOrders = pgTable(
  'tenant_orders',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status', { enum: ['pending', 'accepted', 'refused', 'withdrawn'] }).notNull(),
    modules: text('modules').array().notNull(),
    users: integer('users').notNull(),
    period: text('period', { enum: ['month', 'quarter', 'year'] }).notNull(),
    /** Monthly cents per price item as agreed when the order was placed (bigint as string). */
    agreedPrices: jsonb('agreed_prices').$type<Record<string, string>>().notNull(),
    monthlyCents: bigint('monthly_cents', { mode: 'bigint' }).notNull(),
    termsVersion: text('terms_version').notNull(),
    placedBy: uuid('placed_by').references(() => users.id, { onDelete: 'set null' }),
    placedByName: text('placed_by_name'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => operatorUsers.id, { onDelete: 'set null' }),
    refusalReason: text('refusal_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('tenant_orders_pending_idx').on(table.status, table.placedAt),
  ],
);

/**
 * One row per tenant and price change it was told about (art. 11): the new price applies to a
 * tenant's contract only once the notice went out at least a month before.
 */
export const priceChangeNotices = pgTable(
  'price_change_notices',
  {
    tenantId: tenantIdColumn(),
    priceId: uuid('price_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.priceId] }),
    foreignKey({ name: 'price_change_notices_price_fk', columns: [table.priceId], foreignColumns: [priceList.id] }),
  ],
);

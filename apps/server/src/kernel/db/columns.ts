import { customType, integer, timestamp } from 'drizzle-orm/pg-core';

/**
 * Columns that tables of every module share, named and typed alike everywhere (the tenant a row
 * belongs to is `tenantIdColumn`, beside the tenants in `tables/tenants.tables.ts`). The
 * migrations are generated from the tables: a change here changes every table that uses it.
 */

export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAtColumn = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** The row version an update must match (`If-Match`; a stale one is answered 412). */
export const versionColumn = () => integer('version').notNull().default(1);

/** Bytes kept in the database itself (a document's stored PDF and UBL). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../columns.ts';
import { tenantIdColumn } from './tenants.tables.ts';

/**
 * `Idempotency-Key` of a tenant's POST requests (API conventions §6): claimed in the request's own
 * transaction, with the answer stored in it, so a retried request gets the first answer and the
 * work is done once. A key is kept 24 hours; after that it may be used again.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantIdColumn(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    /** Headers the answer carried that a client acts on (Location, ETag). */
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.key] }),
    // Expired keys are removed as new ones come in.
    index('idempotency_keys_created_idx').on(table.tenantId, table.createdAt),
  ],
);

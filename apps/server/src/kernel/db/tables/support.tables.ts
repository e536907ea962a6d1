import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../columns.ts';
import { users } from './auth.tables.ts';
import { operatorUsers } from './operator.tables.ts';
import { tenantIdColumn } from './tenants.tables.ts';

/**
 * Support access (terms art. 16): a tenant admin lets one operator staff member into the
 * tenant's data, read-only or with write rights, for a reason and until a moment; revocable.
 * The operator checks grants across tenants, so row-level security is enabled, not forced.
 */
export const supportGrants = pgTable(
  'support_grants',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    operatorUserId: uuid('operator_user_id')
      .notNull()
      .references(() => operatorUsers.id, { onDelete: 'cascade' }),
    access: text('access', { enum: ['read', 'write'] }).notNull(),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedByName: text('granted_by_name'),
    createdAt: createdAtColumn(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('support_grants_operator_idx').on(table.operatorUserId),
  ],
);

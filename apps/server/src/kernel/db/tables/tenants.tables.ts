import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../columns.ts';
import { users } from './auth.tables.ts';

/**
 * One tenant = one business using Clientbox. Its lifecycle (terms art. 10, 11): a 14-day demo
 * with every module, then active with the ordered modules and seats, or expired, suspended
 * (unpaid) or deactivated. `modules` and `seats` are null while no order applies.
 */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  state: text('state', { enum: ['demo', 'active', 'expired', 'suspended', 'deactivated'] })
    .notNull()
    .default('demo'),
  demoEndsAt: timestamp('demo_ends_at', { withTimezone: true })
    .notNull()
    .default(sql`now() + interval '14 days'`),
  modules: text('modules').array(),
  seats: integer('seats'),
  stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAtColumn(),
  /** Identity given at sign-up (art. 4, 6): a private person has confirmed being 18 or older. */
  customerType: text('customer_type', { enum: ['business', 'private'] })
    .notNull()
    .default('business'),
  adultConfirmedAt: timestamp('adult_confirmed_at', { withTimezone: true }),
  kvkNumber: text('kvk_number'),
  address: jsonb('address').$type<TenantAddress>(),
  /** Where the operator's invoices go (art. 12); the owner's e-mail when empty. */
  billingEmail: text('billing_email'),
  /** What the sign-up form asked for; the order form starts from it. */
  requestedOrder: jsonb('requested_order').$type<RequestedOrder>(),
  lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
  /** Art. 15: deactivation announced by e-mail, carried out at this moment (at least 5 days later). */
  deactivationDueAt: timestamp('deactivation_due_at', { withTimezone: true }),
  deactivationReason: text('deactivation_reason'),
});

/** The tenant a row belongs to, for every tenant's table; the row goes when the tenant does. */
export const tenantIdColumn = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export interface TenantAddress {
  street: string;
  postal_code: string;
  city: string;
  country: string;
}

export interface RequestedOrder {
  modules: string[];
  users: number;
  period: 'month' | 'quarter' | 'year';
}

/** Who belongs to which tenant, with which role. A person can belong to several tenants. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'member'] }).notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    uniqueIndex('memberships_tenant_user_key').on(table.tenantId, table.userId),
    index('memberships_user_idx').on(table.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'member'] }).notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'canceled'] })
      .notNull()
      .default('pending'),
    inviterId: uuid('inviter_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [index('invitations_tenant_idx').on(table.tenantId)],
);

/**
 * API keys. Looked up by hash before the tenant is known, so this table is read by the kernel
 * outside the tenant transaction; only the SHA-256 of the secret is stored.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('api_keys_key_hash_key').on(table.keyHash), index('api_keys_tenant_idx').on(table.tenantId)],
);

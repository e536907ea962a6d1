import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn } from '../columns.ts';

/**
 * The operator's staff: a realm of its own, never members of a tenant (terms art. 16). Whoever
 * may be granted support access is listed to every tenant.
 */
export const operatorUsers = pgTable('operator_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'support'] }).notNull(),
  /** Listed to tenants as staff who can be granted access to their data (art. 16). */
  canSupport: boolean('can_support').notNull().default(true),
  createdAt: createdAtColumn(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** Operator console sessions; only the SHA-256 of the cookie value is stored. */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    id: text('id').primaryKey(),
    operatorUserId: uuid('operator_user_id')
      .notNull()
      .references(() => operatorUsers.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
    ip: text('ip'),
  },
  (table) => [index('operator_sessions_user_idx').on(table.operatorUserId)],
);

/** Switches of the platform, e.g. whether orders wait for the operator's review (art. 6). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAtColumn(),
});

/** Service messages and newsletters to every tenant user (art. 19). */
export const announcements = pgTable('announcements', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['service', 'newsletter'] }).notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sentBy: uuid('sent_by').references(() => operatorUsers.id, { onDelete: 'set null' }),
  recipientCount: integer('recipient_count').notNull().default(0),
  createdAt: createdAtColumn(),
});

/** Addresses that left the newsletter (one click, art. 19); service messages still reach them. */
export const newsletterUnsubscribes = pgTable('newsletter_unsubscribes', {
  email: text('email').primaryKey(),
  unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }).notNull().defaultNow(),
});

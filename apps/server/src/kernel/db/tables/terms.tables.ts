import { date, foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.tables.ts';
import { tenantIdColumn } from './tenants.tables.ts';

/** Published versions of the general terms (art. 3): the operator's, the same for every tenant. */
export const termsVersions = pgTable('terms_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: text('version').notNull().unique(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  body: text('body').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who accepted which version for a tenant, when and from where (art. 3). */
export const termsAcceptances = pgTable(
  'terms_acceptances',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    termsVersionId: uuid('terms_version_id').notNull(),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      name: 'terms_acceptances_version_fk',
      columns: [table.termsVersionId],
      foreignColumns: [termsVersions.id],
    }),
  ],
);

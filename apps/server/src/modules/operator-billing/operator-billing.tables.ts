import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn } from '../../kernel/db/schema.ts';

/**
 * In the operator's billing tenant: which CRM customer is which tenant of the platform, and
 * whether that tenant's access was suspended for non-payment (art. 13) — only a suspension this
 * module made is lifted by a payment.
 */
export const platformCustomers = pgTable(
  'platform_customers',
  {
    tenantId: tenantIdColumn(),
    platformTenantId: uuid('platform_tenant_id').notNull(),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    suspendedForPaymentAt: timestamp('suspended_for_payment_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.platformTenantId] }),
    check('platform_customers_one_customer', sql`num_nonnulls(${table.organizationId}, ${table.personId}) <= 1`),
  ],
);

/**
 * Platform events already applied in this tenant: events arrive at least once, and an event seen
 * before (its id claimed in the same transaction as its effect) changes nothing the second time.
 */
export const appliedPlatformEvents = pgTable(
  'applied_platform_events',
  {
    tenantId: tenantIdColumn(),
    eventId: uuid('event_id').notNull(),
    appliedAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.eventId] })],
);

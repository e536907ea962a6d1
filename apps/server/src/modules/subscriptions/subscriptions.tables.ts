import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn, versionColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn } from '../../kernel/db/schema.ts';
import { documentLineColumns } from '../invoices/index.ts';

/**
 * A subscription: what a customer gets every period and how it is invoiced. `next_period_start`
 * is the billing cursor: every period before it has been invoiced (a `subscription_periods` row),
 * and it only moves in the transaction that issues that invoice — the run is safe to repeat and
 * to kill at any moment. `next_invoice_on` is the day the next period's invoice is due to be made
 * (null once nothing is left to bill), so the run finds its work by index.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    /** As last read from the CRM (lists without a lookup per row); a deleted customer keeps it. */
    customerName: text('customer_name').notNull(),
    name: text('name').notNull(),
    intervalMonths: integer('interval_months').notNull(),
    billing: text('billing', { enum: ['advance', 'arrears'] }).notNull(),
    alignment: text('alignment', { enum: ['start_date', 'calendar'] }).notNull(),
    invoiceDateRule: text('invoice_date_rule', {
      enum: ['first_day', 'days_before', 'last_day', 'day_after'],
    }).notNull(),
    invoiceDaysBefore: integer('invoice_days_before').notNull().default(0),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    noticePeriodMonths: integer('notice_period_months').notNull().default(0),
    paymentMethod: text('payment_method', { enum: ['transfer', 'direct_debit'] }).notNull(),
    mandateId: uuid('mandate_id'),
    paymentTermDays: integer('payment_term_days'),
    groupInvoices: boolean('group_invoices').notNull().default(true),
    buyerReference: text('buyer_reference'),
    invoiceNote: text('invoice_note'),
    nextPeriodStart: date('next_period_start', { mode: 'string' }).notNull(),
    nextInvoiceOn: date('next_invoice_on', { mode: 'string' }),
    /** The tenant of this platform this subscription bills (the operator's own billing). */
    platformTenantId: uuid('platform_tenant_id'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('subscriptions_next_invoice_idx').on(table.tenantId, table.nextInvoiceOn),
    index('subscriptions_organization_idx').on(table.tenantId, table.organizationId),
    index('subscriptions_person_idx').on(table.tenantId, table.personId),
    index('subscriptions_created_idx').on(table.tenantId, table.createdAt, table.id),
    // Not unique: a tenant that ordered again after its contract ended gets a new subscription.
    index('subscriptions_platform_tenant_idx')
      .on(table.tenantId, table.platformTenantId)
      .where(sql`${table.platformTenantId} IS NOT NULL`),
    check('subscriptions_interval', sql`${table.intervalMonths} BETWEEN 1 AND 36`),
    check('subscriptions_dates', sql`${table.endDate} IS NULL OR ${table.endDate} >= ${table.startDate}`),
  ],
);

/**
 * The lines of a subscription as versions: a change from a day closes the versions running then
 * (`valid_until` = the day before) and adds the new ones, so every past period can be computed
 * again exactly as it was. `line_key` stays the same for "the same line" over its versions.
 */
export const subscriptionLines = pgTable(
  'subscription_lines',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    subscriptionId: uuid('subscription_id').notNull(),
    lineKey: uuid('line_key').notNull(),
    position: integer('position').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    ...documentLineColumns(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('subscription_lines_subscription_idx').on(table.tenantId, table.subscriptionId, table.validFrom),
  ],
);

/**
 * A price announced ahead for one line. It applies from the first period starting on or after
 * `requested_from` (`applies_from`), so a period already invoiced is never re-priced.
 */
export const subscriptionPriceChanges = pgTable(
  'subscription_price_changes',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    subscriptionId: uuid('subscription_id').notNull(),
    lineKey: uuid('line_key').notNull(),
    description: text('description').notNull(),
    unitPrice: text('unit_price').notNull(),
    previousUnitPrice: text('previous_unit_price').notNull(),
    requestedFrom: date('requested_from', { mode: 'string' }).notNull(),
    appliesFrom: date('applies_from', { mode: 'string' }).notNull(),
    reason: text('reason'),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('subscription_price_changes_subscription_idx').on(table.tenantId, table.subscriptionId),
  ],
);

export interface BilledLine {
  line_key: string;
  amount: string;
}

/**
 * One invoiced period: unique per subscription and start, the second guard (after the cursor)
 * against billing a period twice. `billed_lines` is what each line came to, kept up to date by
 * changes (through adjustments), so a later change charges or credits only the difference.
 */
export const subscriptionPeriods = pgTable(
  'subscription_periods',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    subscriptionId: uuid('subscription_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    amountExclVat: bigint('amount_excl_vat', { mode: 'bigint' }).notNull(),
    billedLines: jsonb('billed_lines').$type<BilledLine[]>().notNull(),
    invoiceId: uuid('invoice_id'),
    billedAt: timestamp('billed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('subscription_periods_start_key').on(table.tenantId, table.subscriptionId, table.periodStart),
    index('subscription_periods_invoice_idx').on(table.tenantId, table.invoiceId),
  ],
);

/**
 * A difference for a period already invoiced, from a change of lines (charged by day) or an
 * ending with the unused part credited (art. 15). Billed by the next run: a positive amount on
 * the customer's next invoice, a negative one on a credit note for the period's invoice.
 */
export const subscriptionAdjustments = pgTable(
  'subscription_adjustments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    subscriptionId: uuid('subscription_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** The days of the period the difference is for. */
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    untilDate: date('until_date', { mode: 'string' }).notNull(),
    lineKey: uuid('line_key').notNull(),
    description: text('description').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    vatRate: text('vat_rate'),
    vatCategory: text('vat_category').notNull(),
    /** The invoice or credit note that billed it. */
    invoiceId: uuid('invoice_id'),
    /** Set when billed (or found to need no document): pending while null. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('subscription_adjustments_pending_idx')
      .on(table.tenantId, table.subscriptionId)
      .where(sql`${table.settledAt} IS NULL`),
    check('subscription_adjustments_not_zero', sql`${table.amount} <> 0`),
  ],
);

/** The tenant's choices; until the first change the defaults apply (one month's notice, automatic). */
export const subscriptionSettings = pgTable('subscription_settings', {
  tenantId: tenantIdColumn().primaryKey(),
  priceNoticeMonths: integer('price_notice_months').notNull().default(1),
  billingMode: text('billing_mode', { enum: ['automatic', 'off'] })
    .notNull()
    .default('automatic'),
  updatedAt: updatedAtColumn(),
});

/** The daily run's claim per tenant and day: the billing job is started once a day. */
export const subscriptionBillingDays = pgTable(
  'subscription_billing_days',
  {
    tenantId: tenantIdColumn(),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    jobRunId: uuid('job_run_id'),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.runOn] })],
);

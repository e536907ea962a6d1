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
import type { ReminderLevel } from '@clientbox/contracts';
import { bytea, createdAtColumn, updatedAtColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn, users } from '../../kernel/db/schema.ts';

/**
 * The tenant's reminder schedule and late-payment charges (domain rules §4). One row per tenant,
 * written on the first change; until then the defaults of `DEFAULT_REMINDER_SETTINGS` apply.
 */
export const reminderSettings = pgTable('reminder_settings', {
  tenantId: tenantIdColumn().primaryKey(),
  mode: text('mode', { enum: ['automatic', 'review'] }).notNull(),
  charges: text('charges', { enum: ['none', 'statutory', 'clause'] }).notNull(),
  clauseInterestPercent: text('clause_interest_percent').notNull(),
  clauseCostsPercent: text('clause_costs_percent').notNull(),
  clauseCostsMinimum: bigint('clause_costs_minimum', { mode: 'bigint' }).notNull(),
  invoiceCharges: boolean('invoice_charges').notNull(),
  /** Charged (invoiced) when a direct debit comes back; 0 = nothing. */
  failedCollectionFee: bigint('failed_collection_fee', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  /** Level n is element n − 1; validated by the contract (1–5 levels, days ascending). */
  levels: jsonb('levels').$type<ReminderLevel[]>().notNull(),
  updatedAt: updatedAtColumn(),
});

/**
 * A reminder letter for one invoice at one level, with the amounts it states and its PDF as
 * sent. A level is sent once per invoice (unique), which makes the daily job safe to repeat.
 * `queued` rows are written before the mail goes out and marked `sent` after, so a crash in
 * between leaves a row the next run sends.
 */
export const reminders = pgTable(
  'reminders',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    invoiceId: uuid('invoice_id'),
    invoiceNumber: text('invoice_number').notNull(),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    customerName: text('customer_name').notNull(),
    level: integer('level').notNull(),
    kind: text('kind', { enum: ['reminder', 'final_notice'] }).notNull(),
    reckonedOn: date('reckoned_on', { mode: 'string' }).notNull(),
    invoiceIssueDate: date('invoice_issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    paymentReference: text('payment_reference'),
    language: text('language', { enum: ['nl', 'en'] }).notNull(),
    principalDue: bigint('principal_due', { mode: 'bigint' }).notNull(),
    interest: bigint('interest', { mode: 'bigint' }).notNull(),
    costs: bigint('costs', { mode: 'bigint' }).notNull(),
    interestRule: text('interest_rule', { enum: ['clause', 'statutory'] }),
    /** Set when this letter is a consumer's 14-day letter (art. 6:96 lid 6 BW). */
    fourteenDayLetterExpiresOn: date('fourteen_day_letter_expires_on', { mode: 'string' }),
    fourteenDayLetterCosts: bigint('fourteen_day_letter_costs', { mode: 'bigint' }),
    costInvoiceId: uuid('cost_invoice_id'),
    recipient: text('recipient'),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    trigger: text('trigger', { enum: ['daily', 'manual'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    messageId: text('message_id'),
    error: text('error'),
    pdfContent: bytea('pdf_content').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('reminders_invoice_level_key').on(table.tenantId, table.invoiceId, table.level),
    index('reminders_created_idx').on(table.tenantId, table.createdAt, table.id),
    index('reminders_organization_idx').on(table.tenantId, table.organizationId),
    index('reminders_person_idx').on(table.tenantId, table.personId),
    check('reminders_amounts_not_negative', sql`${table.interest} >= 0 AND ${table.costs} >= 0`),
  ],
);

/** A customer whose reminders are held (a dispute, an arrangement), with the days it applies. */
export const collectionPauses = pgTable(
  'collection_pauses',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    reason: text('reason').notNull(),
    pausedOn: date('paused_on', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('collection_pauses_organization_idx').on(table.tenantId, table.organizationId),
    index('collection_pauses_person_idx').on(table.tenantId, table.personId),
    check('collection_pauses_one_customer', sql`num_nonnulls(${table.organizationId}, ${table.personId}) = 1`),
  ],
);

/** The daily job's run per tenant and day: a day is run once, however many processes try. */
export const reminderDailyRuns = pgTable(
  'reminder_daily_runs',
  {
    tenantId: tenantIdColumn(),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    sent: integer('sent').notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.runOn] })],
);

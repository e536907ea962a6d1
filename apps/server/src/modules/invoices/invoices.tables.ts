import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
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
import { bytea, createdAtColumn, updatedAtColumn, versionColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn, users } from '../../kernel/db/schema.ts';
import type { DocumentSnapshot } from './documents/document-snapshot.ts';
import { documentLineColumns } from './document-line-columns.ts';

/**
 * Invoices and credit notes. A draft has no number and changes freely; finalizing gives it the
 * next number of its series, freezes `snapshot` (lines, parties, amounts as issued) and stores
 * the exact PDF and UBL. From then on a trigger refuses any change to what was issued (domain
 * rules §1.3): only delivery and payment facts are added beside it.
 */
export const invoices = pgTable(
  'invoices',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type', { enum: ['invoice', 'credit_note'] }).notNull(),
    status: text('status', { enum: ['draft', 'issued'] })
      .notNull()
      .default('draft'),
    /** Assigned at finalization only: drafts use no number (§1.2). */
    number: text('number'),
    /** The customer: an organization or a person of the CRM (one of the two). */
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    /** Legal dates (YYYY-MM-DD); a draft without an issue date gets the day it is finalized. */
    issueDate: date('issue_date', { mode: 'string' }),
    supplyDate: date('supply_date', { mode: 'string' }),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** Null: the customer's term, else the tenant's default. */
    paymentTermDays: integer('payment_term_days'),
    dueDate: date('due_date', { mode: 'string' }),
    language: text('language', { enum: ['nl', 'en'] }),
    discountPercent: text('discount_percent'),
    buyerReference: text('buyer_reference'),
    note: text('note'),
    /** Credit notes: the invoice they correct. */
    creditedInvoiceId: uuid('credited_invoice_id'),
    paymentMeans: text('payment_means', { enum: ['credit_transfer', 'direct_debit'] })
      .notNull()
      .default('credit_transfer'),
    mandateReference: text('mandate_reference'),
    paymentReference: text('payment_reference'),
    /** Frozen at finalization: what the PDF and UBL were rendered from. */
    snapshot: jsonb('snapshot').$type<DocumentSnapshot>(),
    /** Amounts in cents: kept current on drafts, frozen with the snapshot. */
    totalExclVat: bigint('total_excl_vat', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    totalVat: bigint('total_vat', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    totalInclVat: bigint('total_incl_vat', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    finalizedBy: uuid('finalized_by').references(() => users.id, { onDelete: 'set null' }),
    /** 31 December of the issue year + 7 (art. 52 AWR). */
    retentionUntil: date('retention_until', { mode: 'string' }),
    /** Delivery facts, allowed to change after issue. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    internalNote: text('internal_note'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('invoices_number_key').on(table.tenantId, table.type, table.number),
    index('invoices_issue_date_idx').on(table.tenantId, table.issueDate, table.id),
    index('invoices_organization_idx').on(table.tenantId, table.organizationId),
    index('invoices_person_idx').on(table.tenantId, table.personId),
    foreignKey({
      name: 'invoices_credited_invoice_fk',
      columns: [table.tenantId, table.creditedInvoiceId],
      foreignColumns: [table.tenantId, table.id],
    }),
    check('invoices_one_customer', sql`num_nonnulls(${table.organizationId}, ${table.personId}) <= 1`),
    check(
      'invoices_issued_complete',
      sql`${table.status} = 'draft' OR (${table.number} IS NOT NULL AND ${table.snapshot} IS NOT NULL AND ${table.issueDate} IS NOT NULL)`,
    ),
  ],
);

/** The lines of a draft (an issued invoice's lines are its snapshot's, and these stay as they were). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    tenantId: tenantIdColumn(),
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    ...documentLineColumns(),
    /** Credit notes: the position of the credited invoice's line, so no line is credited beyond its quantity. */
    creditedPosition: integer('credited_position'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.invoiceId, table.position] }),
    foreignKey({
      name: 'invoice_lines_invoice_fk',
      columns: [table.tenantId, table.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Number series per document type: the format, and per year the last number given. Finalizing
 * increments the counter row inside the finalizing transaction; the row lock serializes
 * concurrent finalizations and a rollback gives the number back, so numbers have no gaps (§1.2).
 */
export const documentNumberSeries = pgTable(
  'document_number_series',
  {
    tenantId: tenantIdColumn(),
    documentType: text('document_type', { enum: ['invoice', 'credit_note', 'quote'] }).notNull(),
    /** `{YYYY}` the year of the issue date, `{seq:N}` the number padded to N digits. */
    format: text('format').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.documentType] })],
);

export const documentNumberCounters = pgTable(
  'document_number_counters',
  {
    tenantId: tenantIdColumn(),
    documentType: text('document_type', { enum: ['invoice', 'credit_note', 'quote'] }).notNull(),
    /** The issue year when the format has `{YYYY}` (a series per year), else 0. */
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.documentType, table.year] })],
);

/** The exact bytes sent (PDF, UBL), served unchanged for the retention period. */
export const invoiceFiles = pgTable(
  'invoice_files',
  {
    tenantId: tenantIdColumn(),
    invoiceId: uuid('invoice_id').notNull(),
    kind: text('kind', { enum: ['pdf', 'ubl_peppol', 'ubl_nlcius'] }).notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.invoiceId, table.kind] }),
    foreignKey({
      name: 'invoice_files_invoice_fk',
      columns: [table.tenantId, table.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
    }),
  ],
);

/** Payments registered against an invoice (full or partial). */
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    invoiceId: uuid('invoice_id').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    method: text('method', { enum: ['bank_transfer', 'direct_debit', 'cash', 'card', 'other'] }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('invoice_payments_invoice_idx').on(table.tenantId, table.invoiceId),
    foreignKey({
      name: 'invoice_payments_invoice_fk',
      columns: [table.tenantId, table.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
    }),
  ],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { documentLineColumns, type DocumentSnapshot } from '../invoices/index.ts';

/**
 * Quotes (offertes). A draft has no number and changes freely; sending gives the first version
 * the next number of the quote series, freezes `snapshot` and stores the PDF. Revising a sent
 * quote makes a new row with the same number and `revision` + 1; the old row stays as it was,
 * marked `superseded_at`. `expired` and `superseded` are computed, never stored as a status.
 */
export const quotes = pgTable(
  'quotes',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    /** Given at the first send; later versions carry the same number. */
    number: text('number'),
    /** The quote's version: 1, 2, … (the row version for If-Match is `version`). */
    revision: integer('revision').notNull().default(1),
    previousRevisionId: uuid('previous_revision_id'),
    status: text('status', { enum: ['draft', 'sent', 'viewed', 'accepted', 'declined'] })
      .notNull()
      .default('draft'),
    /** Set when a newer version was made from this one: it can no longer be accepted. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** The customer: an organization or a person of the CRM (one of the two). */
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    issueDate: date('issue_date', { mode: 'string' }),
    /** The last day the customer can accept. */
    validUntil: date('valid_until', { mode: 'string' }),
    language: text('language', { enum: ['nl', 'en'] }),
    discountPercent: text('discount_percent'),
    buyerReference: text('buyer_reference'),
    note: text('note'),
    /** 32 random bytes, base64url: the customer's link `/q/{token}`, unguessable and unique. */
    publicToken: text('public_token').notNull(),
    /** Frozen when sent: what the PDF and the public page show. */
    snapshot: jsonb('snapshot').$type<DocumentSnapshot>(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    sentTo: text('sent_to'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    /** Acceptance on the public page: the typed name, when, from where (evidence of consent). */
    acceptedName: text('accepted_name'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedIp: text('accepted_ip'),
    acceptedUserAgent: text('accepted_user_agent'),
    /** Indexes of the optional lines the customer ticked. */
    selectedOptionalLines: jsonb('selected_optional_lines').$type<number[]>(),
    declinedReason: text('declined_reason'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    /** The invoice draft made from the accepted quote (link cleared if that draft is deleted). */
    invoiceId: uuid('invoice_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('quotes_public_token_key').on(table.publicToken),
    uniqueIndex('quotes_number_revision_key').on(table.tenantId, table.number, table.revision),
    index('quotes_created_idx').on(table.tenantId, table.createdAt, table.id),
    index('quotes_organization_idx').on(table.tenantId, table.organizationId),
    index('quotes_person_idx').on(table.tenantId, table.personId),
    foreignKey({
      name: 'quotes_previous_revision_fk',
      columns: [table.tenantId, table.previousRevisionId],
      foreignColumns: [table.tenantId, table.id],
    }),
    check('quotes_one_customer', sql`num_nonnulls(${table.organizationId}, ${table.personId}) <= 1`),
    check(
      'quotes_sent_complete',
      sql`${table.status} = 'draft' OR (${table.number} IS NOT NULL AND ${table.snapshot} IS NOT NULL AND ${table.issueDate} IS NOT NULL AND ${table.validUntil} IS NOT NULL AND ${table.sentAt} IS NOT NULL)`,
    ),
  ],
);

/** The lines of a quote; those of a sent quote are also in its snapshot and no longer change. */
export const quoteLines = pgTable(
  'quote_lines',
  {
    tenantId: tenantIdColumn(),
    quoteId: uuid('quote_id').notNull(),
    position: integer('position').notNull(),
    ...documentLineColumns(),
    /** A line the customer may tick; not in the total unless ticked. */
    isOptional: boolean('is_optional').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.quoteId, table.position] }),
    foreignKey({
      name: 'quote_lines_quote_fk',
      columns: [table.tenantId, table.quoteId],
      foreignColumns: [quotes.tenantId, quotes.id],
    }).onDelete('cascade'),
  ],
);

/** The PDF exactly as sent, per version: downloads serve these bytes, never a new rendering. */
export const quoteFiles = pgTable(
  'quote_files',
  {
    tenantId: tenantIdColumn(),
    quoteId: uuid('quote_id').notNull(),
    kind: text('kind', { enum: ['pdf'] }).notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.quoteId, table.kind] }),
    foreignKey({
      name: 'quote_files_quote_fk',
      columns: [table.tenantId, table.quoteId],
      foreignColumns: [quotes.tenantId, quotes.id],
    }),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAtColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn, users } from '../../kernel/db/schema.ts';
import { mandates } from './mandates.tables.ts';

/**
 * A SEPA direct-debit batch (incasso-opdracht, domain rules §5.1): one scheme per batch, because
 * CORE and B2B go to the bank as separate files. The pain.008 file is stored as created (bytes +
 * SHA-256) and served unchanged; `message_id` (GrpHdr/MsgId) is never given out twice per tenant.
 */
export const directDebitBatches = pgTable(
  'direct_debit_batches',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    messageId: text('message_id').notNull(),
    scheme: text('scheme', { enum: ['CORE', 'B2B'] }).notNull(),
    /**
     * `open` until every item has an outcome from a bank statement (`settled`) or the batch is
     * withdrawn before anything of it was booked (`cancelled`).
     */
    status: text('status', { enum: ['open', 'settled', 'cancelled'] })
      .notNull()
      .default('open'),
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    /** The last day to hand the file to the bank (one TARGET day before the collection date). */
    submitBy: date('submit_by', { mode: 'string' }).notNull(),
    totalAmount: bigint('total_amount', { mode: 'bigint' }).notNull(),
    fileContent: bytea('file_content').notNull(),
    fileSha256: text('file_sha256').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('direct_debit_batches_message_id_key').on(table.tenantId, table.messageId),
    index('direct_debit_batches_created_idx').on(table.tenantId, table.createdAt, table.id),
  ],
);

/** One collection in a batch: an invoice, the mandate it is collected under and the amount. */
export const directDebitBatchItems = pgTable(
  'direct_debit_batch_items',
  {
    tenantId: tenantIdColumn(),
    batchId: uuid('batch_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    mandateId: uuid('mandate_id').notNull(),
    /** As written in the file: the mandate reference, sequence type, EndToEndId and amount. */
    mandateReference: text('mandate_reference').notNull(),
    sequenceType: text('sequence_type', { enum: ['FRST', 'RCUR', 'OOFF', 'FNAL'] }).notNull(),
    endToEndId: text('end_to_end_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    debtorName: text('debtor_name').notNull(),
    debtorIban: text('debtor_iban').notNull(),
    /** What the bank statements said: still `pending`, `collected` (credit booked) or `returned`. */
    outcome: text('outcome', { enum: ['pending', 'collected', 'returned'] })
      .notNull()
      .default('pending'),
    /** The R-transaction's reason code (AM04, MD06, …) of a returned collection. */
    returnReasonCode: text('return_reason_code'),
    /** The statement entry that gave the outcome, and its booking date (plain ids: bank statements own them). */
    outcomeEntryId: uuid('outcome_entry_id'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    /**
     * The mandate as it was before this batch (its last collection day and a pending amendment),
     * so withdrawing the batch can put it back; null for items made before this was kept.
     */
    mandateBefore: jsonb('mandate_before').$type<{ last_collection_on: string | null; original_iban: string | null }>(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.batchId, table.invoiceId] }),
    index('direct_debit_batch_items_invoice_idx').on(table.tenantId, table.invoiceId),
    foreignKey({
      name: 'direct_debit_batch_items_batch_fk',
      columns: [table.tenantId, table.batchId],
      foreignColumns: [directDebitBatches.tenantId, directDebitBatches.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'direct_debit_batch_items_mandate_fk',
      columns: [table.tenantId, table.mandateId],
      foreignColumns: [mandates.tenantId, mandates.id],
    }),
    check('direct_debit_batch_items_amount_positive', sql`${table.amount} > 0`),
  ],
);

/**
 * A SEPA credit-transfer batch of refunds (pain.001, domain rules §5.4). Each refund is booked as
 * a payment on its credit note when the batch is created, so a credit note is refunded once.
 */
export const refundBatches = pgTable(
  'refund_batches',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    messageId: text('message_id').notNull(),
    executionDate: date('execution_date', { mode: 'string' }).notNull(),
    totalAmount: bigint('total_amount', { mode: 'bigint' }).notNull(),
    fileContent: bytea('file_content').notNull(),
    fileSha256: text('file_sha256').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('refund_batches_message_id_key').on(table.tenantId, table.messageId),
    index('refund_batches_created_idx').on(table.tenantId, table.createdAt, table.id),
  ],
);

/** One refund: the credit note, the payment booked for it and the account paid to. */
export const refundBatchItems = pgTable(
  'refund_batch_items',
  {
    tenantId: tenantIdColumn(),
    batchId: uuid('batch_id').notNull(),
    creditNoteId: uuid('credit_note_id').notNull(),
    /** The invoice_payments row booked on the credit note (kept as a plain id: invoices owns it). */
    paymentId: uuid('payment_id'),
    endToEndId: text('end_to_end_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    creditorName: text('creditor_name').notNull(),
    creditorIban: text('creditor_iban').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.batchId, table.creditNoteId] }),
    index('refund_batch_items_credit_note_idx').on(table.tenantId, table.creditNoteId),
    foreignKey({
      name: 'refund_batch_items_batch_fk',
      columns: [table.tenantId, table.batchId],
      foreignColumns: [refundBatches.tenantId, refundBatches.id],
    }).onDelete('cascade'),
    check('refund_batch_items_amount_positive', sql`${table.amount} > 0`),
  ],
);

export type DirectDebitBatchRow = typeof directDebitBatches.$inferSelect;
export type DirectDebitBatchItemRow = typeof directDebitBatchItems.$inferSelect;
export type RefundBatchRow = typeof refundBatches.$inferSelect;
export type RefundBatchItemRow = typeof refundBatchItems.$inferSelect;

import { sql } from 'drizzle-orm';
import {
  bigint,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn, users } from '../../kernel/db/schema.ts';

/**
 * Imported bank statements (camt.053 or MT940, domain rules §5.5). One row per statement of an
 * account; importing the same statement again finds this row and adds only entries it lacks.
 */
export const bankStatements = pgTable(
  'bank_statements',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    format: text('format', { enum: ['camt.053.001.02', 'mt940'] }).notNull(),
    /** Stmt/Id or :20:/:28C:; with the IBAN it names the statement. */
    statementId: text('statement_id').notNull(),
    accountIban: text('account_iban').notNull(),
    currency: text('currency').notNull(),
    /** Signed cents: a debit balance is negative. */
    openingBalance: bigint('opening_balance', { mode: 'bigint' }).notNull(),
    openingDate: date('opening_date', { mode: 'string' }).notNull(),
    closingBalance: bigint('closing_balance', { mode: 'bigint' }).notNull(),
    closingDate: date('closing_date', { mode: 'string' }).notNull(),
    fileName: text('file_name'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('bank_statements_statement_key').on(table.tenantId, table.accountIban, table.statementId),
    index('bank_statements_created_idx').on(table.tenantId, table.createdAt, table.id),
  ],
);

/**
 * One booked transaction of a statement: an entry (Ntry / :61:) with one transaction, or one
 * TxDtls of a batch entry, which is matched on its own. `dedupe_key` keeps a second import of the
 * same entry out: (IBAN, AcctSvcrRef) when the bank gives one, else a hash of the entry's content.
 */
export const bankStatementEntries = pgTable(
  'bank_statement_entries',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    statementId: uuid('statement_id').notNull(),
    /** Order in the file: entry, then transaction within the entry. */
    position: integer('position').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    accountIban: text('account_iban').notNull(),
    bookingDate: date('booking_date', { mode: 'string' }),
    valueDate: date('value_date', { mode: 'string' }),
    /** Positive cents: this transaction's part of the entry. */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    creditDebit: text('credit_debit', { enum: ['CRDT', 'DBIT'] }).notNull(),
    isReversal: boolean('is_reversal').notNull().default(false),
    bankReference: text('bank_reference'),
    batchPaymentInformationId: text('batch_payment_information_id'),
    endToEndId: text('end_to_end_id'),
    mandateId: text('mandate_id'),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    remittanceText: text('remittance_text'),
    structuredReference: text('structured_reference'),
    returnReasonCode: text('return_reason_code'),
    status: text('status', { enum: ['booked', 'suggested', 'unmatched', 'returned', 'ignored'] }).notNull(),
    /** Which rule of §5.5 found the invoice (or `manual`). */
    matchRule: text('match_rule', {
      enum: ['end_to_end_id', 'structured_reference', 'remittance_text', 'amount_and_iban', 'manual'],
    }),
    invoiceId: uuid('invoice_id'),
    /** The payment this entry booked; for a return, the collection payment it removed. */
    paymentId: uuid('payment_id'),
    bookedAmount: bigint('booked_amount', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** Money received beyond what was due: kept here until credit balances exist. */
    unallocatedAmount: bigint('unallocated_amount', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** Several open invoices fit (rule 4): the candidates, for the person who matches by hand. */
    suggestedInvoiceIds: jsonb('suggested_invoice_ids').$type<string[]>().notNull().default([]),
    note: text('note'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('bank_statement_entries_dedupe_key').on(table.tenantId, table.accountIban, table.dedupeKey),
    index('bank_statement_entries_statement_idx').on(table.tenantId, table.statementId, table.position),
    index('bank_statement_entries_invoice_idx').on(table.tenantId, table.invoiceId),
    foreignKey({
      name: 'bank_statement_entries_statement_fk',
      columns: [table.tenantId, table.statementId],
      foreignColumns: [bankStatements.tenantId, bankStatements.id],
    }).onDelete('cascade'),
    check('bank_statement_entries_amount_positive', sql`${table.amount} > 0`),
  ],
);

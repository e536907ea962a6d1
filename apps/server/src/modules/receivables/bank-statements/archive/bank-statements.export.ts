import {
  BANK_STATEMENT_ENTRY_STATUSES,
  BANK_STATEMENT_MATCH_RULES,
  formatAmount,
  parseAmount,
} from '@clientbox/contracts';
import { z } from 'zod';
import {
  decimalText,
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  nullableText,
  parseArchiveRows,
  timestamp,
} from '../../../../kernel/export/archive-rows.ts';
import { hasTenantRows, inChunks, rejectMissingReferences } from '../../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { bankStatementEntries, bankStatements } from '../../bank-statements.tables.ts';
import { entryTransactionFields } from '../bank-statements.dto.ts';
import {
  allBankStatementEntryRows,
  allBankStatementRows,
  insertBankStatementEntryRows,
  insertBankStatementRows,
} from '../bank-statements.repository.ts';

const STATEMENTS = 'receivables.bank_statements';
const ENTRIES = 'receivables.bank_statement_entries';
const amount = decimalText(parseAmount);

const statementRow = z.strictObject({
  id: z.uuid(),
  format: z.enum(['camt.053.001.02', 'mt940']),
  statement_id: z.string().min(1),
  account_iban: z.string().min(1),
  currency: z.string().min(1),
  opening_balance: amount,
  opening_date: isoDate,
  closing_balance: amount,
  closing_date: isoDate,
  file_name: nullableText,
  created_by_email: nullableText,
  created_at: timestamp,
});
type StatementArchiveRow = z.output<typeof statementRow>;

const entryRow = z.strictObject({
  id: z.uuid(),
  statement_id: z.uuid(),
  position: z.number().int().min(0),
  dedupe_key: z.string().min(1),
  account_iban: z.string().min(1),
  booking_date: isoDate.nullable(),
  value_date: isoDate.nullable(),
  amount,
  credit_debit: z.enum(['CRDT', 'DBIT']),
  is_reversal: z.boolean(),
  bank_reference: nullableText,
  batch_payment_information_id: nullableText,
  end_to_end_id: nullableText,
  mandate_id: nullableText,
  counterparty_name: nullableText,
  counterparty_iban: nullableText,
  remittance_text: nullableText,
  structured_reference: nullableText,
  return_reason_code: nullableText,
  status: z.enum(BANK_STATEMENT_ENTRY_STATUSES),
  match_rule: z.enum(BANK_STATEMENT_MATCH_RULES).nullable(),
  invoice_id: z.uuid().nullable(),
  payment_id: z.uuid().nullable(),
  booked_amount: amount,
  unallocated_amount: amount,
  suggested_invoice_ids: z.array(z.uuid()),
  note: nullableText,
  created_at: timestamp,
  updated_at: timestamp,
});
type EntryArchiveRow = z.output<typeof entryRow>;

const uniqueIds = (entity: string, rows: { id: string }[]) => {
  if (new Set(rows.map((row) => row.id)).size !== rows.length) throw invalidArchive(entity, 'an id occurs twice');
};

/**
 * Imported bank statements: the balances and the file name, so a second import of the same file
 * after moving accounts is still recognised (with the entries' dedupe keys).
 */
export const bankStatementsExporter: ImportableExporter<StatementArchiveRow> = {
  entity: STATEMENTS,
  csv: true,
  importAfter: [],
  columns: Object.keys(statementRow.shape) as (keyof StatementArchiveRow)[],

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allBankStatementRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      format: row.format,
      statement_id: row.statementId,
      account_iban: row.accountIban,
      currency: row.currency,
      opening_balance: formatAmount(row.openingBalance),
      opening_date: row.openingDate,
      closing_balance: formatAmount(row.closingBalance),
      closing_date: row.closingDate,
      file_name: row.fileName,
      created_by_email: emailOf(row.createdBy),
      created_at: row.createdAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasTenantRows(tx, bankStatements, tenantId),

  async import(ctx, rows) {
    const parsed = parseArchiveRows(STATEMENTS, statementRow, rows);
    uniqueIds(STATEMENTS, parsed);
    const memberOf = await membersByEmail(ctx);
    await inChunks(parsed, (chunk) =>
      insertBankStatementRows(
        ctx.tx,
        chunk.map((row) => ({
          tenantId: ctx.tenantId,
          id: row.id,
          format: row.format,
          statementId: row.statement_id,
          accountIban: row.account_iban,
          currency: row.currency,
          openingBalance: parseAmount(row.opening_balance),
          openingDate: row.opening_date,
          closingBalance: parseAmount(row.closing_balance),
          closingDate: row.closing_date,
          fileName: row.file_name,
          createdBy: memberOf(row.created_by_email),
          createdAt: new Date(row.created_at),
        })),
      ),
    );
  },
};

/**
 * Every imported transaction with how it was matched: the invoice, the payment it booked (the
 * invoices archive keeps payment ids) or the collection payment a return removed.
 */
export const bankStatementEntriesExporter: ImportableExporter<EntryArchiveRow> = {
  entity: ENTRIES,
  csv: false,
  importAfter: [STATEMENTS, 'invoices.invoices', 'invoices.payments'],
  columns: Object.keys(entryRow.shape) as (keyof EntryArchiveRow)[],

  async export(ctx) {
    return (await allBankStatementEntryRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      statement_id: row.statementId,
      position: row.position,
      dedupe_key: row.dedupeKey,
      account_iban: row.accountIban,
      booking_date: row.bookingDate,
      value_date: row.valueDate,
      amount: formatAmount(row.amount),
      ...entryTransactionFields(row),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasTenantRows(tx, bankStatementEntries, tenantId),

  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTRIES, entryRow, rows);
    uniqueIds(ENTRIES, parsed);
    await rejectMissingReferences(ENTRIES, 'refers to a statement or invoice the archive does not hold', () =>
      inChunks(parsed, (chunk) =>
        insertBankStatementEntryRows(
          ctx.tx,
          chunk.map((row) => ({
            tenantId: ctx.tenantId,
            id: row.id,
            statementId: row.statement_id,
            position: row.position,
            dedupeKey: row.dedupe_key,
            accountIban: row.account_iban,
            bookingDate: row.booking_date,
            valueDate: row.value_date,
            amount: parseAmount(row.amount),
            creditDebit: row.credit_debit,
            isReversal: row.is_reversal,
            bankReference: row.bank_reference,
            batchPaymentInformationId: row.batch_payment_information_id,
            endToEndId: row.end_to_end_id,
            mandateId: row.mandate_id,
            counterpartyName: row.counterparty_name,
            counterpartyIban: row.counterparty_iban,
            remittanceText: row.remittance_text,
            structuredReference: row.structured_reference,
            returnReasonCode: row.return_reason_code,
            status: row.status,
            matchRule: row.match_rule,
            invoiceId: row.invoice_id,
            paymentId: row.payment_id,
            bookedAmount: parseAmount(row.booked_amount),
            unallocatedAmount: parseAmount(row.unallocated_amount),
            suggestedInvoiceIds: row.suggested_invoice_ids,
            note: row.note,
            createdAt: new Date(row.created_at),
            updatedAt: new Date(row.updated_at),
          })),
        ),
      ),
    );
  },
};

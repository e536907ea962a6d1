import { type BankStatementImportResult, formatAmount, normalizeIdentifier } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../../company/index.ts';
import type { BankStatement } from '../../statements/bank-statement.ts';
import { statementBalanceDifference } from '../../statements/statement-balance.ts';
import { statementAccountNotOurs, statementUnbalanced } from '../bank-statements.errors.ts';
import {
  type BankStatementEntryChanges,
  type BankStatementEntryRow,
  type BankStatementRow,
  entryStatusCounts,
  existingDedupeKeys,
  findBankStatementByStatementId,
  insertBankStatement,
  insertBankStatementEntry,
  nextEntryPosition,
  previousStatements,
  updateBankStatementEntry,
} from '../bank-statements.repository.ts';
import { toBankStatementDto } from '../bank-statements.dto.ts';
import { type EntryTransaction, entryTransactions } from '../domain/entry-rows.ts';
import { parseStatementFile } from '../domain/statement-file.ts';
import { matchCredit } from './match-credit.ts';
import { processReturn } from './process-return.ts';

export const BANK_STATEMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Imports a camt.053 or MT940 file (domain rules §5.5): every statement in it must be of the
 * company's own account and add up, or nothing is imported. Entries already imported (same
 * account and bank reference, or the same content) are skipped, so importing a file twice
 * changes nothing; each new transaction is matched and, when unambiguous, booked.
 */
export async function importBankStatement(
  ctx: TenantContext,
  bytes: Uint8Array,
  fileName: string | null,
  deps: { storage: FileStorage },
): Promise<BankStatementImportResult> {
  const statements = parseStatementFile(bytes);
  const company = await getCompany(ctx);
  const ownIban = company.iban ? normalizeIdentifier(company.iban) : null;
  for (const statement of statements) {
    if (statement.accountIban !== ownIban) throw statementAccountNotOurs(statement.accountIban);
    const difference = statementBalanceDifference(statement);
    if (difference !== 0n) throw statementUnbalanced(statement.statementId, formatAmount(difference));
  }

  const rows: BankStatementRow[] = [];
  let newEntries = 0;
  let duplicateEntries = 0;
  for (const statement of statements) {
    const row =
      (await findBankStatementByStatementId(ctx.tx, ctx.tenantId, statement.accountIban, statement.statementId)) ??
      (await insertBankStatement(ctx.tx, statementRow(ctx, statement, fileName)));
    rows.push(row);
    const transactions = entryTransactions(statement);
    const known = await existingDedupeKeys(
      ctx.tx,
      ctx.tenantId,
      statement.accountIban,
      transactions.map((transaction) => transaction.dedupeKey),
    );
    let position = await nextEntryPosition(ctx.tx, ctx.tenantId, row.id);
    for (const transaction of transactions) {
      if (known.has(transaction.dedupeKey)) {
        duplicateEntries += 1;
        continue;
      }
      const entry = await insertBankStatementEntry(ctx.tx, entryRow(ctx, row, transaction, position));
      position += 1;
      newEntries += 1;
      const changes = await matchEntry(ctx, entry, statement.closingBalance.date, deps);
      await updateBankStatementEntry(ctx.tx, ctx.tenantId, entry.id, changes);
    }
  }

  const pending = statements.reduce(
    (count, statement) => count + statement.entries.filter((entry) => entry.status === 'PDNG').length,
    0,
  );
  const counts = await entryStatusCounts(
    ctx.tx,
    ctx.tenantId,
    rows.map((row) => row.id),
  );
  // A statement that does not open with the previous closing balance is imported and flagged (§5.5).
  const previous = await previousStatements(
    ctx.tx,
    ctx.tenantId,
    rows.map((row) => row.accountIban),
  );
  const dtos = rows.map((row) => toBankStatementDto(row, counts, previous));
  await recordAuditEvent(ctx, {
    action: 'bank_statement.imported',
    targetType: 'bank_statement',
    targetId: rows[0]!.id,
    details: {
      file_name: fileName,
      statements: rows.map((row) => row.statementId),
      new_entries: newEntries,
      duplicate_entries: duplicateEntries,
      continuity_gaps: dtos
        .filter((dto) => dto.continuity.status === 'gap')
        .map((dto) => ({ statement_id: dto.statement_id, gap_amount: dto.continuity.gap_amount })),
    },
  });
  return {
    object: 'bank_statement_import',
    statements: dtos,
    new_entries: newEntries,
    duplicate_entries: duplicateEntries,
    pending_entries_skipped: pending,
  };
}

/**
 * Credits are matched to invoices; a debit with a return reason undoes a collection; other
 * debits (our own payments, bank costs) concern no invoice.
 */
async function matchEntry(
  ctx: TenantContext,
  entry: BankStatementEntryRow,
  statementDate: string,
  deps: { storage: FileStorage },
): Promise<BankStatementEntryChanges> {
  if (entry.creditDebit === 'DBIT') {
    if (entry.returnReasonCode) return processReturn(ctx, entry, deps);
    return { status: 'ignored', note: 'Outgoing payment' };
  }
  if (entry.isReversal) return { status: 'unmatched', note: 'The bank reverses an earlier debit' };
  return matchCredit(ctx, entry, entry.bookingDate ?? entry.valueDate ?? statementDate);
}

function statementRow(ctx: TenantContext, statement: BankStatement, fileName: string | null) {
  return {
    tenantId: ctx.tenantId,
    format: statement.format,
    statementId: statement.statementId,
    accountIban: statement.accountIban,
    currency: statement.currency,
    openingBalance: statement.openingBalance.amount,
    openingDate: statement.openingBalance.date,
    closingBalance: statement.closingBalance.amount,
    closingDate: statement.closingBalance.date,
    fileName,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  };
}

function entryRow(ctx: TenantContext, statement: BankStatementRow, item: EntryTransaction, position: number) {
  const { entry, transaction } = item;
  return {
    tenantId: ctx.tenantId,
    statementId: statement.id,
    position,
    dedupeKey: item.dedupeKey,
    accountIban: statement.accountIban,
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    amount: item.amount,
    creditDebit: entry.creditDebit,
    isReversal: entry.isReversal,
    bankReference: entry.bankReference,
    batchPaymentInformationId: entry.batch?.paymentInformationId ?? null,
    endToEndId: transaction.endToEndId,
    mandateId: transaction.mandateId,
    counterpartyName: transaction.counterparty?.name ?? null,
    counterpartyIban: transaction.counterparty?.iban ?? null,
    remittanceText: transaction.remittance.unstructured,
    structuredReference: transaction.remittance.structured?.reference ?? null,
    returnReasonCode: transaction.returnReasonCode,
    status: 'unmatched' as const,
  };
}

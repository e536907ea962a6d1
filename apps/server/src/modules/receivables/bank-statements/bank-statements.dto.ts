import {
  type BankStatement as BankStatementDto,
  type BankStatementEntry as BankStatementEntryDto,
  formatAmount,
} from '@clientbox/contracts';
import type {
  BankStatementEntryRow,
  BankStatementRow,
  EntryStatusCounts,
  PreviousStatements,
} from './bank-statements.repository.ts';
import { statementContinuity } from './domain/statement-continuity.ts';

export function toBankStatementDto(
  row: BankStatementRow,
  counts: EntryStatusCounts,
  previous: PreviousStatements,
): BankStatementDto {
  const perStatus = counts.get(row.id) ?? { booked: 0, suggested: 0, unmatched: 0, returned: 0, ignored: 0 };
  const total = Object.values(perStatus).reduce((sum, count) => sum + count, 0);
  return {
    object: 'bank_statement',
    id: row.id,
    format: row.format,
    statement_id: row.statementId,
    account_iban: row.accountIban,
    currency: row.currency,
    opening_balance: { amount: formatAmount(row.openingBalance), date: row.openingDate },
    closing_balance: { amount: formatAmount(row.closingBalance), date: row.closingDate },
    file_name: row.fileName,
    created_at: row.createdAt.toISOString(),
    counts: { total, ...perStatus },
    continuity: statementContinuity(row.openingBalance, previous.get(row.id) ?? null),
  };
}

/**
 * What the bank said about one transaction and how it was matched, as the API and the export
 * archive both name it (the API adds the currency, the archive the dedupe key and timestamps).
 */
export function entryTransactionFields(row: BankStatementEntryRow) {
  return {
    credit_debit: row.creditDebit,
    is_reversal: row.isReversal,
    bank_reference: row.bankReference,
    batch_payment_information_id: row.batchPaymentInformationId,
    end_to_end_id: row.endToEndId,
    mandate_id: row.mandateId,
    counterparty_name: row.counterpartyName,
    counterparty_iban: row.counterpartyIban,
    remittance_text: row.remittanceText,
    structured_reference: row.structuredReference,
    return_reason_code: row.returnReasonCode,
    status: row.status,
    match_rule: row.matchRule,
    invoice_id: row.invoiceId,
    payment_id: row.paymentId,
    booked_amount: formatAmount(row.bookedAmount),
    unallocated_amount: formatAmount(row.unallocatedAmount),
    suggested_invoice_ids: row.suggestedInvoiceIds,
    note: row.note,
  };
}

export function toBankStatementEntryDto(row: BankStatementEntryRow, currency: string): BankStatementEntryDto {
  return {
    object: 'bank_statement_entry',
    id: row.id,
    statement_id: row.statementId,
    position: row.position,
    booking_date: row.bookingDate,
    value_date: row.valueDate,
    amount: formatAmount(row.amount),
    currency,
    ...entryTransactionFields(row),
  };
}

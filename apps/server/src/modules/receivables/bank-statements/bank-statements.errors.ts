import { AppError } from '../../../kernel/errors/app-error.ts';

/** Error codes of the bank statement import and matching, with their HTTP status. */
export const BANK_STATEMENT_ERRORS = {
  bank_statement_not_found: 404,
  bank_statement_entry_not_found: 404,
  /** The statement's IBAN is not the company's own account: nothing of it is booked. */
  statement_account_not_ours: 422,
  /** OPBD + Σ entries ≠ CLBD: entries are missing or extra, so none are booked. */
  statement_unbalanced: 422,
  /** Booked, returned or ignored already: undo it on the invoice instead. */
  bank_statement_entry_resolved: 409,
  /** Only a received amount can pay an invoice; debits are returns or our own payments. */
  bank_statement_entry_not_credit: 409,
  bank_statement_invoice_nothing_due: 409,
} as const satisfies Record<string, number>;

export const bankStatementNotFound = () => new AppError('bank_statement_not_found');
export const bankStatementEntryNotFound = () => new AppError('bank_statement_entry_not_found');

export const statementAccountNotOurs = (iban: string) =>
  new AppError('statement_account_not_ours', {
    detail: `The statement is for account ${iban}, which is not the IBAN in the company details.`,
  });

export const statementUnbalanced = (statementId: string, difference: string) =>
  new AppError('statement_unbalanced', {
    detail: `Statement ${statementId}: closing balance − (opening balance + entries) = ${difference}.`,
    fields: [{ field: 'difference', code: 'statement_unbalanced', message: difference }],
  });

export const entryResolved = (status: string) =>
  new AppError('bank_statement_entry_resolved', { detail: `This entry is ${status} already.` });

export const entryNotCredit = () => new AppError('bank_statement_entry_not_credit');

export const invoiceNothingDue = (number: string) =>
  new AppError('bank_statement_invoice_nothing_due', { detail: `Nothing is due on invoice ${number}.` });

export const invoiceNotPayable = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'invoice_id', code: 'invoice_not_payable', message: 'invoice_not_payable' }],
  });

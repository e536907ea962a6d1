import { AppError } from '../../../kernel/errors/app-error.ts';

/** Why an uploaded statement file is refused. All 422: the file, not the server, is at fault. */
export const STATEMENT_FILE_ERRORS = {
  /** Not XML, or XML that breaks off: nothing of it may be booked. */
  statement_not_well_formed: 422,
  /** Well-formed, but another message (camt.052, camt.054, pain.002, …) or another version. */
  statement_not_camt053: 422,
  /** A camt.053 or MT940 without a required part (account, balances, amounts). */
  statement_incomplete: 422,
  /** Text that is no MT940 statement (no :20:/:25:/:60F:/:62F: block). */
  statement_not_mt940: 422,
} as const satisfies Record<string, number>;

export type StatementFileErrorCode = keyof typeof STATEMENT_FILE_ERRORS;

export function statementFileError(code: StatementFileErrorCode, detail: string): AppError {
  return new AppError(code, { detail });
}

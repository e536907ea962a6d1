import { AppError } from '../../../kernel/errors/app-error.ts';

/**
 * Why a payment file cannot be written. The builders refuse rather than produce a file the bank
 * would reject; the use cases that select invoices and mandates should have caught each earlier.
 * All 422: the input, not the server, is at fault. The receivables manifest adds these codes.
 */
export const SEPA_FILE_ERRORS = {
  /** A pain file needs at least one transaction (XSD: DrctDbtTxInf / CdtTrfTxInf 1..n). */
  sepa_batch_empty: 422,
  /** SEPA amounts are 0.01–999999999.99 EUR (EPC rulebook AT-06 / AT-04). */
  sepa_amount_out_of_range: 422,
  /** MsgId, EndToEndId and MndtId: 1–35 characters of the SEPA set, no leading/trailing or double `/`. */
  sepa_identifier_invalid: 422,
  /** An RF reference in Strd/CdtrRefInf must pass ISO 11649 (mod 97), or the bank rejects it. */
  sepa_creditor_reference_invalid: 422,
  /** An IBAN that fails mod 97 (domain rules §6.1). */
  sepa_iban_invalid: 422,
  /** A BIC that does not match ISO 9362 (domain rules §6.1). */
  sepa_bic_invalid: 422,
} as const satisfies Record<string, number>;

export type SepaFileErrorCode = keyof typeof SEPA_FILE_ERRORS;

export function sepaFileError(code: SepaFileErrorCode, detail: string): AppError {
  return new AppError(code, { detail });
}

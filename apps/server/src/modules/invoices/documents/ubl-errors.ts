import { AppError } from '../../../kernel/errors/app-error.ts';

/**
 * Why a document cannot become a valid e-invoice. The renderer refuses rather than write UBL the
 * validators would reject; finalisation should have caught each of these earlier (domain rules
 * §1.1, §2.1). All 422: the document, not the server, is at fault. The invoices module adds these
 * to its error codes.
 */
export const UBL_ERRORS = {
  /** Quotes are offers, not invoices: there is no UBL for them. */
  ubl_quote_not_supported: 422,
  /** NL-R-001 / BR-NL-9: a credit note must name the invoice it corrects. */
  ubl_billing_reference_missing: 422,
  /** BR-10, BR-11: the buyer's postal address with country. */
  ubl_customer_address_missing: 422,
  /** PEPPOL-EN16931-R010: the buyer needs an electronic address; we use their KvK or VAT id. */
  ubl_customer_identifier_missing: 422,
  /** BR-NL-10 (NLCIUS): a Dutch buyer's legal entity must be identified by KvK (0106). */
  ubl_customer_kvk_missing: 422,
  /** BR-AE-02, BR-IC-02: reverse charge and intra-EU supply name the buyer's VAT id. */
  ubl_customer_vat_number_missing: 422,
  /** BR-IC-11, BR-IC-12: intra-EU supply needs a supply date or period, and the deliver-to country. */
  ubl_intra_community_delivery_missing: 422,
  /** BR-O-11..14: outside-scope lines go on a separate document. */
  ubl_outside_scope_mixed: 422,
  /** NL-R-007 / BR-NL-11: an invoice with something to pay states how. */
  ubl_payment_missing: 422,
  /** PEPPOL-EN16931-R061, BT-90, BT-91: direct debit needs mandate, debited IBAN and creditor id. */
  ubl_direct_debit_incomplete: 422,
} as const satisfies Record<string, number>;

export type UblErrorCode = keyof typeof UBL_ERRORS;

export function ublError(code: UblErrorCode, detail: string): AppError {
  return new AppError(code, { detail });
}

import { mod97, normalizeIdentifier } from './normalize-identifier.ts';

/**
 * ISO 11649 structured creditor reference (domain rules §6.4): `RF` + 2 check digits + 1–21
 * alphanumerics. It is the payment reference (UBL PaymentID, BT-83) on our invoices, so a bank
 * can match the incoming transfer to the invoice.
 */
const REFERENCE = /^RF\d{2}[A-Z0-9]{1,21}$/;

/** `2026-000123` → `RF462026000123`: keep [A-Z0-9], append `RF00`, check = 98 − (n mod 97). */
export function creditorReference(documentNumber: string): string {
  const body = documentNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (body.length < 1 || body.length > 21) {
    throw new RangeError(`creditor reference needs 1–21 letters or digits, got "${documentNumber}"`);
  }
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** Accepts spaces and lower case (`rf18 5390 0754 7034`); first four characters to the end, mod 97 = 1. */
export function isValidCreditorReference(text: string): boolean {
  const reference = normalizeIdentifier(text);
  if (!REFERENCE.test(reference)) return false;
  return mod97(reference.slice(4) + reference.slice(0, 4)) === 1;
}

/** Print form in groups of four: `RF46 2026 0001 23`. */
export function formatCreditorReference(reference: string): string {
  return normalizeIdentifier(reference).replace(/(.{4})(?=.)/g, '$1 ');
}

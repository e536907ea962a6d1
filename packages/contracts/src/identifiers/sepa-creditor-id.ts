import { mod97, normalizeIdentifier } from './normalize-identifier.ts';

/**
 * Dutch SEPA creditor identifier (domain rule §5.3): `NL` + 2 check digits + a 3-character
 * business code + KvK number (8 digits) + a 4-character suffix. The business code (default
 * `ZZZ`) is not part of the check, so `NL69ZZZ…` and `NL69XYZ…` name the same creditor.
 */
const NL_CREDITOR_ID = /^NL(\d{2})[A-Z0-9]{3}(\d{8}[A-Z0-9]{4})$/;

/** Check digits = 98 − (n mod 97) over the national part + `NL00`, letters as A=10…Z=35. */
export function isValidSepaCreditorId(input: string): boolean {
  const creditorId = normalizeIdentifier(input);
  const match = NL_CREDITOR_ID.exec(creditorId);
  if (!match) return false;
  const [, checkDigits, nationalPart] = match;
  return Number(checkDigits) === 98 - mod97(`${nationalPart}NL00`);
}

/**
 * The creditor as banks compare it: the business code left out (`NL69ZZZ123456780000` and
 * `NL69XYZ123456780000` are the same creditor).
 */
export function sepaCreditorKey(input: string): string {
  const creditorId = normalizeIdentifier(input);
  return creditorId.slice(0, 4) + creditorId.slice(7);
}

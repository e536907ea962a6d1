/**
 * The Dutch betalingskenmerk (Currence, domain rules §6.4): the structured reference of Dutch
 * acceptgiro's and iDEAL, `Issr=CUR` in a camt.053. 16 digits (check digit + 15), 9–14 digits
 * (check digit + length code + digits) or 7 digits (no check digit). The check digit is
 * 11 − (Σ digit × weight mod 11) over the digits after it, weights 2, 4, 8, 5, 10, 9, 7, 3, 6, 1
 * from the right (repeating); 10 is written 1 and 11 is written 0.
 */
const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];

export function betalingskenmerkCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1)
    sum += Number(digits[digits.length - 1 - index]) * WEIGHTS[index % WEIGHTS.length]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 1 : check === 11 ? 0 : check;
}

export interface Betalingskenmerk {
  /** Digits only, as the bank carries it. */
  kenmerk: string;
  /** The number the creditor chose: the digits after the check digit (and length code). */
  payload: string;
}

/** The kenmerk when `reference` is one (spaces, dots and dashes ignored), else null. */
export function parseBetalingskenmerk(reference: string | null): Betalingskenmerk | null {
  const kenmerk = reference?.replace(/[\s.-]/g, '') ?? '';
  if (!/^\d+$/.test(kenmerk)) return null;
  if (kenmerk.length === 7) return { kenmerk, payload: kenmerk };
  const checked = kenmerk.slice(1);
  if (Number(kenmerk[0]) !== betalingskenmerkCheckDigit(checked)) return null;
  if (kenmerk.length === 16) return { kenmerk, payload: checked };
  // 9–14 digits: the second digit is the length code, the total length modulo 10.
  if (kenmerk.length >= 9 && kenmerk.length <= 14 && Number(kenmerk[1]) === kenmerk.length % 10)
    return { kenmerk, payload: kenmerk.slice(2) };
  return null;
}

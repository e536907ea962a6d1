import { mod97, normalizeIdentifier } from './normalize-identifier.ts';

/** IBAN lengths per country for the SEPA area we serve; an unknown country only gets the generic checks. */
const IBAN_LENGTHS: Record<string, number> = {
  NL: 18,
  BE: 16,
  DE: 22,
  FR: 27,
  LU: 20,
  ES: 24,
  IT: 27,
  AT: 20,
  GB: 22,
  IE: 22,
  PT: 25,
  DK: 18,
  FI: 18,
  SE: 24,
  PL: 28,
  CH: 21,
  NO: 15,
};

/** IBAN (domain rule §6.1): first four characters to the end, letters to numbers, mod 97 must be 1. */
export function isValidIban(input: string): boolean {
  const iban = normalizeIdentifier(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expectedLength = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expectedLength !== undefined && iban.length !== expectedLength) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** Display form: groups of four (`NL91 ABNA 0417 1643 00`). */
export function formatIban(input: string): string {
  return normalizeIdentifier(input).replace(/(.{4})(?=.)/g, '$1 ');
}

/** BIC: 4 bank letters, 2 country letters, 2 location characters, optional 3-character branch; no checksum. */
export function isValidBic(input: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normalizeIdentifier(input));
}

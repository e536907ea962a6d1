import { isValidCreditorReference, normalizeIdentifier } from '@clientbox/contracts';

/**
 * An EndToEndId that can be ours: the invoice number we wrote into the collection (pain.008)
 * or credit transfer. Incoming transfers mostly carry `NOTPROVIDED` (domain rules §5.5 rule 1).
 */
export function issuedEndToEndId(endToEndId: string | null): string | null {
  const value = endToEndId?.trim();
  if (!value || value.toUpperCase() === 'NOTPROVIDED') return null;
  return value;
}

/** A structured reference that is an RF creditor reference passing mod 97 (rule 2), normalized. */
export function validCreditorReference(reference: string | null): string | null {
  if (!reference || !isValidCreditorReference(reference)) return null;
  return normalizeIdentifier(reference);
}

/** The text with only letters and digits, upper case: what invoice numbers are compared on. */
export function compactText(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Whether the payer's text names `identifier` (an invoice number or RF reference) as a word of
 * its own, spaces and dashes ignored (rule 3): `2026-000123` = `2026 000123` = `2026000123`, but
 * not inside `20260001234`.
 */
export function textMentions(text: string, identifier: string): boolean {
  const characters = compactText(identifier).split('');
  if (characters.length === 0) return false;
  const pattern = characters.join('[\\s-]*');
  return new RegExp(`(?<![A-Z0-9])${pattern}(?![A-Z0-9])`, 'i').test(text);
}

import { normalizeIdentifier } from './normalize-identifier.ts';

/** KvK number: exactly 8 digits, no checksum; kept as a string so leading zeros survive (domain rule §6.2). */
export function isValidKvkNumber(input: string): boolean {
  return /^\d{8}$/.test(normalizeIdentifier(input));
}

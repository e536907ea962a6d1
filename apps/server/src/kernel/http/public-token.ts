import { randomBytes } from 'node:crypto';

/**
 * A link that a customer opens without logging in (a quote, a mandate to sign): 32 random bytes
 * (256 bits), base64url, so it cannot be guessed or listed. Always 43 characters.
 */
export function newPublicToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The shape of `newPublicToken`'s output: anything else is no token (answer 404 without a lookup). */
export const PUBLIC_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

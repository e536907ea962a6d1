import { randomBytes } from 'node:crypto';

/** The customer's link: 32 random bytes (256 bits), base64url, so it cannot be guessed or listed. */
export function newPublicToken(): string {
  return randomBytes(32).toString('base64url');
}

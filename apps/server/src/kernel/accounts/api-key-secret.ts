import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'cbx_';

/** 32 random bytes, base64url: unguessable; only the SHA-256 is stored, the prefix is shown. */
export function generateApiKeySecret(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(KEY_PREFIX) && token.length > 20 && token.length < 100;
}

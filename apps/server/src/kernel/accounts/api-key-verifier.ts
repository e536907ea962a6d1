import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys } from '../db/schema.ts';
import { hashApiKey, looksLikeApiKey } from './api-key-secret.ts';

export interface VerifiedApiKey {
  id: string;
  tenantId: string;
  name: string;
}

/** How long a verified key is trusted from memory; a revoked key stops working within this time. */
const CACHE_MILLISECONDS = 10_000;
/** `last_used_at` is written at most this often per key, so reads stay reads. */
const TOUCH_MILLISECONDS = 60_000;

/**
 * Resolves `Authorization: Bearer <key>` to its tenant. A small cache keeps the hot path to one
 * hash and a map lookup; revocation in this process clears the entry at once.
 */
export function createApiKeyVerifier(db: Db, onFirstUseInWindow?: (key: VerifiedApiKey, ip: string | null) => void) {
  const cache = new Map<string, { key: VerifiedApiKey | null; expiresAt: number }>();
  const lastTouched = new Map<string, number>();

  async function verify(token: string, ip: string | null = null): Promise<VerifiedApiKey | null> {
    if (!looksLikeApiKey(token)) return null;
    const hash = hashApiKey(token);
    const now = Date.now();
    const cached = cache.get(hash);
    let key = cached && cached.expiresAt > now ? cached.key : undefined;
    if (key === undefined) {
      const [row] = await db
        .select({ id: apiKeys.id, tenantId: apiKeys.tenantId, name: apiKeys.name })
        .from(apiKeys)
        .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
      key = row ?? null;
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, { key, expiresAt: now + CACHE_MILLISECONDS });
    }
    if (key && (lastTouched.get(key.id) ?? 0) + TOUCH_MILLISECONDS < now) {
      lastTouched.set(key.id, now);
      void db
        .update(apiKeys)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(apiKeys.id, key.id))
        .catch(() => undefined);
      onFirstUseInWindow?.(key, ip);
    }
    return key;
  }

  function forget(keyId: string): void {
    for (const [hash, entry] of cache) if (entry.key?.id === keyId) cache.delete(hash);
  }

  return { verify, forget };
}

export type ApiKeyVerifier = ReturnType<typeof createApiKeyVerifier>;

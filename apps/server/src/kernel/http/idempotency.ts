import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

/** How long a key and its answer are kept (API conventions §6). */
const KEPT = sql`interval '24 hours'`;
/** Printable ASCII without spaces, up to 255 characters (a UUID is the usual choice). */
const KEY = /^[\x21-\x7e]{1,255}$/;
/** The answer's headers a client acts on, replayed with it. */
const REPLAYED_HEADERS = ['location', 'etag'] as const;

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** The request's `Idempotency-Key`, or null without one; a malformed key is refused at the header. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (KEY.test(value)) return value;
  throw new AppError('validation_failed', {
    detail: 'Idempotency-Key must be 1 to 255 printable characters without spaces, such as a UUID.',
    fields: [{ field: 'Idempotency-Key', code: 'invalid_idempotency_key', message: 'invalid_idempotency_key' }],
  });
}

/** What makes two requests "the same": method, path with query, and body. */
export function requestHashOf(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * Claims the key in the request's transaction. A new key (or one older than 24 hours) is taken
 * and the request runs; a concurrent request with the same key waits on the key's row until the
 * first commits, then gets its answer. The same key with another request is refused (409).
 * Expired keys of the tenant are removed on the way.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  tenantId: string,
  key: string,
  requestHash: string,
): Promise<StoredAnswer | null> {
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), lt(idempotencyKeys.createdAt, sql`now() - ${KEPT}`)));
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ tenantId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return null;
  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
  if (!stored || stored.requestHash !== requestHash)
    throw new AppError('idempotency_key_reused', {
      detail: 'This Idempotency-Key was used for another request in the last 24 hours.',
    });
  // Only an answer that could not be stored (a streamed file) leaves the key without one.
  if (stored.responseStatus === null)
    throw new AppError('idempotency_key_reused', { detail: 'The answer to this request cannot be replayed.' });
  return { status: stored.responseStatus, body: stored.responseBody, headers: stored.responseHeaders ?? {} };
}

/** Stores the answer with the key, in the transaction that did the work: both commit or neither. */
export async function storeIdempotentAnswer(
  tx: Tx,
  tenantId: string,
  key: string,
  answer: { status: number; body: unknown; headers: Record<string, unknown> },
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = answer.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  await tx
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body ?? null, responseHeaders: headers })
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
}

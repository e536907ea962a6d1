import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { tenants } from '../db/schema.ts';

const EVERY_MILLISECONDS = 5 * 60_000;

/**
 * "Last activity" for the operator console: written at most once per five minutes per tenant,
 * after the request, so it costs a request nothing and the tenants table no write per request.
 */
export function createTenantActivityRecorder(ownerDb: Db, logger: { warn(obj: object, msg: string): void }) {
  const lastWritten = new Map<string, number>();
  return (tenantId: string): void => {
    const now = Date.now();
    if ((lastWritten.get(tenantId) ?? 0) > now - EVERY_MILLISECONDS) return;
    if (lastWritten.size > 10_000) lastWritten.clear();
    lastWritten.set(tenantId, now);
    void ownerDb
      .update(tenants)
      .set({ lastActivityAt: new Date(now) })
      .where(eq(tenants.id, tenantId))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not record tenant activity'));
  };
}

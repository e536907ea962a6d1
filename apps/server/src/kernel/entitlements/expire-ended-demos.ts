import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { tenants } from '../db/schema.ts';
import { changeTenantState } from './change-tenant-state.ts';

/**
 * Terms art. 10: the demo ends by itself. Requests already treat an ended demo as expired; this
 * sweep also stores it (for the operator's lists and the audit log). Idempotent, so several
 * processes may run it at the same time: a tenant another process expired first is skipped.
 */
export async function expireEndedDemos(database: Database, now: Date = new Date()): Promise<string[]> {
  const ended = await database.owner
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.state, 'demo'), lte(tenants.demoEndsAt, now)));
  const expired: string[] = [];
  for (const { id } of ended) {
    const done = await changeTenantState(database, id, 'expire_demo').then(
      () => true,
      () => false,
    );
    if (done) expired.push(id);
  }
  return expired;
}

/** Runs the sweep now and then every interval, until stopped. */
export function startDemoExpirySweep(
  database: Database,
  logger: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  intervalMs = 15 * 60_000,
) {
  const sweep = () =>
    expireEndedDemos(database).then(
      (ids) => ids.length && logger.info({ tenants: ids }, 'demos expired'),
      (error: unknown) => logger.warn({ err: error }, 'demo expiry sweep failed'),
    );
  void sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

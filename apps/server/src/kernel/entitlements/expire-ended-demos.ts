import { and, eq, lte, ne } from 'drizzle-orm';
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

/**
 * Terms art. 15: a deactivation announced five days ahead is carried out when its moment has
 * come (requests already treat the tenant as deactivated from then on).
 */
export async function deactivateDueTenants(database: Database, now: Date = new Date()): Promise<string[]> {
  const due = await database.owner
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(ne(tenants.state, 'deactivated'), lte(tenants.deactivationDueAt, now)));
  const deactivated: string[] = [];
  for (const { id } of due) {
    const done = await changeTenantState(database, id, 'deactivate').then(
      () => true,
      () => false,
    );
    if (done) deactivated.push(id);
  }
  return deactivated;
}

/** Runs the sweep now and then every interval, until stopped. */
export function startDemoExpirySweep(
  database: Database,
  logger: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  intervalMs = 15 * 60_000,
) {
  const sweep = () =>
    Promise.all([
      expireEndedDemos(database).then((ids) => ids.length && logger.info({ tenants: ids }, 'demos expired')),
      deactivateDueTenants(database).then((ids) => ids.length && logger.info({ tenants: ids }, 'tenants deactivated')),
    ]).catch((error: unknown) => logger.warn({ err: error }, 'tenant lifecycle sweep failed'));
  void sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

import { asc, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { outboxEvents } from '../db/schema.ts';

/** The runner's own event: "run this job". Its payload is a {@link JobRequest}. */
export const JOB_REQUESTED = 'job.requested';

/**
 * NOTIFY channel the dispatcher listens on. The NOTIFY is sent inside the writing transaction,
 * so PostgreSQL delivers it only when that transaction commits: the wake-up never arrives before
 * the event is visible, and never for a rollback.
 */
export const OUTBOX_CHANNEL = 'clientbox_outbox';

export interface JobRequest {
  name: string;
  jobRunId: string;
  payload: unknown;
}

export interface PendingEvent {
  tenantId: string;
  id: string;
  type: string;
  payload: unknown;
  occurredAt: Date;
}

/** Appends an event in the caller's tenant transaction: it exists exactly when the change commits. */
export async function writeOutboxEvent(tx: Tx, tenantId: string, type: string, payload: unknown): Promise<string> {
  const [row] = await tx
    .insert(outboxEvents)
    .values({ tenantId, type, payload: payload ?? {} })
    .returning({ id: outboxEvents.id });
  await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
  return row!.id;
}

/**
 * The oldest pending events of every tenant, locked for this transaction. Runs on the owner
 * connection: a superuser (PGlite) bypasses row-level security, any other owner passes through the
 * `outbox_dispatcher` policy. SKIP LOCKED lets several processes dispatch side by side.
 */
export async function lockPendingEvents(tx: Db, limit: number): Promise<PendingEvent[]> {
  return tx
    .select({
      tenantId: outboxEvents.tenantId,
      id: outboxEvents.id,
      type: outboxEvents.type,
      payload: outboxEvents.payload,
      occurredAt: outboxEvents.occurredAt,
    })
    .from(outboxEvents)
    .where(isNull(outboxEvents.dispatchedAt))
    .orderBy(asc(outboxEvents.occurredAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markEventsDispatched(tx: Db, events: PendingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const keys = sql.join(
    events.map((event) => sql`(${event.tenantId}::uuid, ${event.id}::uuid)`),
    sql`, `,
  );
  await tx
    .update(outboxEvents)
    .set({ dispatchedAt: sql`now()` })
    .where(sql`(${outboxEvents.tenantId}, ${outboxEvents.id}) IN (${keys})`);
}

/** Dispatched events are kept a while for diagnosis, then removed. */
export async function deleteDispatchedEvents(db: Db, olderThanDays: number): Promise<void> {
  await db
    .delete(outboxEvents)
    .where(lt(outboxEvents.dispatchedAt, sql`now() - make_interval(days => ${olderThanDays})`));
}

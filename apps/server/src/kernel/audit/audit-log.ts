import type { AuditEvent } from '@clientbox/contracts';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { auditEvents } from '../db/schema.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Writes one audit entry in the caller's tenant transaction: it commits or rolls back with the change. */
export async function recordAuditEvent(
  ctx: Pick<TenantContext, 'tenantId' | 'actor' | 'meta' | 'tx'>,
  entry: AuditEntry,
): Promise<void> {
  await ctx.tx.insert(auditEvents).values({
    tenantId: ctx.tenantId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
    requestId: ctx.meta.requestId,
    details: entry.details ?? {},
  });
}

/** Newest first, cursor paging on (occurred_at, id). */
export async function listAuditEvents(
  tx: Tx,
  tenantId: string,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ data: AuditEvent[]; hasMore: boolean }> {
  let cursorFilter;
  if (page.startingAfter) {
    const [cursor] = await tx
      .select({ occurredAt: auditEvents.occurredAt, id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.id, page.startingAfter)));
    if (cursor) {
      cursorFilter = or(
        lt(auditEvents.occurredAt, cursor.occurredAt),
        and(eq(auditEvents.occurredAt, cursor.occurredAt), lt(auditEvents.id, cursor.id)),
      );
    }
  }
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, tenantId), cursorFilter))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(page.limit + 1);
  return {
    hasMore: rows.length > page.limit,
    data: rows.slice(0, page.limit).map((row) => ({
      id: row.id,
      occurred_at: row.occurredAt.toISOString(),
      actor_type: row.actorType,
      actor_id: row.actorId,
      actor_name: row.actorName,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      ip: row.ip,
      user_agent: row.userAgent,
      request_id: row.requestId,
      details: row.details,
    })),
  };
}

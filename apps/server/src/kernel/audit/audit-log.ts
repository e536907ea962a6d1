import type { AuditEvent } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { auditEvents } from '../db/schema.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * Writes one audit entry in the caller's tenant transaction: it commits or rolls back with the
 * change. Returns its id, for a module that shows the entry as a record of its own (a sent log).
 */
export async function recordAuditEvent(
  ctx: Pick<TenantContext, 'tenantId' | 'actor' | 'meta' | 'tx'>,
  entry: AuditEntry,
): Promise<string> {
  const [row] = await ctx.tx
    .insert(auditEvents)
    .values({
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
    })
    .returning({ id: auditEvents.id });
  return row!.id;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: AuditEvent['actor_type'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

/**
 * Newest first, cursor paging on (occurred_at, id). Plain SQL rather than the query builder:
 * this list is read often and long, and mapping rows through the builder cost more CPU than
 * the query itself (see bench/).
 */
export async function listAuditEvents(
  tx: Tx,
  tenantId: string,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ data: AuditEvent[]; hasMore: boolean }> {
  const after = page.startingAfter
    ? sql`AND (occurred_at, id) < (SELECT occurred_at, id FROM audit_events WHERE tenant_id = ${tenantId} AND id = ${page.startingAfter})`
    : sql``;
  const result = await tx.execute(sql`
    SELECT id, occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id, ip, user_agent, request_id, details
    FROM audit_events
    WHERE tenant_id = ${tenantId} ${after}
    ORDER BY occurred_at DESC, id DESC
    LIMIT ${page.limit + 1}`);
  const rows = (result as unknown as { rows: AuditRow[] }).rows;
  return {
    hasMore: rows.length > page.limit,
    data: rows.slice(0, page.limit).map((row) => ({ ...row, occurred_at: new Date(row.occurred_at).toISOString() })),
  };
}

/**
 * The entries of some actions about one record, newest first. There is no index on the target:
 * `since` (when the record could first have such entries) bounds the scan on the
 * (tenant_id, occurred_at) index, so it reads the tenant's entries since then, not all of them.
 */
export async function listAuditEventsOfTarget(
  tx: Tx,
  tenantId: string,
  query: { targetType: string; targetId: string; actions: string[]; since: Date; limit: number },
): Promise<AuditEvent[]> {
  const actions = sql.join(
    query.actions.map((action) => sql`${action}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    SELECT id, occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id, ip, user_agent, request_id, details
    FROM audit_events
    WHERE tenant_id = ${tenantId} AND occurred_at >= ${query.since.toISOString()}::timestamptz
      AND target_type = ${query.targetType} AND target_id = ${query.targetId} AND action IN (${actions})
    ORDER BY occurred_at DESC, id DESC
    LIMIT ${query.limit}`);
  const rows = (result as unknown as { rows: AuditRow[] }).rows;
  return rows.map((row) => ({ ...row, occurred_at: new Date(row.occurred_at).toISOString() }));
}

import { NOTE_KINDS } from '@clientbox/contracts';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../../kernel/db/database.ts';
import { timelineItems } from '../../crm.tables.ts';

export type TimelineRow = typeof timelineItems.$inferSelect;
export type NewTimelineRow = typeof timelineItems.$inferInsert;
export type TimelineOwner = { organizationId: string } | { personId: string };

export async function findTimelineItem(tx: Tx, tenantId: string, id: string): Promise<TimelineRow | null> {
  const [row] = await tx
    .select()
    .from(timelineItems)
    .where(and(eq(timelineItems.tenantId, tenantId), eq(timelineItems.id, id)));
  return row ?? null;
}

/** Newest first; cursor paging on (occurred_at, id). */
export async function listTimelineRows(
  tx: Tx,
  tenantId: string,
  owner: TimelineOwner,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ rows: TimelineRow[]; hasMore: boolean }> {
  const ownerFilter =
    'organizationId' in owner
      ? eq(timelineItems.organizationId, owner.organizationId)
      : eq(timelineItems.personId, owner.personId);
  const conditions: SQL[] = [eq(timelineItems.tenantId, tenantId), ownerFilter];
  if (page.startingAfter)
    conditions.push(
      sql`(${timelineItems.occurredAt}, ${timelineItems.id}) < (SELECT occurred_at, id FROM crm_timeline_items WHERE tenant_id = ${tenantId} AND id = ${page.startingAfter})`,
    );
  const rows = await tx
    .select()
    .from(timelineItems)
    .where(and(...conditions))
    .orderBy(desc(timelineItems.occurredAt), desc(timelineItems.id))
    .limit(page.limit + 1);
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

export async function insertTimelineItem(tx: Tx, values: NewTimelineRow): Promise<TimelineRow> {
  const [row] = await tx.insert(timelineItems).values(values).returning();
  return row!;
}

/**
 * Inserts an item another module adds, once per (source type, source id, kind): a repeat finds
 * the unique index taken and returns the item already there.
 */
export async function insertSourcedTimelineItem(
  tx: Tx,
  values: NewTimelineRow & { sourceType: string; sourceId: string },
): Promise<{ row: TimelineRow; isNew: boolean }> {
  const [inserted] = await tx
    .insert(timelineItems)
    .values(values)
    .onConflictDoNothing({
      target: [timelineItems.tenantId, timelineItems.sourceType, timelineItems.sourceId, timelineItems.kind],
    })
    .returning();
  if (inserted) return { row: inserted, isNew: true };
  const [existing] = await tx
    .select()
    .from(timelineItems)
    .where(
      and(
        eq(timelineItems.tenantId, values.tenantId),
        eq(timelineItems.sourceType, values.sourceType),
        eq(timelineItems.sourceId, values.sourceId),
        eq(timelineItems.kind, values.kind),
      ),
    );
  return { row: existing!, isNew: false };
}

export async function updateTimelineItem(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: Partial<Pick<TimelineRow, 'kind' | 'body' | 'occurredAt' | 'details'>>,
): Promise<TimelineRow> {
  const [row] = await tx
    .update(timelineItems)
    .set(changes)
    .where(and(eq(timelineItems.tenantId, tenantId), eq(timelineItems.id, id)))
    .returning();
  return row!;
}

export async function deleteTimelineItem(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(timelineItems).where(and(eq(timelineItems.tenantId, tenantId), eq(timelineItems.id, id)));
}

export async function listAllTimelineRows(tx: Tx, tenantId: string): Promise<TimelineRow[]> {
  return tx
    .select()
    .from(timelineItems)
    .where(eq(timelineItems.tenantId, tenantId))
    .orderBy(asc(timelineItems.occurredAt), asc(timelineItems.id));
}

/** Whether the tenant's timelines hold anything (an import only goes into an empty tenant). */
export async function hasAnyTimelineItem(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: timelineItems.id })
    .from(timelineItems)
    .where(eq(timelineItems.tenantId, tenantId))
    .limit(1);
  return row !== undefined;
}

/**
 * A note or contact moment written on the timeline (what its author may change), as opposed to
 * what other modules added (with a source) and the relations' own history (`status_changed`).
 */
export const isNote = (row: Pick<TimelineRow, 'sourceType' | 'kind'>) =>
  row.sourceType === null && (NOTE_KINDS as readonly string[]).includes(row.kind);

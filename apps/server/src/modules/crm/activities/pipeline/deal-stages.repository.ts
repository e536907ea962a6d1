import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../../kernel/db/database.ts';
import { dealStages, deals } from '../../crm.tables.ts';
import { DEFAULT_STAGES } from './pipeline-rules.ts';

export type StageRow = typeof dealStages.$inferSelect;
export type StageChanges = Partial<Pick<StageRow, 'name' | 'probability' | 'outcome' | 'position'>>;

export async function listStageRows(tx: Tx, tenantId: string): Promise<StageRow[]> {
  return tx
    .select()
    .from(dealStages)
    .where(eq(dealStages.tenantId, tenantId))
    .orderBy(asc(dealStages.position), asc(dealStages.createdAt), asc(dealStages.id));
}

export async function findStageRow(tx: Tx, tenantId: string, id: string): Promise<StageRow | null> {
  const [row] = await tx
    .select()
    .from(dealStages)
    .where(and(eq(dealStages.tenantId, tenantId), eq(dealStages.id, id)));
  return row ?? null;
}

/**
 * The tenant's stages, created from the defaults on the first read. Two first reads at once must
 * not both insert: the second waits for the first on a transaction lock and then sees its rows.
 */
export async function findOrCreateStageRows(tx: Tx, tenantId: string): Promise<StageRow[]> {
  const existing = await listStageRows(tx, tenantId);
  if (existing.length > 0) return existing;
  // A statement that is not a plain SELECT: on PostgreSQL it opens the request's transaction, so the lock holds until commit.
  await tx.execute(
    sql`WITH locked AS (SELECT pg_advisory_xact_lock(hashtext(${`crm_deal_stages:${tenantId}`}))) SELECT 1 FROM locked`,
  );
  const afterLock = await listStageRows(tx, tenantId);
  if (afterLock.length > 0) return afterLock;
  await tx.insert(dealStages).values(DEFAULT_STAGES.map((stage, position) => ({ tenantId, position, ...stage })));
  return listStageRows(tx, tenantId);
}

export async function countDealsPerStage(tx: Tx, tenantId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ stageId: deals.stageId, count: count() })
    .from(deals)
    .where(eq(deals.tenantId, tenantId))
    .groupBy(deals.stageId);
  return new Map(rows.map((row) => [row.stageId, row.count]));
}

export async function insertStageRow(
  tx: Tx,
  values: Pick<StageRow, 'tenantId' | 'name' | 'probability' | 'outcome' | 'position'> & { id?: string },
): Promise<StageRow> {
  const [row] = await tx.insert(dealStages).values(values).returning();
  return row!;
}

export async function updateStageRow(tx: Tx, tenantId: string, id: string, changes: StageChanges): Promise<void> {
  await tx
    .update(dealStages)
    .set(changes)
    .where(and(eq(dealStages.tenantId, tenantId), eq(dealStages.id, id)));
}

export async function deleteStageRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(dealStages).where(and(eq(dealStages.tenantId, tenantId), eq(dealStages.id, id)));
}

export async function deleteAllStageRows(tx: Tx, tenantId: string): Promise<void> {
  await tx.delete(dealStages).where(eq(dealStages.tenantId, tenantId));
}

/** Numbers the stages 0, 1, 2 … in the given order, writing only the ones that moved. */
export async function renumberStages(tx: Tx, tenantId: string, current: StageRow[], orderedIds: string[]) {
  const positionOf = new Map(current.map((stage) => [stage.id, stage.position]));
  for (const [position, id] of orderedIds.entries())
    if (positionOf.get(id) !== position) await updateStageRow(tx, tenantId, id, { position });
}

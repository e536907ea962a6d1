import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { savedViews } from '../crm.tables.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;

export async function listSavedViewRows(tx: Tx, tenantId: string, userId: string, list: string) {
  return tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.tenantId, tenantId), eq(savedViews.userId, userId), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}

export async function insertSavedView(tx: Tx, values: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
  const [row] = await tx.insert(savedViews).values(values).returning();
  return row!;
}

/** Deletes the user's own view; false when there is none with this id (someone else's counts as none). */
export async function deleteSavedViewRow(tx: Tx, tenantId: string, userId: string, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(savedViews)
    .where(and(eq(savedViews.tenantId, tenantId), eq(savedViews.userId, userId), eq(savedViews.id, id)))
    .returning({ id: savedViews.id });
  return deleted.length > 0;
}

import { and, desc, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import {
  directDebitBatches,
  directDebitBatchItems,
  refundBatches,
  refundBatchItems,
  type DirectDebitBatchItemRow,
  type DirectDebitBatchRow,
  type RefundBatchItemRow,
  type RefundBatchRow,
} from '../collection-batches.tables.ts';

export type NewDirectDebitBatchRow = typeof directDebitBatches.$inferInsert;
export type NewRefundBatchRow = typeof refundBatches.$inferInsert;
export type NewDirectDebitBatchItemRow = typeof directDebitBatchItems.$inferInsert;

/** How many message ids of this tenant start with `prefix` (both kinds of batch share the numbering). */
export async function countMessageIds(tx: Tx, tenantId: string, prefix: string): Promise<number> {
  const [debits] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(directDebitBatches)
    .where(and(eq(directDebitBatches.tenantId, tenantId), like(directDebitBatches.messageId, `${prefix}%`)));
  const [refunds] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(refundBatches)
    .where(and(eq(refundBatches.tenantId, tenantId), like(refundBatches.messageId, `${prefix}%`)));
  return Number(debits?.count ?? 0) + Number(refunds?.count ?? 0);
}

/**
 * Invoices of this list with a collection still pending in an open batch (not settled, not
 * withdrawn): a returned collection no longer holds its invoice back.
 */
export async function invoicesInOpenBatches(tx: Tx, tenantId: string, invoiceIds: string[]): Promise<Set<string>> {
  if (invoiceIds.length === 0) return new Set();
  const rows = await tx
    .select({ invoiceId: directDebitBatchItems.invoiceId })
    .from(directDebitBatchItems)
    .innerJoin(
      directDebitBatches,
      and(
        eq(directDebitBatches.tenantId, directDebitBatchItems.tenantId),
        eq(directDebitBatches.id, directDebitBatchItems.batchId),
      ),
    )
    .where(
      and(
        eq(directDebitBatchItems.tenantId, tenantId),
        inArray(directDebitBatchItems.invoiceId, invoiceIds),
        eq(directDebitBatches.status, 'open'),
        eq(directDebitBatchItems.outcome, 'pending'),
      ),
    );
  return new Set(rows.map((row) => row.invoiceId));
}

/** A collection made (not withdrawn): the item, with its batch's collection date. */
export interface CollectionRecord extends DirectDebitBatchItemRow {
  collectionDate: string;
  batchStatus: DirectDebitBatchRow['status'];
  batchCreatedAt: Date;
}

/**
 * The collections of these invoices or mandates in batches that were not withdrawn, oldest
 * first: what the retry rule and the sequence type look back on.
 */
export async function collectionRecords(
  tx: Tx,
  tenantId: string,
  of: { invoiceIds?: string[]; mandateIds?: string[] },
): Promise<CollectionRecord[]> {
  const invoiceIds = of.invoiceIds ?? [];
  const mandateIds = of.mandateIds ?? [];
  if (invoiceIds.length === 0 && mandateIds.length === 0) return [];
  const rows = await tx
    .select({
      item: directDebitBatchItems,
      collectionDate: directDebitBatches.collectionDate,
      batchStatus: directDebitBatches.status,
      batchCreatedAt: directDebitBatches.createdAt,
    })
    .from(directDebitBatchItems)
    .innerJoin(
      directDebitBatches,
      and(
        eq(directDebitBatches.tenantId, directDebitBatchItems.tenantId),
        eq(directDebitBatches.id, directDebitBatchItems.batchId),
      ),
    )
    .where(
      and(
        eq(directDebitBatchItems.tenantId, tenantId),
        ne(directDebitBatches.status, 'cancelled'),
        or(
          invoiceIds.length ? inArray(directDebitBatchItems.invoiceId, invoiceIds) : undefined,
          mandateIds.length ? inArray(directDebitBatchItems.mandateId, mandateIds) : undefined,
        ),
      ),
    )
    .orderBy(directDebitBatches.collectionDate, directDebitBatches.createdAt, directDebitBatches.messageId);
  return rows.map((row) => ({
    ...row.item,
    collectionDate: row.collectionDate,
    batchStatus: row.batchStatus,
    batchCreatedAt: row.batchCreatedAt,
  }));
}

export async function lockDirectDebitBatch(tx: Tx, tenantId: string, id: string): Promise<DirectDebitBatchRow | null> {
  const [row] = await tx
    .select()
    .from(directDebitBatches)
    .where(and(eq(directDebitBatches.tenantId, tenantId), eq(directDebitBatches.id, id)))
    .for('update');
  return row ?? null;
}

export async function setDirectDebitBatchStatus(
  tx: Tx,
  tenantId: string,
  id: string,
  status: DirectDebitBatchRow['status'],
): Promise<DirectDebitBatchRow> {
  const [row] = await tx
    .update(directDebitBatches)
    .set({ status })
    .where(and(eq(directDebitBatches.tenantId, tenantId), eq(directDebitBatches.id, id)))
    .returning();
  return row!;
}

export type DirectDebitItemOutcome = Pick<
  DirectDebitBatchItemRow,
  'outcome' | 'returnReasonCode' | 'outcomeEntryId' | 'outcomeOn'
>;

export async function setDirectDebitItemOutcome(
  tx: Tx,
  item: Pick<DirectDebitBatchItemRow, 'tenantId' | 'batchId' | 'invoiceId'>,
  outcome: DirectDebitItemOutcome,
): Promise<void> {
  await tx
    .update(directDebitBatchItems)
    .set(outcome)
    .where(
      and(
        eq(directDebitBatchItems.tenantId, item.tenantId),
        eq(directDebitBatchItems.batchId, item.batchId),
        eq(directDebitBatchItems.invoiceId, item.invoiceId),
      ),
    );
}

export async function insertDirectDebitBatch(
  tx: Tx,
  batch: NewDirectDebitBatchRow,
  items: Omit<NewDirectDebitBatchItemRow, 'tenantId' | 'batchId'>[],
): Promise<DirectDebitBatchRow> {
  const [row] = await tx.insert(directDebitBatches).values(batch).returning();
  await tx
    .insert(directDebitBatchItems)
    .values(items.map((item) => ({ ...item, tenantId: row!.tenantId, batchId: row!.id })));
  return row!;
}

export async function insertRefundBatch(
  tx: Tx,
  batch: NewRefundBatchRow,
  items: Omit<RefundBatchItemRow, 'tenantId' | 'batchId'>[],
): Promise<RefundBatchRow> {
  const [row] = await tx.insert(refundBatches).values(batch).returning();
  await tx
    .insert(refundBatchItems)
    .values(items.map((item) => ({ ...item, tenantId: row!.tenantId, batchId: row!.id })));
  return row!;
}

export async function findDirectDebitBatch(tx: Tx, tenantId: string, id: string): Promise<DirectDebitBatchRow | null> {
  const [row] = await tx
    .select()
    .from(directDebitBatches)
    .where(and(eq(directDebitBatches.tenantId, tenantId), eq(directDebitBatches.id, id)));
  return row ?? null;
}

export async function findRefundBatch(tx: Tx, tenantId: string, id: string): Promise<RefundBatchRow | null> {
  const [row] = await tx
    .select()
    .from(refundBatches)
    .where(and(eq(refundBatches.tenantId, tenantId), eq(refundBatches.id, id)));
  return row ?? null;
}

/** Newest first. Batches are few (one or two a month), so the list is not paged. */
export async function listDirectDebitBatchRows(tx: Tx, tenantId: string): Promise<DirectDebitBatchRow[]> {
  return tx
    .select()
    .from(directDebitBatches)
    .where(eq(directDebitBatches.tenantId, tenantId))
    .orderBy(desc(directDebitBatches.createdAt), desc(directDebitBatches.messageId));
}

export async function listRefundBatchRows(tx: Tx, tenantId: string): Promise<RefundBatchRow[]> {
  return tx
    .select()
    .from(refundBatches)
    .where(eq(refundBatches.tenantId, tenantId))
    .orderBy(desc(refundBatches.createdAt), desc(refundBatches.messageId));
}

export async function directDebitItemsOf(
  tx: Tx,
  tenantId: string,
  batchIds: string[],
): Promise<DirectDebitBatchItemRow[]> {
  if (batchIds.length === 0) return [];
  return tx
    .select()
    .from(directDebitBatchItems)
    .where(and(eq(directDebitBatchItems.tenantId, tenantId), inArray(directDebitBatchItems.batchId, batchIds)))
    .orderBy(directDebitBatchItems.endToEndId);
}

export async function refundItemsOf(tx: Tx, tenantId: string, batchIds: string[]): Promise<RefundBatchItemRow[]> {
  if (batchIds.length === 0) return [];
  return tx
    .select()
    .from(refundBatchItems)
    .where(and(eq(refundBatchItems.tenantId, tenantId), inArray(refundBatchItems.batchId, batchIds)))
    .orderBy(refundBatchItems.endToEndId);
}

/** The export archive: every batch and item of the tenant. */
export const allDirectDebitBatchRows = (tx: Tx, tenantId: string) => listDirectDebitBatchRows(tx, tenantId);
export const allRefundBatchRows = (tx: Tx, tenantId: string) => listRefundBatchRows(tx, tenantId);

export async function insertDirectDebitBatchRows(tx: Tx, rows: NewDirectDebitBatchRow[]): Promise<void> {
  if (rows.length) await tx.insert(directDebitBatches).values(rows);
}

export async function insertDirectDebitItemRows(tx: Tx, rows: NewDirectDebitBatchItemRow[]): Promise<void> {
  if (rows.length) await tx.insert(directDebitBatchItems).values(rows);
}

export async function insertRefundBatchRows(tx: Tx, rows: NewRefundBatchRow[]): Promise<void> {
  if (rows.length) await tx.insert(refundBatches).values(rows);
}

export async function insertRefundItemRows(tx: Tx, rows: RefundBatchItemRow[]): Promise<void> {
  if (rows.length) await tx.insert(refundBatchItems).values(rows);
}

import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { hasTenantRows, inChunks } from '../../../kernel/export/archive-tables.ts';
import {
  subscriptionAdjustments,
  subscriptionBillingDays,
  subscriptionLines,
  subscriptionPeriods,
  subscriptionPriceChanges,
  subscriptions,
  subscriptionSettings,
} from '../subscriptions.tables.ts';

/**
 * Every read and write of the export archive (terms art. 17) on the subscriptions tables: whole
 * tables of one tenant out, and into an empty tenant in (in chunks, see `inChunks`).
 */

const TABLES = {
  subscriptions,
  lines: subscriptionLines,
  priceChanges: subscriptionPriceChanges,
  periods: subscriptionPeriods,
  adjustments: subscriptionAdjustments,
  settings: subscriptionSettings,
  billingDays: subscriptionBillingDays,
};

/** Whether the tenant has any row in that table: what an import calls "not empty". */
export function hasArchiveRows(tx: Tx, tenantId: string, table: keyof typeof TABLES): Promise<boolean> {
  return hasTenantRows(tx, TABLES[table], tenantId);
}

export const allSubscriptionRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.tenantId, tenantId))
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));

export const allLineRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(subscriptionLines)
    .where(eq(subscriptionLines.tenantId, tenantId))
    .orderBy(
      asc(subscriptionLines.subscriptionId),
      asc(subscriptionLines.validFrom),
      asc(subscriptionLines.position),
      asc(subscriptionLines.id),
    );

export const allPriceChangeRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(subscriptionPriceChanges)
    .where(eq(subscriptionPriceChanges.tenantId, tenantId))
    .orderBy(asc(subscriptionPriceChanges.createdAt), asc(subscriptionPriceChanges.id));

export const allPeriodRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(subscriptionPeriods)
    .where(eq(subscriptionPeriods.tenantId, tenantId))
    .orderBy(asc(subscriptionPeriods.subscriptionId), asc(subscriptionPeriods.periodStart));

export const allAdjustmentRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(subscriptionAdjustments)
    .where(eq(subscriptionAdjustments.tenantId, tenantId))
    .orderBy(asc(subscriptionAdjustments.createdAt), asc(subscriptionAdjustments.id));

export async function findSettingsRow(tx: Tx, tenantId: string) {
  const [row] = await tx.select().from(subscriptionSettings).where(eq(subscriptionSettings.tenantId, tenantId));
  return row ?? null;
}

export const allBillingDayRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(subscriptionBillingDays)
    .where(eq(subscriptionBillingDays.tenantId, tenantId))
    .orderBy(asc(subscriptionBillingDays.runOn));

// Into an empty tenant, in chunks (the database's parameter limit).

export const insertSubscriptionRows = (tx: Tx, rows: (typeof subscriptions.$inferInsert)[]) =>
  inChunks(rows, (chunk) => tx.insert(subscriptions).values(chunk));

export const insertLineRows = (tx: Tx, rows: (typeof subscriptionLines.$inferInsert)[]) =>
  inChunks(rows, (chunk) => tx.insert(subscriptionLines).values(chunk));

export const insertPriceChangeRows = (tx: Tx, rows: (typeof subscriptionPriceChanges.$inferInsert)[]) =>
  inChunks(rows, (chunk) => tx.insert(subscriptionPriceChanges).values(chunk));

export const insertPeriodRows = (tx: Tx, rows: (typeof subscriptionPeriods.$inferInsert)[]) =>
  inChunks(rows, (chunk) => tx.insert(subscriptionPeriods).values(chunk));

export const insertAdjustmentRows = (tx: Tx, rows: (typeof subscriptionAdjustments.$inferInsert)[]) =>
  inChunks(rows, (chunk) => tx.insert(subscriptionAdjustments).values(chunk));

export const insertSettingsRow = (tx: Tx, row: typeof subscriptionSettings.$inferInsert) =>
  tx.insert(subscriptionSettings).values(row);

/** A day the importing tenant already claimed itself keeps its own claim. */
export const insertBillingDayRows = (tx: Tx, rows: (typeof subscriptionBillingDays.$inferInsert)[]) =>
  inChunks(rows, (chunk) => tx.insert(subscriptionBillingDays).values(chunk).onConflictDoNothing());

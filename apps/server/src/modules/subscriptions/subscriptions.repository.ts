import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import {
  subscriptionAdjustments,
  subscriptionBillingDays,
  subscriptionLines,
  subscriptionPeriods,
  subscriptionPriceChanges,
  subscriptions,
  subscriptionSettings,
} from './subscriptions.tables.ts';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type NewSubscriptionRow = typeof subscriptions.$inferInsert;
export type SubscriptionLineRow = typeof subscriptionLines.$inferSelect;
export type NewSubscriptionLineRow = typeof subscriptionLines.$inferInsert;
export type PriceChangeRow = typeof subscriptionPriceChanges.$inferSelect;
export type PeriodRow = typeof subscriptionPeriods.$inferSelect;
export type AdjustmentRow = typeof subscriptionAdjustments.$inferSelect;

export async function insertSubscription(tx: Tx, values: NewSubscriptionRow): Promise<SubscriptionRow> {
  const [row] = await tx.insert(subscriptions).values(values).returning();
  return row!;
}

export async function findSubscription(tx: Tx, tenantId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, tenantId), eq(subscriptions.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Locks the rows in id order (two runs never wait on each other crosswise) and reads them afresh. */
export async function lockSubscriptions(
  tx: Tx,
  tenantId: string,
  ids: string[],
  lock = true,
): Promise<SubscriptionRow[]> {
  if (ids.length === 0) return [];
  const query = tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, tenantId), inArray(subscriptions.id, ids)))
    .orderBy(asc(subscriptions.id));
  return lock ? query.for('update') : query;
}

export interface SubscriptionListFilter {
  limit: number;
  startingAfter?: { createdAt: Date; id: string };
  customerId?: string;
  q?: string;
  /** Status is computed from dates: callers pass the day. */
  status?: { status: 'scheduled' | 'active' | 'ending' | 'ended'; today: string };
}

export async function listSubscriptionRows(tx: Tx, tenantId: string, filter: SubscriptionListFilter) {
  const conditions = [eq(subscriptions.tenantId, tenantId)];
  if (filter.customerId)
    conditions.push(
      or(eq(subscriptions.organizationId, filter.customerId), eq(subscriptions.personId, filter.customerId))!,
    );
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${subscriptions.name} ILIKE ${pattern} OR ${subscriptions.customerName} ILIKE ${pattern})`);
  }
  if (filter.status) {
    const { today } = filter.status;
    const ended = sql`${subscriptions.endDate} IS NOT NULL AND ${subscriptions.endDate} < ${today}`;
    switch (filter.status.status) {
      case 'scheduled':
        conditions.push(sql`${subscriptions.startDate} > ${today}`);
        break;
      case 'ended':
        conditions.push(ended);
        break;
      case 'ending':
        conditions.push(
          sql`${subscriptions.startDate} <= ${today} AND ${subscriptions.endDate} IS NOT NULL AND ${subscriptions.endDate} >= ${today}`,
        );
        break;
      case 'active':
        conditions.push(sql`${subscriptions.startDate} <= ${today} AND ${subscriptions.endDate} IS NULL`);
    }
  }
  if (filter.startingAfter)
    conditions.push(
      sql`(${subscriptions.createdAt}, ${subscriptions.id}) < (${filter.startingAfter.createdAt.toISOString()}::timestamptz, ${filter.startingAfter.id}::uuid)`,
    );
  return tx
    .select()
    .from(subscriptions)
    .where(and(...conditions))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
    .limit(filter.limit + 1);
}

export async function updateSubscriptionRow(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<NewSubscriptionRow>,
  expectedVersion?: number,
): Promise<SubscriptionRow | null> {
  const conditions = [eq(subscriptions.tenantId, tenantId), eq(subscriptions.id, id)];
  if (expectedVersion !== undefined) conditions.push(eq(subscriptions.version, expectedVersion));
  const [row] = await tx
    .update(subscriptions)
    .set({ ...values, version: sql`${subscriptions.version} + 1`, updatedAt: new Date() })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** Running subscriptions (not ended before `today`), for indexation and metrics. */
export async function runningSubscriptionRows(tx: Tx, tenantId: string, today: string, ids?: string[]) {
  const conditions = [
    eq(subscriptions.tenantId, tenantId),
    or(isNull(subscriptions.endDate), gte(subscriptions.endDate, today))!,
  ];
  if (ids) conditions.push(inArray(subscriptions.id, ids));
  return tx
    .select()
    .from(subscriptions)
    .where(and(...conditions));
}

export async function platformSubscriptionRows(tx: Tx, tenantId: string, platformTenantId: string) {
  return tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, tenantId), eq(subscriptions.platformTenantId, platformTenantId)))
    .orderBy(asc(subscriptions.createdAt));
}

export async function allSubscriptionRows(tx: Tx, tenantId: string) {
  return tx.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
}

// Lines (versions)

export async function loadLineVersions(tx: Tx, tenantId: string, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return [];
  return tx
    .select()
    .from(subscriptionLines)
    .where(and(eq(subscriptionLines.tenantId, tenantId), inArray(subscriptionLines.subscriptionId, subscriptionIds)))
    .orderBy(asc(subscriptionLines.validFrom), asc(subscriptionLines.position));
}

export async function insertLineVersions(tx: Tx, rows: NewSubscriptionLineRow[]): Promise<void> {
  if (rows.length) await tx.insert(subscriptionLines).values(rows);
}

/**
 * Ends the lines running on `date` the day before, and drops versions that would only have
 * started on or after it: the new lines take over from `date`.
 */
export async function endLineVersionsFrom(tx: Tx, tenantId: string, subscriptionId: string, date: string) {
  const ofSubscription = and(
    eq(subscriptionLines.tenantId, tenantId),
    eq(subscriptionLines.subscriptionId, subscriptionId),
  );
  await tx.delete(subscriptionLines).where(and(ofSubscription, gte(subscriptionLines.validFrom, date)));
  await tx
    .update(subscriptionLines)
    .set({ validUntil: sql`(${date}::date - 1)` })
    .where(
      and(
        ofSubscription,
        lt(subscriptionLines.validFrom, date),
        or(isNull(subscriptionLines.validUntil), gte(subscriptionLines.validUntil, date)),
      ),
    );
}

// Announced prices

export async function insertPriceChanges(tx: Tx, rows: (typeof subscriptionPriceChanges.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(subscriptionPriceChanges).values(rows).returning();
}

export async function loadPriceChanges(tx: Tx, tenantId: string, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return [];
  return tx
    .select()
    .from(subscriptionPriceChanges)
    .where(
      and(
        eq(subscriptionPriceChanges.tenantId, tenantId),
        inArray(subscriptionPriceChanges.subscriptionId, subscriptionIds),
      ),
    )
    .orderBy(asc(subscriptionPriceChanges.appliesFrom), asc(subscriptionPriceChanges.createdAt));
}

export async function findPriceChanges(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(subscriptionPriceChanges)
    .where(and(eq(subscriptionPriceChanges.tenantId, tenantId), inArray(subscriptionPriceChanges.id, ids)));
}

export async function markPriceChangesAnnounced(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .update(subscriptionPriceChanges)
    .set({ announcedAt: new Date() })
    .where(and(eq(subscriptionPriceChanges.tenantId, tenantId), inArray(subscriptionPriceChanges.id, ids)));
}

// Billed periods

/** Null when the period was billed already (the unique key): the caller skips it. */
export async function insertPeriod(tx: Tx, values: typeof subscriptionPeriods.$inferInsert) {
  const [row] = await tx.insert(subscriptionPeriods).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function loadPeriods(tx: Tx, tenantId: string, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return [];
  return tx
    .select()
    .from(subscriptionPeriods)
    .where(
      and(eq(subscriptionPeriods.tenantId, tenantId), inArray(subscriptionPeriods.subscriptionId, subscriptionIds)),
    )
    .orderBy(asc(subscriptionPeriods.periodStart));
}

export async function setPeriodInvoice(tx: Tx, tenantId: string, periodIds: string[], invoiceId: string) {
  if (periodIds.length === 0) return;
  await tx
    .update(subscriptionPeriods)
    .set({ invoiceId })
    .where(and(eq(subscriptionPeriods.tenantId, tenantId), inArray(subscriptionPeriods.id, periodIds)));
}

export async function updatePeriodAmounts(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<PeriodRow, 'amountExclVat' | 'billedLines'>,
) {
  await tx
    .update(subscriptionPeriods)
    .set(values)
    .where(and(eq(subscriptionPeriods.tenantId, tenantId), eq(subscriptionPeriods.id, id)));
}

// Adjustments

export async function insertAdjustments(tx: Tx, rows: (typeof subscriptionAdjustments.$inferInsert)[]) {
  if (rows.length) await tx.insert(subscriptionAdjustments).values(rows);
}

export async function pendingAdjustments(tx: Tx, tenantId: string, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return [];
  return tx
    .select()
    .from(subscriptionAdjustments)
    .where(
      and(
        eq(subscriptionAdjustments.tenantId, tenantId),
        inArray(subscriptionAdjustments.subscriptionId, subscriptionIds),
        isNull(subscriptionAdjustments.settledAt),
      ),
    )
    .orderBy(asc(subscriptionAdjustments.periodStart), asc(subscriptionAdjustments.createdAt));
}

export async function markAdjustmentsBilled(tx: Tx, tenantId: string, ids: string[], invoiceId: string | null) {
  if (ids.length === 0) return;
  await tx
    .update(subscriptionAdjustments)
    .set({ invoiceId, settledAt: new Date() })
    .where(and(eq(subscriptionAdjustments.tenantId, tenantId), inArray(subscriptionAdjustments.id, ids)));
}

// The billing run's work list

export interface DueSubscription {
  id: string;
  groupKey: string;
}

/**
 * Subscriptions with a period to invoice by `today` or an adjustment waiting, with the key of
 * the invoice they go on: the customer's grouped subscriptions that are paid alike share one.
 */
export async function dueSubscriptions(tx: Tx, tenantId: string, today: string): Promise<DueSubscription[]> {
  const result = await tx.execute(sql`
    SELECT s.id, CASE WHEN s.group_invoices
      THEN concat_ws('|', coalesce(s.organization_id, s.person_id)::text, s.payment_method, s.mandate_id::text,
                     s.payment_term_days::text, s.buyer_reference)
      ELSE s.id::text END AS group_key
    FROM subscriptions s
    WHERE s.tenant_id = ${tenantId}
      AND (s.next_invoice_on <= ${today}
        OR EXISTS (SELECT 1 FROM subscription_adjustments a
                   WHERE a.tenant_id = s.tenant_id AND a.subscription_id = s.id AND a.settled_at IS NULL))
    ORDER BY group_key, s.id`);
  const rows = (result as unknown as { rows: { id: string; group_key: string }[] }).rows;
  return rows.map((row) => ({ id: row.id, groupKey: row.group_key }));
}

/** Subscriptions whose next invoice falls within `[from, until]` (the upcoming-invoices view). */
export async function subscriptionsInvoicedUntil(tx: Tx, tenantId: string, until: string) {
  return tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, tenantId), lte(subscriptions.nextInvoiceOn, until)));
}

// Settings and the daily claim

export async function findSettings(tx: Tx, tenantId: string) {
  const [row] = await tx.select().from(subscriptionSettings).where(eq(subscriptionSettings.tenantId, tenantId));
  return row ?? null;
}

export async function upsertSettings(
  tx: Tx,
  tenantId: string,
  values: { priceNoticeMonths: number; billingMode: 'automatic' | 'off' },
) {
  const [row] = await tx
    .insert(subscriptionSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: subscriptionSettings.tenantId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** True for the first caller of the day; everyone after sees the day taken. */
export async function claimBillingDay(tx: Tx, tenantId: string, runOn: string): Promise<boolean> {
  const rows = await tx.insert(subscriptionBillingDays).values({ tenantId, runOn }).onConflictDoNothing().returning();
  return rows.length === 1;
}

export async function setBillingDayJob(tx: Tx, tenantId: string, runOn: string, jobRunId: string) {
  await tx
    .update(subscriptionBillingDays)
    .set({ jobRunId })
    .where(and(eq(subscriptionBillingDays.tenantId, tenantId), eq(subscriptionBillingDays.runOn, runOn)));
}
